import type { Row } from './warehouse';

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
}

/** SQL over the lake through the data catalog (Athena on AWS, DuckDB over the lake files locally). */
export interface LakeQueryEngine {
  /** Runs one read-only statement against the catalog's database. */
  query(sql: string): Promise<QueryResult>;
}
