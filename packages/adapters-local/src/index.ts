export * from './catalog';
export * from './duckdb';
export * from './lake-query';
export * from './warehouse';
