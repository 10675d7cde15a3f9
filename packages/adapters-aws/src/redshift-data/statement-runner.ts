import {
  BatchExecuteStatementCommand,
  CancelStatementCommand,
  DescribeStatementCommand,
  type DescribeStatementResponse,
  ExecuteStatementCommand,
  type Field,
  GetStatementResultCommand,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import type { Row } from '@sluice/core';
import { QueryTimeoutError, UnexpectedResponseError, WarehouseStatementError } from '../errors';
import { pollUntilDone } from '../internal/poll';

export interface StatementRunnerOptions {
  /** Redshift Serverless workgroup; with no SecretArn or DbUser the Data API signs in as the caller's IAM identity. */
  readonly workgroupName: string;
  readonly database: string;
  /** First wait between DescribeStatement calls; later waits grow 1.5× up to 5 s (default 250 ms). */
  readonly pollIntervalMs?: number;
  /** How long a statement may run before it is cancelled and a {@link QueryTimeoutError} thrown (default 10 min). */
  readonly timeoutMs?: number;
}

/** Runs SQL through the Redshift Data API and waits for it: the only place that knows the API is asynchronous. */
export interface StatementRunner {
  /** One statement (autocommit); its rows, or none for a statement without a result set. */
  execute(sql: string): Promise<Row[]>;
  /** Statements run in order as ONE transaction (BatchExecuteStatement); the rows of each, by position. */
  executeBatch(sqls: readonly string[]): Promise<Row[][]>;
}

const TERMINAL = new Set(['FINISHED', 'FAILED', 'ABORTED']);

const firstLine = (sql: string) => sql.trim().split('\n', 1)[0] ?? '';

function fieldValue(field: Field): unknown {
  if (field.isNull) return null;
  if (field.stringValue !== undefined) return field.stringValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.blobValue !== undefined) return field.blobValue;
  return null;
}

/** The position of a sub-statement in its batch: its Id ends in `:<n>`, counted from 1. */
function subStatementIndex(id: string | undefined, fallback: number): number {
  const match = /:(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) - 1 : fallback;
}

export function buildStatementRunner(client: RedshiftDataClient, options: StatementRunnerOptions): StatementRunner {
  const target = { WorkgroupName: options.workgroupName, Database: options.database };
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 600_000;

  async function cancel(id: string): Promise<unknown> {
    try {
      await client.send(new CancelStatementCommand({ Id: id }));
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /** Polls until FINISHED; FAILED or ABORTED become a WarehouseStatementError naming the failing SQL. */
  async function waitUntilFinished(id: string, sqls: readonly string[]): Promise<DescribeStatementResponse> {
    const outcome = await pollUntilDone(
      async () => {
        const description = await client.send(new DescribeStatementCommand({ Id: id }));
        return TERMINAL.has(description.Status ?? '') ? description : undefined;
      },
      { intervalMs: pollIntervalMs, maxIntervalMs: Math.max(pollIntervalMs, 5_000), timeoutMs },
    );
    if (!outcome.done) {
      const cancelError = await cancel(id);
      throw new QueryTimeoutError('Redshift Data API', id, timeoutMs, cancelError);
    }
    const description = outcome.value;
    if (description.Status === 'FINISHED') return description;
    // In a batch, the sub-statement that failed carries the error; the others are ABORTED or never ran.
    const failed = description.SubStatements?.find((sub) => sub.Status === 'FAILED');
    const sql = failed
      ? (sqls[subStatementIndex(failed.Id, 0)] ?? failed.QueryString ?? '')
      : sqls.length === 1
        ? (sqls[0] ?? '')
        : `batch of ${sqls.length} statements, the first: ${firstLine(sqls[0] ?? '')}`;
    const error =
      failed?.Error ??
      description.Error ??
      (description.Status === 'ABORTED'
        ? 'the statement was aborted (cancelled or its session ended)'
        : 'no error text');
    throw new WarehouseStatementError(id, description.Status ?? 'FAILED', error, firstLine(sql));
  }

  /** Every page of GetStatementResult, converted to plain rows keyed by column name. */
  async function fetchRows(id: string): Promise<Row[]> {
    const rows: Row[] = [];
    let names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new GetStatementResultCommand({ Id: id, NextToken: nextToken }));
      if (page.ColumnMetadata) names = page.ColumnMetadata.map((column, i) => column.name ?? `column_${i + 1}`);
      for (const record of page.Records ?? []) {
        const row: Row = {};
        record.forEach((field, i) => {
          row[names[i] ?? `column_${i + 1}`] = fieldValue(field);
        });
        rows.push(row);
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return rows;
  }

  return {
    async execute(sql) {
      const { Id } = await client.send(new ExecuteStatementCommand({ ...target, Sql: sql }));
      if (!Id) throw new UnexpectedResponseError('ExecuteStatement returned no statement Id');
      const description = await waitUntilFinished(Id, [sql]);
      return description.HasResultSet ? fetchRows(Id) : [];
    },

    async executeBatch(sqls) {
      const { Id } = await client.send(new BatchExecuteStatementCommand({ ...target, Sqls: [...sqls] }));
      if (!Id) throw new UnexpectedResponseError('BatchExecuteStatement returned no statement Id');
      const description = await waitUntilFinished(Id, sqls);
      const results: Row[][] = sqls.map(() => []);
      for (const [position, sub] of (description.SubStatements ?? []).entries()) {
        if (sub.HasResultSet && sub.Id) results[subStatementIndex(sub.Id, position)] = await fetchRows(sub.Id);
      }
      return results;
    },
  };
}
