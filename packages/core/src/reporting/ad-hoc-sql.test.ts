import { describe, expect, it } from 'vitest';
import type { LakeQueryEngine, QueryResult } from '../ports/lake-query';
import { AdHocSqlTimeoutError, runAdHocSql } from './ad-hoc-sql';
import { AdHocSqlRejectedError } from './read-only-sql';

/** An engine that records what it was asked and answers `rows` (or never, for the timeout). */
function recordingEngine(rows: number, answer = true) {
  const seen: string[] = [];
  const engine: LakeQueryEngine = {
    query: (sql) => {
      seen.push(sql);
      const result: QueryResult = { columns: ['n'], rows: Array.from({ length: rows }, (_, n) => ({ n })) };
      return answer ? Promise.resolve(result) : new Promise(() => {});
    },
  };
  return { engine, seen };
}

describe('runAdHocSql', () => {
  it('wraps the query in a row limit and says when rows were cut', async () => {
    const { engine, seen } = recordingEngine(4);
    const result = await runAdHocSql(engine, 'SELECT n FROM t;', { maxRows: 3, timeoutMs: 10_000 });
    expect(seen).toEqual(['SELECT * FROM (\nSELECT n FROM t\n) AS ad_hoc LIMIT 4']);
    expect(result).toMatchObject({ sql: 'SELECT n FROM t', truncated: true, columns: ['n'] });
    expect(result.rows).toHaveLength(3);
  });

  it('gives up on a query that does not answer in time', async () => {
    const { engine } = recordingEngine(0, false);
    await expect(runAdHocSql(engine, 'SELECT 1', { maxRows: 10, timeoutMs: 20 })).rejects.toBeInstanceOf(
      AdHocSqlTimeoutError,
    );
  });

  it('never hands a rejected statement to the engine', async () => {
    const { engine, seen } = recordingEngine(1);
    await expect(runAdHocSql(engine, "SELECT * FROM read_csv('/etc/passwd')")).rejects.toBeInstanceOf(
      AdHocSqlRejectedError,
    );
    expect(seen).toEqual([]);
  });
});
