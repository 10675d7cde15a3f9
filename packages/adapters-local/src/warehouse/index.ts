export * from './duckdb-warehouse';
export * from './errors';
export * from './migrations';
