export * from './duckdb-catalog';
export * from './errors';
