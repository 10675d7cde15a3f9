import {
  type ColumnDefinition,
  type ColumnType,
  type DataCatalog,
  type PartitionToRegister,
  type TableDefinition,
  versionedColumnName,
} from '@sluice/core';
import { DuckDbDatabase, type DuckDbSession, type PlainRow, quoteStringList } from '../duckdb';
import { CatalogError, SchemaChangeError } from './errors';

export interface DuckDbCatalogOptions {
  /** The catalog's DuckDB file (created with its parent directory if missing). */
  readonly dbPath: string;
  /** The catalog database's name (Glue database), e.g. `sluice`. */
  readonly database: string;
}

export interface CatalogPartition {
  readonly dt: string;
  readonly location: string;
}

export interface CatalogTable extends TableDefinition {
  /** Registered partitions, sorted by dt. */
  readonly partitions: readonly CatalogPartition[];
}

/** Everything the catalog holds at one moment: what the lake query engine builds its views from. */
export interface CatalogSnapshot {
  readonly database: string;
  readonly tables: readonly CatalogTable[];
}

const COLUMN_TYPES: ReadonlySet<string> = new Set<ColumnType>([
  'string',
  'double',
  'bigint',
  'int',
  'boolean',
  'timestamp',
]);

function parseColumns(json: unknown, where: string): ColumnDefinition[] {
  const parsed: unknown = JSON.parse(String(json));
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (column: unknown) =>
        typeof column === 'object' &&
        column !== null &&
        typeof (column as ColumnDefinition).name === 'string' &&
        typeof (column as ColumnDefinition).field === 'string' &&
        COLUMN_TYPES.has((column as ColumnDefinition).type),
    );
  if (!valid) throw new CatalogError(`the catalog file holds invalid column definitions for ${where}`);
  return (parsed as ColumnDefinition[]).map(({ name, type, field }) => ({ name, type, field }));
}

function tableOf(row: PlainRow): TableDefinition {
  const name = String(row.name);
  const parameters = parseParameters(row.parameters);
  return {
    name,
    location: String(row.location),
    columns: parseColumns(row.columns, `table ${name}`),
    partitionKeys: parseColumns(row.partition_keys, `the partition keys of table ${name}`),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
  };
}

