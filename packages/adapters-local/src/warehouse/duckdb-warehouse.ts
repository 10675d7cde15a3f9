import { stat } from 'node:fs/promises';
import {
  type FactTable,
  type FileToLoad,
  factTables,
  type LoadOutcome,
  MATERIALIZED_VIEWS,
  type Row,
  type TablePolicies,
  tablePolicyOf,
  versionedColumnName,
  type Warehouse,
} from '@sluice/core';
import {
  DuckDbDatabase,
  type DuckDbSession,
  inTransaction,
  localPathOfKey,
  quoteIdentifier,
  quoteStringList,
} from '../duckdb';
import {
  LakeObjectNotFoundError,
  SchemaChangeQuarantinedError,
  UnknownFactTableError,
  WarehouseSchemaError,
} from './errors';
import { applyMigrations, type MigrationReport, PARTITION_DATE_COLUMN } from './migrations';

export interface DuckDbWarehouseOptions {
  /** The warehouse's DuckDB file (created with its parent directory if missing). */
  readonly dbPath: string;
  /** Root of the local lake: object key K is the file `<lakeRoot>/K`. */
  readonly lakeRoot: string;
  /** Per-table schema-change policy (onTypeChange); tables not listed quarantine type changes. */
  readonly policies?: TablePolicies;
  /** The fact tables; defaults to the contract's (`factTables()`). A test passes a changed contract here. */
  readonly facts?: readonly FactTable[];
}

interface PendingFile {
  readonly objectKey: string;
  readonly path: string;
}

const STAGING_TABLE = 'sluice_load_staging';

type LoadCounts = { rowsRead: number; rowsInserted: number; insertedByPath: Map<string, number> };

/** Type families: a file column and a table column of the same family load without a cast that could lose data. */
function typeFamily(type: string): string {
  const t = type.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return 'integer';
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(t)) return 'decimal';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  return t;
}

/**
 * Which file columns load into another column: none when the file's types match the table's; under the
 * `version` policy a retyped column goes into `<name>_v2` (which migrate() created from the contract);
 * under `quarantine` a retyped column fails the load with a SchemaChangeQuarantinedError.
 */
async function renamesOf(
  tx: DuckDbSession,
  table: string,
  file: PendingFile,
  tableTypes: ReadonlyMap<string, string>,
  onTypeChange: 'quarantine' | 'version',
): Promise<[string, string][]> {
  const fileColumns = await tx.all(`DESCRIBE SELECT * FROM read_parquet(${quoteStringList([file.path])})`);
  const renames: [string, string][] = [];
  for (const row of fileColumns) {
    const column = String(row.column_name);
    const fileType = String(row.column_type);
    const tableType = tableTypes.get(column);
    if (tableType === undefined || typeFamily(tableType) === typeFamily(fileType)) continue;
    if (onTypeChange === 'quarantine') {
      throw new SchemaChangeQuarantinedError(table, column, tableType, fileType, file.objectKey);
    }
    const versioned = versionedColumnName(column);
    const versionedType = tableTypes.get(versioned);
    if (versionedType === undefined || typeFamily(versionedType) !== typeFamily(fileType)) {
      throw new WarehouseSchemaError(
        `cannot load "${file.objectKey}" into ${table}: column "${column}" is ${fileType} in the file, and ` +
          `"${versioned}" is ${versionedType ?? 'missing'} in the warehouse (migrate with the contract that has the new type)`,
      );
    }
    renames.push([column, versioned]);
  }
  return renames;
}

/**
 * Loads files into one fact table in the caller's transaction. The files are read once with
 * union_by_name (older files may lack newer columns; the typed empty SELECT in front supplies every
 * column of the table, so a column no file has reads NULL), de-duplicated by event_id (first file by path,
 * then first row, wins), and rows whose event_id is already in the table are left out: the local
 * equivalent of Redshift's MERGE by eventId. Files whose column types differ from the table's follow the
 * table's schema-change policy (see renamesOf) and load in a group of their own.
 */
