import { type ColumnDefinition, type ColumnType, type FactTable, factTables, MATERIALIZED_VIEWS } from '@sluice/core';

/**
 * The SQL the Redshift warehouse runs, built from the contract (fact tables, materialized views) so a new
 * event type needs no SQL written by hand. Names and literals are validated, not trusted.
 */

export const REDSHIFT_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR(4096)',
  double: 'DOUBLE PRECISION',
  int: 'INTEGER',
  bigint: 'BIGINT',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name, checked to need no quoting (the contract's snake_case names always pass). */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain lower-case SQL identifier`);
  return name;
}

/**
 * S3's "safe characters" for object keys, plus `=` (Hive partitions) and `:@+,` (s3:// URLs, role ARNs).
 * No backslash, so the literal means the same whatever Redshift's escaping rules; `'` is doubled.
 */
const SAFE_LITERAL = /^[A-Za-z0-9!_.*'()/=:@+,-]+$/;

/** A string literal for an object key, an s3:// URL or a role ARN; anything else is refused, not escaped. */
export function literal(value: string): string {
  if (!SAFE_LITERAL.test(value)) {
    throw new Error(`"${value}" has characters outside S3's safe set; it is not put into SQL text`);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

const columnList = (columns: readonly ColumnDefinition[], prefix = '') =>
  columns.map((c) => `${prefix}${identifier(c.name)}`).join(', ');

const columnDefinitions = (columns: readonly ColumnDefinition[]) =>
  columns.map((c) => `  ${identifier(c.name)} ${REDSHIFT_TYPES[c.type]}`);

/** How `information_schema.columns.data_type` names each Redshift type the facts use. */
export const INFORMATION_SCHEMA_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'character varying',
  double: 'double precision',
  int: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  timestamp: 'timestamp without time zone',
};

export function selectFactColumns(tables: readonly string[]): string {
  return [
    'SELECT table_name, column_name, data_type',
    'FROM information_schema.columns',
    `WHERE table_schema = current_schema() AND table_name IN (${tables.map(literal).join(', ')})`,
  ].join('\n');
}

/** Redshift adds one column per ALTER TABLE. */
export function addColumn(table: string, column: ColumnDefinition): string {
  return `ALTER TABLE ${identifier(table)} ADD COLUMN ${identifier(column.name)} ${REDSHIFT_TYPES[column.type]}`;
}

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

export const CREATE_SCHEMA_MIGRATIONS =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)';
export const SELECT_APPLIED_VERSIONS = 'SELECT version FROM schema_migrations';

export function recordMigration(version: number): string {
  return `INSERT INTO schema_migrations (version, applied_at) VALUES (${Math.trunc(version)}, GETDATE())`;
}

export function createFactTable(fact: FactTable): string {
  return [
    `CREATE TABLE ${identifier(fact.table)} (`,
    [...columnDefinitions(fact.columns), '  dt DATE', '  PRIMARY KEY (event_id)'].join(',\n'),
    ')',
  ].join('\n');
}

/**
 * Versioned migrations, applied in order and recorded in `schema_migrations`. Never edit an applied one:
 * a later contract change (a new column, a new view) is a new version.
 */
export function warehouseMigrations(): Migration[] {
  return [
    {
      version: 1,
      description: 'fact tables, load ledger, materialized views',
      statements: [
        ...factTables().map(createFactTable),
        [
          'CREATE TABLE load_ledger (',
          '  object_key VARCHAR(1024) PRIMARY KEY,',
          '  table_name VARCHAR(128),',
          '  rows_inserted BIGINT,',
          '  loaded_at TIMESTAMP',
          ')',
        ].join('\n'),
        ...createViews(['mv_attendees_by_country']),
      ],
    },
    {
      version: 2,
      description: 'registrations per day and session popularity views',
      statements: createViews(['mv_registrations_per_day', 'mv_session_popularity']),
    },
  ];
}

/** CREATE MATERIALIZED VIEW for the named views of MATERIALIZED_VIEWS (a name it lacks is a bug here). */
function createViews(names: readonly string[]): string[] {
  return names.map((name) => {
    const view = MATERIALIZED_VIEWS.find((candidate) => candidate.name === name);
    if (!view) throw new Error(`migration names materialized view "${name}", which MATERIALIZED_VIEWS lacks`);
    return `CREATE MATERIALIZED VIEW ${identifier(view.name)} AS\n${view.sql}`;
  });
}

export function selectLoadedKeys(keys: readonly string[]): string {
  return `SELECT object_key FROM load_ledger WHERE object_key IN (${keys.map(literal).join(', ')})`;
}

export interface LoadStatementsInput {
  readonly fact: FactTable;
  /** s3:// URL of the COPY manifest that lists the files. */
  readonly manifestUrl: string;
  /** The role COPY reads S3 with; omitted, the namespace's default IAM role (`IAM_ROLE default`). */
  readonly iamRoleArn?: string;
  readonly objectKeys: readonly string[];
  /** The fact column a contract column loads into, when not its own name (a versioned retype: `<name>_v2`). */
  readonly targetOf?: (column: string) => string;
}

/** Where the load transaction reports `staged_rows` and `new_rows` (see {@link loadStatements}). */
export const LOAD_COUNTS_STATEMENT = 4;

/**
 * One transaction that loads a table's new files:
 * 0. a temporary stage with the file columns, in file order (COPY from Parquet maps columns by position);
 * 1. COPY the files listed in the manifest into it;
 * 2. keep one row per event_id (a batch retried upstream can repeat events), adding `dt`;
 * 3. drop the rows whose event_id the fact already has — so the MERGE only ever inserts, and the rows
 *    left are exactly the rows it will insert;
 * 4. count staged and new rows: rowsInserted = new_rows, rowsSkipped = staged_rows − new_rows, measured
 *    inside the transaction, so a concurrent load cannot skew them;
 * 5. MERGE by event_id (Redshift requires a WHEN MATCHED clause with WHEN NOT MATCHED; after step 3 it
 *    matches nothing, and it is a no-op update should it ever match);
 * 6. record each file in the ledger. Redshift cannot tell which file a staged row came from, so every
 *    file of one load records that load's rows_inserted.
 */
export function loadStatements(input: LoadStatementsInput): string[] {
  const table = identifier(input.fact.table);
  const stage = `stage_${table}`;
  const fresh = `new_${table}`;
  const columns = input.fact.columns;
  const loaded = input.objectKeys.map((key) => `SELECT ${literal(key)} AS object_key`).join(' UNION ALL ');
  return [
    [`CREATE TEMP TABLE ${stage} (`, columnDefinitions(columns).join(',\n'), ')'].join('\n'),
    [
      `COPY ${stage}`,
      `FROM ${literal(input.manifestUrl)}`,
      `IAM_ROLE ${input.iamRoleArn === undefined ? 'default' : literal(input.iamRoleArn)}`,
      'FORMAT AS PARQUET',
      'MANIFEST',
    ].join('\n'),
    [
      `CREATE TEMP TABLE ${fresh} AS`,
      `SELECT ${columnList(columns)}, TRUNC(occurred_at) AS dt`,
      `FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY occurred_at) AS copy_number FROM ${stage}) AS numbered`,
      'WHERE copy_number = 1',
    ].join('\n'),
    [`DELETE FROM ${fresh}`, `USING ${table}`, `WHERE ${fresh}.event_id = ${table}.event_id`].join('\n'),
    [
      'SELECT staged.row_count AS staged_rows, fresh.row_count AS new_rows',
      `FROM (SELECT COUNT(*) AS row_count FROM ${stage}) AS staged`,
      `CROSS JOIN (SELECT COUNT(*) AS row_count FROM ${fresh}) AS fresh`,
    ].join('\n'),
    [
      `MERGE INTO ${table}`,
      `USING ${fresh}`,
      `ON ${table}.event_id = ${fresh}.event_id`,
      `WHEN MATCHED THEN UPDATE SET event_id = ${fresh}.event_id`,
      `WHEN NOT MATCHED THEN INSERT (${columns.map((c) => identifier(input.targetOf?.(c.name) ?? c.name)).join(', ')}, dt)`,
      `VALUES (${columnList(columns, `${fresh}.`)}, ${fresh}.dt)`,
    ].join('\n'),
    [
      'INSERT INTO load_ledger (object_key, table_name, rows_inserted, loaded_at)',
      `SELECT loaded.object_key, ${literal(table)}, inserted.row_count, GETDATE()`,
      `FROM (${loaded}) AS loaded`,
      `CROSS JOIN (SELECT COUNT(*) AS row_count FROM ${fresh}) AS inserted`,
    ].join('\n'),
  ];
}

export function refreshView(name: string): string {
  return `REFRESH MATERIALIZED VIEW ${identifier(name)}`;
}
