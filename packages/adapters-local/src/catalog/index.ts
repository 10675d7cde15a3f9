export * from './duckdb-catalog';
export * from './errors';
export * from './local-crawler';
