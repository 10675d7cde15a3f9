export * from './duckdb-lake-query-engine';
