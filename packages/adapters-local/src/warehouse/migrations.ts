import {
  type ColumnDefinition,
  type FactTable,
  factTables,
  type TablePolicies,
  tablePolicyOf,
  versionedColumnName,
} from '@sluice/core';
import { DUCKDB_TYPE_OF, type DuckDbDatabase, type DuckDbSession, hasDuckDbTypeOf, quoteIdentifier } from '../duckdb';
import { WarehouseSchemaError } from './errors';

/** A versioned migration: applied once, in order, in its own transaction, and recorded in schema_migrations. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(session: DuckDbSession): Promise<void>;
}

export interface AddedColumn {
  readonly table: string;
  readonly column: string;
  readonly type: string;
}

/** A column whose type the contract changed, left as it is under the `quarantine` policy. */
export interface QuarantinedColumn {
  readonly table: string;
  readonly column: string;
  readonly warehouseType: string;
  readonly contractType: string;
}

export interface MigrationReport {
  readonly appliedVersions: number[];
  readonly createdTables: string[];
  readonly addedColumns: AddedColumn[];
  readonly quarantinedColumns: QuarantinedColumn[];
}

/** The partition date of a fact row: the UTC calendar date of `occurred_at`. */
export const PARTITION_DATE_COLUMN = 'dt';

function columnDdl(column: ColumnDefinition): string {
  return `${quoteIdentifier(column.name)} ${DUCKDB_TYPE_OF[column.type]}`;
}

export function createFactTableSql(table: FactTable): string {
  if (!table.columns.some((column) => column.name === 'event_id')) {
    throw new WarehouseSchemaError(`fact table "${table.table}" has no event_id column to key it by`);
  }
  const columns = [...table.columns.map(columnDdl), `${quoteIdentifier(PARTITION_DATE_COLUMN)} DATE NOT NULL`];
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(table.table)} (${columns.join(', ')}, PRIMARY KEY ("event_id"))`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'one fact table per event type, and the load ledger',
    async up(session) {
      for (const table of factTables()) await session.run(createFactTableSql(table));
      await session.run(
        `CREATE TABLE load_ledger (
           object_key VARCHAR PRIMARY KEY,
           table_name VARCHAR NOT NULL,
           rows_inserted BIGINT NOT NULL,
           loaded_at TIMESTAMPTZ NOT NULL
         )`,
      );
    },
  },
];

/**
 * The repeatable migration step that keeps fact tables in step with the event contract: a fact table for
 * a new event type is created, a contract column missing from its table is added (ALTER TABLE ADD
 * COLUMN; older rows read NULL). It never drops or retypes a column. A column whose type the contract
 * changed follows the table's policy: `version` adds `<name>_v2` of the new type (files carrying the new
 * type load into it); `quarantine` leaves the table as it is and reports the column, and loading a file
 * that carries the new type fails naming both types (see loadFiles). Runs inside the caller's transaction.
 */
export async function syncFactTablesWithContract(
  session: DuckDbSession,
  tables: readonly FactTable[],
  policies?: TablePolicies,
): Promise<{ createdTables: string[]; addedColumns: AddedColumn[]; quarantinedColumns: QuarantinedColumn[] }> {
  const existing = await session.all(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  const columnsByTable = new Map<string, Map<string, string>>();
  for (const row of existing) {
    const table = String(row.table_name);
    const columns = columnsByTable.get(table) ?? new Map<string, string>();
    columns.set(String(row.column_name), String(row.data_type));
    columnsByTable.set(table, columns);
  }

  const createdTables: string[] = [];
  const addedColumns: AddedColumn[] = [];
  const quarantinedColumns: QuarantinedColumn[] = [];
  const addColumn = async (table: string, column: ColumnDefinition) => {
    await session.run(`ALTER TABLE ${quoteIdentifier(table)} ADD COLUMN ${columnDdl(column)}`);
    addedColumns.push({ table, column: column.name, type: DUCKDB_TYPE_OF[column.type] });
  };
  for (const table of tables) {
    const current = columnsByTable.get(table.table);
    if (!current) {
      await session.run(createFactTableSql(table));
      createdTables.push(table.table);
      continue;
    }
    for (const column of table.columns) {
      const currentType = current.get(column.name);
      if (currentType === undefined) {
        await addColumn(table.table, column);
        continue;
      }
      if (hasDuckDbTypeOf(currentType, column.type)) continue;
      if (tablePolicyOf(policies, table.table).onTypeChange === 'quarantine') {
        quarantinedColumns.push({
          table: table.table,
          column: column.name,
          warehouseType: currentType,
          contractType: DUCKDB_TYPE_OF[column.type],
        });
        continue;
      }
      const versioned = { ...column, name: versionedColumnName(column.name) };
      const versionedType = current.get(versioned.name);
      if (versionedType === undefined) await addColumn(table.table, versioned);
      else if (!hasDuckDbTypeOf(versionedType, column.type)) {
        throw new WarehouseSchemaError(
          `fact table "${table.table}": column "${versioned.name}" is ${versionedType} in the warehouse but ` +
            `${DUCKDB_TYPE_OF[column.type]} (${column.type}) in the contract; a second retype needs a hand-written migration`,
        );
      }
    }
  }
  return { createdTables, addedColumns, quarantinedColumns };
}

/**
 * Applies the pending versioned migrations, then the contract sync step. Idempotent: a second run applies
 * nothing and adds nothing.
 */
export async function applyMigrations(
  db: DuckDbDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
  contract: readonly FactTable[] = factTables(),
  policies?: TablePolicies,
): Promise<MigrationReport> {
  await db.write((session) =>
    session.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         description VARCHAR NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL
       )`,
    ),
  );
  const appliedVersions: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const applied = await db.transaction(async (tx) => {
      const done = await tx.all('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      await migration.up(tx);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2, current_timestamp)', [
        migration.version,
        migration.description,
      ]);
      return true;
    });
    if (applied) appliedVersions.push(migration.version);
  }
  const synced = await db.transaction((tx) => syncFactTablesWithContract(tx, contract, policies));
  return { appliedVersions, ...synced };
}
