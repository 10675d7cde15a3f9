export * from './catalog';
export * from './data-dir';
export * from './duckdb';
export * from './idempotency';
export * from './in-memory';
export * from './lake-query';
export * from './object-store';
export * from './warehouse';
