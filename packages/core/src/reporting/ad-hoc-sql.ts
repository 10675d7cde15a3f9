import type { LakeQueryEngine } from '../ports/lake-query';
import type { Row } from '../ports/warehouse';
import { readOnlySelect } from './read-only-sql';

export interface AdHocLimits {
  /** Rows returned at most; the query is wrapped in a LIMIT one above it to tell whether there were more. */
  readonly maxRows: number;
  /** How long the caller waits for the answer. */
  readonly timeoutMs: number;
}

export interface AdHocResult {
  readonly sql: string;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  /** More rows matched than `maxRows`. */
  readonly truncated: boolean;
}

export class AdHocSqlTimeoutError extends Error {
  override readonly name = 'AdHocSqlTimeoutError';
}

export const DEFAULT_AD_HOC_LIMITS: AdHocLimits = { maxRows: 1000, timeoutMs: 20_000 };

/**
 * Ad-hoc read-only SQL on the lake (Athena on AWS, sandboxed DuckDB locally): checked by readOnlySelect,
 * wrapped in a row limit, and given up after `timeoutMs` with an AdHocSqlTimeoutError.
 */
export async function runAdHocSql(
  engine: LakeQueryEngine,
  sql: string,
  limits: AdHocLimits = DEFAULT_AD_HOC_LIMITS,
): Promise<AdHocResult> {
  const statement = readOnlySelect(sql);
  const limited = `SELECT * FROM (\n${statement}\n) AS ad_hoc LIMIT ${limits.maxRows + 1}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new AdHocSqlTimeoutError(`The query ran longer than ${limits.timeoutMs / 1000} s and was given up.`)),
      limits.timeoutMs,
    );
  });
  try {
    const result = await Promise.race([engine.query(limited), timeout]);
    return {
      sql: statement,
      columns: result.columns,
      rows: result.rows.slice(0, limits.maxRows),
      truncated: result.rows.length > limits.maxRows,
    };
  } finally {
    clearTimeout(timer);
  }
}