async function loadIntoTable(
  tx: DuckDbSession,
  table: string,
  files: readonly PendingFile[],
  onTypeChange: 'quarantine' | 'version',
): Promise<LoadCounts> {
  const tableColumns = await tx.all(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name = $1 AND column_name <> $2 ORDER BY ordinal_position`,
    [table, PARTITION_DATE_COLUMN],
  );
  const tableTypes = new Map(tableColumns.map((column) => [String(column.column_name), String(column.data_type)]));
  const groups = new Map<string, { renames: [string, string][]; files: PendingFile[] }>();
  for (const file of files) {
    const renames = await renamesOf(tx, table, file, tableTypes, onTypeChange);
    const id = JSON.stringify(renames);
    const group = groups.get(id) ?? { renames, files: [] };
    group.files.push(file);
    groups.set(id, group);
  }
  const total: LoadCounts = { rowsRead: 0, rowsInserted: 0, insertedByPath: new Map() };
  for (const group of groups.values()) {
    const counts = await loadGroup(tx, table, group.files, tableColumns, group.renames);
    total.rowsRead += counts.rowsRead;
    total.rowsInserted += counts.rowsInserted;
    for (const [path, n] of counts.insertedByPath) total.insertedByPath.set(path, n);
  }
  return total;
}

async function loadGroup(
  tx: DuckDbSession,
  table: string,
  files: readonly PendingFile[],
  tableColumns: readonly Record<string, unknown>[],
  renames: readonly [string, string][],
): Promise<LoadCounts> {
  const paths = files.map((file) => file.path);
  const [readCount] = await tx.all(
    `SELECT coalesce(sum(num_rows), 0) AS n FROM parquet_file_metadata(${quoteStringList(paths)})`,
  );
  const rowsRead = Number(readCount?.n ?? 0);

  const names = tableColumns.map((column) => quoteIdentifier(String(column.column_name)));
  const typedEmpty = tableColumns
    .map((column) => `CAST(NULL AS ${String(column.data_type)}) AS ${quoteIdentifier(String(column.column_name))}`)
    .join(', ');
  const rename =
    renames.length === 0
      ? ''
      : ` RENAME (${renames.map(([from, to]) => `${quoteIdentifier(from)} AS ${quoteIdentifier(to)}`).join(', ')})`;

  await tx.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGING_TABLE} AS
     SELECT ${names.join(', ')}, CAST(timezone('UTC', occurred_at) AS DATE) AS dt, filename AS source_file
     FROM (
       SELECT ${typedEmpty}, CAST(NULL AS VARCHAR) AS filename, CAST(NULL AS BIGINT) AS file_row_number WHERE false
       UNION ALL BY NAME
       SELECT *${rename} FROM read_parquet(${quoteStringList(paths)}, union_by_name = true, filename = true, file_row_number = true)
     ) AS incoming
     WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdentifier(table)} AS fact WHERE fact.event_id = incoming.event_id)
     QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY filename, file_row_number) = 1`,
  );
  const rowsInserted = await tx.run(
    `INSERT INTO ${quoteIdentifier(table)} (${names.join(', ')}, ${quoteIdentifier(PARTITION_DATE_COLUMN)})
     SELECT ${names.join(', ')}, dt FROM ${STAGING_TABLE}`,
  );
  const perFile = await tx.all(`SELECT source_file, count(*) AS n FROM ${STAGING_TABLE} GROUP BY source_file`);
  await tx.run(`DROP TABLE ${STAGING_TABLE}`);
  return {
    rowsRead,
    rowsInserted,
    insertedByPath: new Map(perFile.map((row) => [String(row.source_file), Number(row.n)])),
  };
}

async function assertInLake(file: PendingFile): Promise<void> {
  const found = await stat(file.path).catch(() => undefined);
  if (!found?.isFile()) throw new LakeObjectNotFoundError(file.objectKey, file.path);
}

/**
 * The warehouse as a DuckDB file: the local stand-in for Redshift Serverless.
 *
 * - `migrate()` applies versioned migrations (recorded in `schema_migrations`), then syncs the fact
 *   tables with the contract (new tables, new columns), then builds the materialized views that are
 *   missing.
 * - `loadFiles()` is idempotent twice over: a file in `load_ledger` is skipped, and a row whose event_id
 *   is already loaded is skipped. Each table's files load in one transaction together with their ledger
 *   rows, so a crash leaves either all or none of them.
 * - `refreshViews()` rebuilds each of MATERIALIZED_VIEWS as a table (DuckDB has no materialized views).
 *
 * @example
 * const warehouse = await DuckDbWarehouse.open({ dbPath: 'data/warehouse.duckdb', lakeRoot: 'data/lake' });
 * await warehouse.migrate();
 * await warehouse.loadFiles([{ table: 'attendee_registered', objectKey: 'curated/attendee_registered/dt=2026-11-25/f.parquet' }]);
 * await warehouse.refreshViews();
 */
