import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  type DuckDBValue,
  StatementType,
} from '@duckdb/node-api';
import { ReadOnlyQueryError } from './errors';
import { AsyncMutex } from './mutex';
import { type PlainRow, toPlainValue } from './plain-values';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface QueryRows {
  readonly columns: string[];
  readonly rows: PlainRow[];
}

/** Statements on one connection. Inside `write`/`transaction` it is the database's single writer. */
export interface DuckDbSession {
  /** Runs one statement and returns its rows as plain JS values. */
  all(sql: string, params?: SqlParams): Promise<PlainRow[]>;
  /** Runs one statement and returns how many rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
}

const IN_MEMORY = ':memory:';

/** One DuckDB instance per file and process, with its writer connection and the mutex guarding it. */
interface SharedInstance {
  readonly instance: DuckDBInstance;
  readonly writer: DuckDBConnection;
  readonly writes: AsyncMutex;
  handles: number;
}

// Two DuckDBInstances on one file in one process would both write it (the file lock is per process), so
// every handler of the local cloud that opens the same file shares one instance and one write mutex.
const sharedInstances = new Map<string, Promise<SharedInstance>>();

async function createShared(path: string): Promise<SharedInstance> {
  if (path !== IN_MEMORY) await mkdir(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path);
  const writer = await instance.connect();
  return { instance, writer, writes: new AsyncMutex(), handles: 0 };
}

/**
 * Runs `work` inside BEGIN … COMMIT on `session`; any error rolls the whole transaction back and is
 * rethrown. For several transactions within one `write`.
 */
export async function inTransaction<T>(session: DuckDbSession, work: () => Promise<T>): Promise<T> {
  await session.run('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await session.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await session.run('COMMIT');
  return result;
}

function rowsOf(reader: DuckDBResultReader): PlainRow[] {
  return reader.convertRowObjects(toPlainValue);
}

function sessionOf(connection: DuckDBConnection): DuckDbSession {
  return {
    all: async (sql, params) => rowsOf(await connection.runAndReadAll(sql, params)),
    run: async (sql, params) => (await connection.run(sql, params)).rowsChanged,
  };
}

/**
 * A DuckDB database file (or `:memory:`) for the local adapters. DuckDB allows one writer per file, and the
 * local cloud runs every handler in one process: writes therefore go through `write`/`transaction`, which
 * serialize on a per-instance mutex, while reads run concurrently on their own short-lived connections
 * and see committed data only.
 *
 * @example
 * const db = await DuckDbDatabase.open('/data/warehouse.duckdb');
 * await db.transaction(async (tx) => { await tx.run('INSERT INTO t VALUES ($1)', ['a']); });
 * const rows = await db.all('SELECT count(*) AS n FROM t'); // [{ n: 1 }]
 */
export class DuckDbDatabase {
  private closed = false;

  private constructor(
    /** Absolute path of the database file, or `:memory:`. */
    readonly path: string,
    private readonly shared: SharedInstance,
  ) {}

  /**
   * Opens (creating it and its parent directory if needed) the database at `path`. Handles opened on the
   * same file in this process share one DuckDB instance; `:memory:` always opens a fresh database.
   */
  static async open(path: string): Promise<DuckDbDatabase> {
    const key = path === IN_MEMORY ? IN_MEMORY : resolve(path);
    if (key === IN_MEMORY) {
      const shared = await createShared(IN_MEMORY);
      shared.handles = 1;
      return new DuckDbDatabase(key, shared);
    }
    let pending = sharedInstances.get(key);
    if (!pending) {
      pending = createShared(key);
      sharedInstances.set(key, pending);
      pending.catch(() => sharedInstances.delete(key));
    }
    const shared = await pending;
    shared.handles++;
    return new DuckDbDatabase(key, shared);
  }

  /** Runs one read statement on a fresh connection; returns its rows as plain JS values. */
  all(sql: string, params?: SqlParams): Promise<PlainRow[]> {
    return this.withReadConnection(async (connection) => rowsOf(await connection.runAndReadAll(sql, params)));
  }

  /** Runs `work` on its own connection inside one transaction, so all its reads see the same snapshot. */
  read<T>(work: (session: DuckDbSession) => Promise<T>): Promise<T> {
    return this.withReadConnection((connection) => {
      const session = sessionOf(connection);
      return inTransaction(session, () => work(session));
    });
  }

  /**
   * Runs `sql` if it is exactly one SELECT statement (DESCRIBE, SHOW and PRAGMA table_info count as
   * SELECT); anything else is refused with a ReadOnlyQueryError before it runs.
   */
  readOnlyQuery(sql: string): Promise<QueryRows> {
    return this.withReadConnection(async (connection) => {
      const statements = await connection.extractStatements(sql);
      if (statements.count !== 1) {
        throw new ReadOnlyQueryError(`expected exactly one SQL statement, got ${statements.count}`);
      }
      const prepared = await statements.prepare(0);
      try {
        if (prepared.statementType !== StatementType.SELECT) {
          throw new ReadOnlyQueryError(
            `only read-only (SELECT) statements are allowed; got a ${StatementType[prepared.statementType]} statement`,
          );
        }
        const reader = await prepared.runAndReadAll();
        return { columns: reader.deduplicatedColumnNames(), rows: rowsOf(reader) };
      } finally {
        prepared.destroySync();
      }
    });
  }

  /** Runs `work` as the only writer of this database (queued behind other writes, in call order). */
  write<T>(work: (session: DuckDbSession) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.shared.writes.runExclusive(() => work(sessionOf(this.shared.writer)));
  }

  /** Like `write`, inside BEGIN … COMMIT; any error rolls the whole transaction back and is rethrown. */
  transaction<T>(work: (session: DuckDbSession) => Promise<T>): Promise<T> {
    return this.write((session) => inTransaction(session, () => work(session)));
  }

  /** Releases this handle; the instance closes (and its file lock is freed) when its last handle does. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Let queued writes finish before the writer connection goes away.
    await this.shared.writes.runExclusive(async () => undefined);
    this.shared.handles--;
    if (this.shared.handles > 0) return;
    if (this.path !== IN_MEMORY) sharedInstances.delete(this.path);
    this.shared.writer.closeSync();
    this.shared.instance.closeSync();
  }

  private async withReadConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    this.assertOpen();
    const connection = await this.shared.instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`DuckDB database ${this.path} is closed`);
  }
}
