export type Row = Record<string, unknown>;

export interface FileToLoad {
  readonly table: string;
  readonly objectKey: string;
}

export interface LoadOutcome {
  readonly rowsInserted: number;
  readonly rowsSkipped: number;
  readonly filesSkipped: number;
}

/**
 * The warehouse (Redshift Serverless on AWS, a DuckDB file locally). Loads are idempotent: a file in the
 * load ledger is skipped, and rows merge by eventId, so a file delivered twice changes nothing.
 */
export interface Warehouse {
  /** Applies pending schema migrations (idempotent). */
  migrate(): Promise<void>;
  loadFiles(files: readonly FileToLoad[]): Promise<LoadOutcome>;
  /** Refreshes the materialized views; returns their names. */
  refreshViews(): Promise<string[]>;
  /** Read-only query. */
  query(sql: string): Promise<Row[]>;
}
