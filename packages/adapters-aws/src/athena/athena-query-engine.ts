import {
  type AthenaClient,
  type ColumnInfo,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { LakeQueryEngine, QueryResult, Row } from '@sluice/core';
import { LakeQueryError, QueryTimeoutError, UnexpectedResponseError } from '../errors';
import { pollUntilDone } from '../internal/poll';
import { assertSingleSelect } from '../internal/read-only-sql';

/** GetQueryResults returns at most 1000 rows per page. */
const MAX_ROWS_PER_PAGE = 1000;

export interface AthenaQueryEngineOptions {
  readonly workGroup: string;
  /** The Glue database the lake's tables are in. */
  readonly database: string;
  /** First wait between GetQueryExecution calls; later waits grow 1.5× up to 5 s (default 250 ms). */
  readonly pollIntervalMs?: number;
  /** How long a query may run before it is stopped and a {@link QueryTimeoutError} thrown (default 5 min). */
  readonly timeoutMs?: number;
  /** Rows returned at most; paging stops there and the rest is left unread (default 10 000). */
  readonly maxRows?: number;
}

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int', 'bigint']);
const DECIMAL_TYPES = new Set(['double', 'float', 'real', 'decimal']);

/**
 * Athena returns every value as text (`VarCharValue`); the column's type says what it was. Integers,
 * decimals and booleans become numbers and booleans (a bigint beyond 2^53 stays text rather than lose
 * digits); a missing VarCharValue is NULL; other types (varchar, date, timestamp, arrays…) stay text.
 */
export function athenaValue(text: string | undefined, type: string | undefined): unknown {
  if (text === undefined) return null;
  const base = (type ?? '').toLowerCase().replace(/\(.*$/, '');
  if (INTEGER_TYPES.has(base)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : text;
  }
  if (DECIMAL_TYPES.has(base)) return Number(text);
  if (base === 'boolean') return text === 'true';
  return text;
}

/**
 * The lake query port over Athena: one read-only statement (anything else is refused before it is sent),
 * StartQueryExecution in the workgroup with the catalog database, GetQueryExecution polled until the query
 * ends, then GetQueryResults paged.
 *
 * @example
 * const lakeQuery = buildAthenaQueryEngine(clients.athena, { workGroup: 'sluice', database: 'sluice' });
 * const { columns, rows } = await lakeQuery.query('SELECT country, COUNT(*) AS n FROM attendee_registered GROUP BY 1');
 */
export function buildAthenaQueryEngine(client: AthenaClient, options: AthenaQueryEngineOptions): LakeQueryEngine {
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const maxRows = options.maxRows ?? 10_000;

  async function stop(id: string): Promise<unknown> {
    try {
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
      return undefined;
    } catch (error) {
      return error;
    }
  }

  async function waitUntilSucceeded(id: string): Promise<QueryExecution> {
    const outcome = await pollUntilDone(
      async () => {
        const { QueryExecution: execution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
        const state = execution?.Status?.State;
        return state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED' ? execution : undefined;
      },
      { intervalMs: pollIntervalMs, maxIntervalMs: Math.max(pollIntervalMs, 5_000), timeoutMs },
    );
    if (!outcome.done) throw new QueryTimeoutError('Athena', id, timeoutMs, await stop(id));
    const execution = outcome.value;
    const status = execution.Status;
    if (status?.State !== 'SUCCEEDED') {
      const reason = status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage ?? 'no reason given';
      throw new LakeQueryError(id, status?.State ?? 'FAILED', reason);
    }
    return execution;
  }

  return {
    async query(sql): Promise<QueryResult> {
      assertSingleSelect(sql);
      const { QueryExecutionId: id } = await client.send(
        new StartQueryExecutionCommand({
          QueryString: sql,
          QueryExecutionContext: { Database: options.database },
          WorkGroup: options.workGroup,
        }),
      );
      if (!id) throw new UnexpectedResponseError('StartQueryExecution returned no QueryExecutionId');
      await waitUntilSucceeded(id);

      let columnInfo: ColumnInfo[] = [];
      const rows: Row[] = [];
      let nextToken: string | undefined;
      let firstPage = true;
      do {
        const page = await client.send(
          new GetQueryResultsCommand({
            QueryExecutionId: id,
            NextToken: nextToken,
            MaxResults: Math.min(MAX_ROWS_PER_PAGE, maxRows - rows.length + (firstPage ? 1 : 0)),
          }),
        );
        if (firstPage) columnInfo = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
        const names = columnInfo.map((column) => column.Name ?? '');
        // A SELECT's results start with a row of column labels, on the first page only.
        const pageRows = (page.ResultSet?.Rows ?? []).slice(firstPage ? 1 : 0);
        for (const resultRow of pageRows) {
          if (rows.length >= maxRows) break;
          const row: Row = {};
          columnInfo.forEach((column, i) => {
            row[names[i] ?? ''] = athenaValue(resultRow.Data?.[i]?.VarCharValue, column.Type);
          });
          rows.push(row);
        }
        firstPage = false;
        nextToken = page.NextToken;
      } while (nextToken && rows.length < maxRows);

      return { columns: columnInfo.map((column) => column.Name ?? ''), rows };
    },
  };
}
