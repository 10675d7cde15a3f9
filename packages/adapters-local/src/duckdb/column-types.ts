import type { ColumnType } from '@sluice/core';

/** Lake column type → DuckDB column type (timestamps are instants: TIMESTAMPTZ, as Parquet's UTC timestamps read). */
export const DUCKDB_TYPE_OF: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  double: 'DOUBLE',
  bigint: 'BIGINT',
  int: 'INTEGER',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
};

/** The spelling `information_schema.columns.data_type` uses for each DuckDB type above. */
const INFORMATION_SCHEMA_TYPE_OF: Readonly<Record<ColumnType, string>> = {
  ...DUCKDB_TYPE_OF,
  timestamp: 'TIMESTAMP WITH TIME ZONE',
};

/** Whether a column reported by `information_schema` has the DuckDB type of `type`. */
export function hasDuckDbTypeOf(informationSchemaType: string, type: ColumnType): boolean {
  return informationSchemaType.toUpperCase() === INFORMATION_SCHEMA_TYPE_OF[type];
}
