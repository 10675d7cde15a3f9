export * from './catalog';
export * from './duckdb';
export * from './in-memory';
export * from './warehouse';