function parseParameters(json: unknown): Record<string, string> {
  if (json === null || json === undefined) return {};
  const parsed: unknown = JSON.parse(String(json));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

/**
 * The schema-change policy, as the Glue adapter applies it: new contract columns are appended; a retyped
 * column is refused (`quarantine`) or gets a `<name>_v2` column of the new type (`version`). Returns the
 * columns to append.
 */
export function columnsToAppend(existing: TableDefinition, wanted: TableDefinition): ColumnDefinition[] {
  const known = new Map(existing.columns.map((column) => [column.name, column]));
  const added: ColumnDefinition[] = [];
  for (const column of wanted.columns) {
    const current = known.get(column.name);
    if (!current) {
      added.push(column);
      continue;
    }
    if (current.type === column.type) continue;
    if (wanted.onTypeChange !== 'version') {
      throw new SchemaChangeError(wanted.name, column.name, current.type, column.type);
    }
    const versioned = versionedColumnName(column.name);
    const existingVersion = known.get(versioned);
    if (existingVersion && existingVersion.type !== column.type) {
      throw new SchemaChangeError(wanted.name, versioned, existingVersion.type, column.type);
    }
    if (!existingVersion) added.push({ ...column, name: versioned });
  }
  return added;
}

async function readTable(session: Pick<DuckDbSession, 'all'>, name: string): Promise<TableDefinition | undefined> {
  const [row] = await session.all('SELECT * FROM catalog_tables WHERE name = $1', [name]);
  return row ? tableOf(row) : undefined;
}

/**
 * The data catalog as a DuckDB file: the local stand-in for the Glue Data Catalog. Tables keep their
 * columns and partition keys as JSON; partitions are (table, dt) → location.
 *
 * Same schema-change policy as the Glue adapter: ensureTable adds columns that are new and keeps columns
 * the contract no longer has; a retype is refused with a SchemaChangeError, or versioned into `<name>_v2`
 * when the table's policy says `version` (see columnsToAppend); the location and partition keys of an
 * existing table are kept as they are; table parameters (partition projection) are merged.
 *
 * @example
 * const catalog = await DuckDbCatalog.open({ dbPath: 'data/catalog.duckdb', database: 'sluice' });
 * await catalog.ensureTable({ name: 'attendee_registered', location, columns, partitionKeys: [PARTITION_COLUMN] });
 * await catalog.addPartitions([{ table: 'attendee_registered', dt: '2026-11-25', location: `${location}dt=2026-11-25/` }]); // 1
 */
export class DuckDbCatalog implements DataCatalog {
  private constructor(
    readonly database: string,
    private readonly db: DuckDbDatabase,
  ) {}

  static async open(options: DuckDbCatalogOptions): Promise<DuckDbCatalog> {
    const db = await DuckDbDatabase.open(options.dbPath);
    await db.transaction(async (tx) => {
      await tx.run(
        `CREATE TABLE IF NOT EXISTS catalog_tables (
           name VARCHAR PRIMARY KEY,
           location VARCHAR NOT NULL,
           columns JSON NOT NULL,
           partition_keys JSON NOT NULL
         )`,
      );
      // Added after the first release: table parameters (partition projection).
      await tx.run('ALTER TABLE catalog_tables ADD COLUMN IF NOT EXISTS parameters JSON');
      await tx.run(
        `CREATE TABLE IF NOT EXISTS catalog_partitions (
           table_name VARCHAR NOT NULL,
           dt VARCHAR NOT NULL,
           location VARCHAR NOT NULL,
           created_at TIMESTAMPTZ NOT NULL,
           PRIMARY KEY (table_name, dt)
         )`,
      );
    });
    return new DuckDbCatalog(options.database, db);
  }

  async ensureTable(table: TableDefinition): Promise<void> {
    await this.db.transaction(async (tx) => {
      const existing = await readTable(tx, table.name);
      if (!existing) {
        await tx.run(
          'INSERT INTO catalog_tables (name, location, columns, partition_keys, parameters) VALUES ($1, $2, $3, $4, $5)',
          [
            table.name,
            table.location,
            JSON.stringify(table.columns.map(({ name, type, field }) => ({ name, type, field }))),
            JSON.stringify(table.partitionKeys),
            JSON.stringify(table.parameters ?? {}),
          ],
        );
        return;
      }
      const added = columnsToAppend(existing, table);
      const parameters = { ...existing.parameters, ...table.parameters };
      const parametersChanged = JSON.stringify(parameters) !== JSON.stringify(existing.parameters ?? {});
      if (added.length === 0 && !parametersChanged) return;
      await tx.run('UPDATE catalog_tables SET columns = $1, parameters = $2 WHERE name = $3', [
        JSON.stringify([...existing.columns, ...added].map(({ name, type, field }) => ({ name, type, field }))),
        JSON.stringify(parameters),
        table.name,
      ]);
    });
  }

  async hasPartition(table: string, dt: string): Promise<boolean> {
    const rows = await this.db.all('SELECT 1 FROM catalog_partitions WHERE table_name = $1 AND dt = $2', [table, dt]);
    return rows.length > 0;
  }

  async addPartitions(partitions: readonly PartitionToRegister[]): Promise<number> {
    const distinct = new Map(partitions.map((partition) => [`${partition.table}\u0000${partition.dt}`, partition]));
    if (distinct.size === 0) return 0;
    return this.db.transaction(async (tx) => {
      const tables = [...new Set(partitions.map((partition) => partition.table))];
      const found = await tx.all(
        `SELECT name FROM catalog_tables WHERE list_contains(${quoteStringList(tables)}, name)`,
      );
      const missing = tables.filter((table) => !found.some((row) => row.name === table));
      if (missing.length > 0) {
        throw new CatalogError(
          `cannot register partitions of ${missing.map((table) => `${this.database}.${table}`).join(', ')}: not in the catalog`,
        );
      }
      let created = 0;
      for (const partition of distinct.values()) {
        created += await tx.run(
          `INSERT INTO catalog_partitions VALUES ($1, $2, $3, current_timestamp) ON CONFLICT DO NOTHING`,
          [partition.table, partition.dt, partition.location],
        );
      }
      return created;
    });
  }

  /** The `dt` values of a table's partitions, sorted; none for a table not (yet) in the catalog. */
  async listPartitions(table: string): Promise<string[]> {
    const rows = await this.db.all('SELECT dt FROM catalog_partitions WHERE table_name = $1 ORDER BY dt', [table]);
    return rows.map((row) => String(row.dt));
  }

  async getTable(name: string): Promise<TableDefinition | undefined> {
    return readTable(this.db, name);
  }

  /** Every table with its partitions, read in one transaction. */
  async snapshot(): Promise<CatalogSnapshot> {
    const [tableRows, partitionRows] = await this.db.read(async (session) => [
      await session.all('SELECT * FROM catalog_tables ORDER BY name'),
      await session.all('SELECT table_name, dt, location FROM catalog_partitions ORDER BY table_name, dt'),
    ]);
    const partitionsByTable = new Map<string, CatalogPartition[]>();
    for (const row of partitionRows) {
      const table = String(row.table_name);
      partitionsByTable.set(table, [
        ...(partitionsByTable.get(table) ?? []),
        { dt: String(row.dt), location: String(row.location) },
      ]);
    }
    return {
      database: this.database,
      tables: tableRows.map((row) => {
        const table = tableOf(row);
        return { ...table, partitions: partitionsByTable.get(table.name) ?? [] };
      }),
    };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
