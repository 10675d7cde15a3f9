/**
 * Test support: a mocked AthenaClient (aws-sdk-client-mock) that answers like Athena — StartQueryExecution
 * returns an id, GetQueryExecution goes QUEUED → RUNNING → SUCCEEDED (or FAILED with Athena's error
 * fields), GetQueryResults pages by MaxResults with the header row first and every value as VarCharValue
 * text — while the query itself runs on a local LakeQueryEngine. So the AWS adapter meets the same data,
 * and the same SQL, as the DuckDB one in the shared contract suite. Not exported from the package.
 */
import {
  type AthenaClient,
  type Row as AthenaRow,
  type ColumnInfo,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { LakeQueryEngine, QueryResult } from '@sluice/core';
import type { AwsClientStub } from 'aws-sdk-client-mock';

interface Execution {
  readonly sql: string;
  polls: number;
  outcome?: { result: QueryResult } | { error: string };
  cancelled: boolean;
}

/** Athena's type names, inferred from the values (the local engine's rows carry no column types). */
function athenaTypeOf(values: readonly unknown[]): string {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'varchar';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  if (present.every((value) => typeof value === 'number' && Number.isInteger(value))) return 'bigint';
  if (present.every((value) => typeof value === 'number')) return 'double';
  return 'varchar';
}

const textOf = (value: unknown) =>
  value === null || value === undefined ? {} : { VarCharValue: typeof value === 'string' ? value : String(value) };

export function athenaOverLocalEngine(
  stub: AwsClientStub<AthenaClient>,
  engine: LakeQueryEngine,
  options: { readonly cancelWhen?: (sql: string) => boolean } = {},
) {
  const executions = new Map<string, Execution>();
  let next = 0;

  stub.on(StartQueryExecutionCommand).callsFake(async (input: { QueryString: string }) => {
    const id = `0f5a5c1e-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    const execution: Execution = {
      sql: input.QueryString,
      polls: 0,
      cancelled: options.cancelWhen?.(input.QueryString) ?? false,
    };
    executions.set(id, execution);
    try {
      execution.outcome = { result: await engine.query(input.QueryString) };
    } catch (error) {
      execution.outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    return { QueryExecutionId: id };
  });

  stub.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => {
    const execution = executions.get(input.QueryExecutionId);
    if (!execution) throw Object.assign(new Error('QueryExecution not found'), { name: 'InvalidRequestException' });
    execution.polls++;
    const status: QueryExecution['Status'] = execution.cancelled
      ? { State: 'CANCELLED', StateChangeReason: 'Query was cancelled by the user' }
      : execution.polls === 1
        ? { State: 'QUEUED' }
        : execution.polls === 2
          ? { State: 'RUNNING' }
          : execution.outcome && 'error' in execution.outcome
            ? {
                State: 'FAILED',
                StateChangeReason: execution.outcome.error,
                AthenaError: {
                  ErrorCategory: 2,
                  ErrorType: 1006,
                  Retryable: false,
                  ErrorMessage: execution.outcome.error,
                },
              }
            : { State: 'SUCCEEDED' };
    return {
      QueryExecution: {
        QueryExecutionId: input.QueryExecutionId,
        Query: execution.sql,
        StatementType: 'DML',
        Status: { ...status, SubmissionDateTime: new Date('2026-11-25T10:00:00Z') },
      },
    };
  });

  stub
    .on(GetQueryResultsCommand)
    .callsFake((input: { QueryExecutionId: string; NextToken?: string; MaxResults?: number }) => {
      const execution = executions.get(input.QueryExecutionId);
      if (!execution?.outcome || !('result' in execution.outcome)) {
        throw Object.assign(new Error('Query has not yet finished'), { name: 'InvalidRequestException' });
      }
      const { columns, rows } = execution.outcome.result;
      const info: ColumnInfo[] = columns.map((name) => ({
        CatalogName: 'hive',
        SchemaName: '',
        TableName: '',
        Name: name,
        Label: name,
        Type: athenaTypeOf(rows.map((row) => row[name])),
        Precision: 0,
        Scale: 0,
        Nullable: 'UNKNOWN',
        CaseSensitive: false,
      }));
      // The first page starts with a row of column labels, and counts it against MaxResults.
      const all: AthenaRow[] = [
        { Data: columns.map((name) => ({ VarCharValue: name })) },
        ...rows.map((row) => ({ Data: columns.map((name) => textOf(row[name])) })),
      ];
      const start = Number(input.NextToken ?? 0);
      const end = Math.min(all.length, start + (input.MaxResults ?? 1000));
      return {
        UpdateCount: 0,
        ResultSet: { ResultSetMetadata: { ColumnInfo: info }, Rows: all.slice(start, end) },
        ...(end < all.length ? { NextToken: String(end) } : {}),
      };
    });

  stub.on(StopQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => {
    const execution = executions.get(input.QueryExecutionId);
    if (execution) execution.cancelled = true;
    return {};
  });

  return {
    pageRequests: () => stub.commandCalls(GetQueryResultsCommand).length,
  };
}
