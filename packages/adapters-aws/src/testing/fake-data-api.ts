import {
  BatchExecuteStatementCommand,
  DescribeStatementCommand,
  type DescribeStatementResponse,
  ExecuteStatementCommand,
  type Field,
  GetStatementResultCommand,
  type GetStatementResultResponse,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import type { AwsClientStub } from 'aws-sdk-client-mock';

/** What the fake warehouse answers to one SQL statement: rows, a failure, or nothing (no result set). */
export type StatementAnswer = { columns: string[]; rows: unknown[][] } | { error: string } | undefined;

type DataApiStub = AwsClientStub<RedshiftDataClient>;

function toField(value: unknown): Field {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { longValue: value } : { doubleValue: value };
  return { stringValue: String(value) };
}

/**
 * Makes a mocked RedshiftDataClient behave like the Data API over a scripted database: every statement
 * finishes at once (FINISHED, or FAILED when `answer` says so) and results come back as typed Fields.
 * The test still asserts the exact commands through the stub.
 */
export function fakeDataApi(stub: DataApiStub, answer: (sql: string) => StatementAnswer): void {
  const descriptions = new Map<string, DescribeStatementResponse>();
  const results = new Map<string, GetStatementResultResponse>();
  let next = 0;

  const run = (id: string, sql: string) => {
    const outcome = answer(sql);
    if (outcome && 'error' in outcome)
      return { Id: id, Status: 'FAILED' as const, QueryString: sql, Error: outcome.error };
    if (outcome) {
      results.set(id, {
        ColumnMetadata: outcome.columns.map((name) => ({ name, label: name })),
        Records: outcome.rows.map((row) => row.map(toField)),
        TotalNumRows: outcome.rows.length,
      });
    }
    return { Id: id, Status: 'FINISHED' as const, QueryString: sql, HasResultSet: outcome !== undefined };
  };

  stub.on(ExecuteStatementCommand).callsFake((input: { Sql: string }) => {
    const id = `statement-${++next}`;
    descriptions.set(id, { ...run(id, input.Sql) });
    return { Id: id };
  });
  stub.on(BatchExecuteStatementCommand).callsFake((input: { Sqls: string[] }) => {
    const id = `batch-${++next}`;
    const subStatements = [];
    let failed: { Error?: string } | undefined;
    for (const [i, sql] of input.Sqls.entries()) {
      const subId = `${id}:${i + 1}`;
      if (failed) {
        subStatements.push({ Id: subId, Status: 'ABORTED' as const, QueryString: sql });
        continue;
      }
      const sub = run(subId, sql);
      if (sub.Status === 'FAILED') failed = sub;
      subStatements.push(sub);
    }
    descriptions.set(id, {
      Id: id,
      Status: failed ? 'FAILED' : 'FINISHED',
      ...(failed ? { Error: `Query failed with ${failed.Error}` } : {}),
      SubStatements: subStatements,
    });
    return { Id: id };
  });
  stub.on(DescribeStatementCommand).callsFake((input: { Id: string }) => descriptions.get(input.Id));
  stub.on(GetStatementResultCommand).callsFake((input: { Id: string }) => results.get(input.Id));
}