export class DuckDbWarehouse implements Warehouse {
  private constructor(
    private readonly db: DuckDbDatabase,
    private readonly lakeRoot: string,
    private readonly facts: readonly FactTable[],
    private readonly policies: TablePolicies | undefined,
  ) {}

  static async open(options: DuckDbWarehouseOptions): Promise<DuckDbWarehouse> {
    return new DuckDbWarehouse(
      await DuckDbDatabase.open(options.dbPath),
      options.lakeRoot,
      options.facts ?? factTables(),
      options.policies,
    );
  }

  async migrate(): Promise<void> {
    await this.migrateWithReport();
  }

  /** `migrate()`, telling what it did. */
  async migrateWithReport(): Promise<MigrationReport> {
    const report = await applyMigrations(this.db, undefined, this.facts, this.policies);
    const existing = new Set(
      (await this.db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).map((row) =>
        String(row.table_name),
      ),
    );
    const missing = MATERIALIZED_VIEWS.filter((view) => !existing.has(view.name));
    if (missing.length > 0) await this.rebuildViews(missing);
    return report;
  }

  async loadFiles(files: readonly FileToLoad[]): Promise<LoadOutcome> {
    const knownTables = this.facts.map((fact) => fact.table);
    const distinct = new Map<string, FileToLoad>();
    for (const file of files) {
      if (!knownTables.includes(file.table)) throw new UnknownFactTableError(file.table, file.objectKey, knownTables);
      distinct.set(file.objectKey, file);
    }
    // A key listed twice in one call is loaded once; the repeat counts as a skipped file.
    const repeats = files.length - distinct.size;

    return this.db.write(async (session) => {
      const keys = [...distinct.keys()];
      const ledgered =
        keys.length === 0
          ? []
          : await session.all(
              `SELECT object_key FROM load_ledger WHERE list_contains(${quoteStringList(keys)}, object_key)`,
            );
      const alreadyLoaded = new Set(ledgered.map((row) => String(row.object_key)));

      const pendingByTable = new Map<string, PendingFile[]>();
      for (const file of distinct.values()) {
        if (alreadyLoaded.has(file.objectKey)) continue;
        const pending = { objectKey: file.objectKey, path: localPathOfKey(this.lakeRoot, file.objectKey) };
        pendingByTable.set(file.table, [...(pendingByTable.get(file.table) ?? []), pending]);
      }
      for (const pending of pendingByTable.values()) {
        for (const file of pending) await assertInLake(file);
      }

      let rowsInserted = 0;
      let rowsSkipped = 0;
      for (const [table, pending] of pendingByTable) {
        const loaded = await inTransaction(session, async () => {
          const result = await loadIntoTable(session, table, pending, tablePolicyOf(this.policies, table).onTypeChange);
          for (const file of pending) {
            await session.run('INSERT INTO load_ledger VALUES ($1, $2, $3, current_timestamp)', [
              file.objectKey,
              table,
              result.insertedByPath.get(file.path) ?? 0,
            ]);
          }
          return result;
        });
        rowsInserted += loaded.rowsInserted;
        rowsSkipped += loaded.rowsRead - loaded.rowsInserted;
      }
      return { rowsInserted, rowsSkipped, filesSkipped: alreadyLoaded.size + repeats };
    });
  }

  async refreshViews(): Promise<string[]> {
    return this.rebuildViews(MATERIALIZED_VIEWS);
  }

  /** Runs one read-only (SELECT) statement; anything else is refused with a ReadOnlyQueryError. */
  async query(sql: string): Promise<Row[]> {
    return (await this.db.readOnlyQuery(sql)).rows;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async rebuildViews(views: readonly { name: string; sql: string }[]): Promise<string[]> {
    await this.db.transaction(async (tx) => {
      for (const view of views) await tx.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(view.name)} AS ${view.sql}`);
    });
    return views.map((view) => view.name);
  }
}
