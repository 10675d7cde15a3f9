import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { LakeQueryError, QueryTimeoutError, ReadOnlyQueryError } from '../errors';
import { athenaValue, buildAthenaQueryEngine } from './athena-query-engine';

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: 'eu-west-1' });
const engine = buildAthenaQueryEngine(client, { workGroup: 'sluice', database: 'sluice_lake', pollIntervalMs: 1 });

const ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const SQL = 'SELECT country, COUNT(*) AS attendees, AVG(price) AS avg_price, bool_or(vip) AS any_vip FROM t GROUP BY 1';

function execution(state: string, extra: Partial<QueryExecution['Status']> = {}): { QueryExecution: QueryExecution } {
  return {
    QueryExecution: {
      QueryExecutionId: ID,
      Query: SQL,
      StatementType: 'DML',
      WorkGroup: 'sluice',
      QueryExecutionContext: { Database: 'sluice_lake', Catalog: 'awsdatacatalog' },
      Status: { State: state as 'QUEUED', SubmissionDateTime: new Date('2025-05-01T10:00:00Z'), ...extra },
    },
  };
}

const COLUMN_INFO = [
  { CatalogName: 'hive', Name: 'country', Label: 'country', Type: 'varchar', Precision: 2147483647, Scale: 0 },
  { CatalogName: 'hive', Name: 'attendees', Label: 'attendees', Type: 'bigint', Precision: 19, Scale: 0 },
  { CatalogName: 'hive', Name: 'avg_price', Label: 'avg_price', Type: 'double', Precision: 17, Scale: 0 },
  { CatalogName: 'hive', Name: 'any_vip', Label: 'any_vip', Type: 'boolean', Precision: 0, Scale: 0 },
];
const row = (...values: (string | undefined)[]) => ({
  Data: values.map((value) => (value === undefined ? {} : { VarCharValue: value })),
});
const HEADER = row('country', 'attendees', 'avg_price', 'any_vip');

beforeEach(() => athena.reset());

describe('buildAthenaQueryEngine', () => {
  it('starts the query in the workgroup and database, polls until SUCCEEDED and converts the rows by type', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED'))
      .resolvesOnce(execution('RUNNING'))
      .resolves(execution('SUCCEEDED'))
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        UpdateCount: 0,
        ResultSet: {
          Rows: [HEADER, row('NL', '12', '149.5', 'true'), row('BE', '7', '99.0', 'false')],
          ResultSetMetadata: { ColumnInfo: COLUMN_INFO },
        },
        NextToken: 'page-2',
      })
      .resolvesOnce({
        UpdateCount: 0,
        ResultSet: { Rows: [row(undefined, '3', 'NaN', undefined)], ResultSetMetadata: { ColumnInfo: COLUMN_INFO } },
      });

    const result = await engine.query(SQL);

    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: SQL,
      QueryExecutionContext: { Database: 'sluice_lake' },
      WorkGroup: 'sluice',
    });
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
    expect(athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input)).toEqual([
      { QueryExecutionId: ID, NextToken: undefined, MaxResults: 1000 },
      { QueryExecutionId: ID, NextToken: 'page-2', MaxResults: 1000 },
    ]);
    expect(result).toEqual({
      columns: ['country', 'attendees', 'avg_price', 'any_vip'],
      rows: [
        { country: 'NL', attendees: 12, avg_price: 149.5, any_vip: true },
        { country: 'BE', attendees: 7, avg_price: 99, any_vip: false },
        { country: null, attendees: 3, avg_price: Number.NaN, any_vip: null },
      ],
    });
  });

  it('refuses anything but one SELECT before calling Athena', async () => {
    await expect(engine.query('DROP TABLE attendee_registered')).rejects.toBeInstanceOf(ReadOnlyQueryError);
    await expect(engine.query('SELECT 1; SELECT 2')).rejects.toThrow('expected exactly one SQL statement, got 2');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it('returns no rows for a result holding only the header row', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolves(execution('SUCCEEDED'))
      .on(GetQueryResultsCommand)
      .resolves({ ResultSet: { Rows: [HEADER], ResultSetMetadata: { ColumnInfo: COLUMN_INFO } } });

    expect(await engine.query(SQL)).toEqual({ columns: ['country', 'attendees', 'avg_price', 'any_vip'], rows: [] });
  });

  it('throws a clear error with the StateChangeReason when the query FAILED', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolves(
        execution('FAILED', {
          StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'contry' cannot be resolved",
          AthenaError: {
            ErrorCategory: 2,
            ErrorType: 1006,
            Retryable: false,
            ErrorMessage: 'COLUMN_NOT_FOUND: line 1:8',
          },
        }),
      );

    const attempt = engine.query('SELECT contry FROM t');

    await expect(attempt).rejects.toBeInstanceOf(LakeQueryError);
    await expect(attempt).rejects.toThrow(
      `Athena query ${ID} FAILED: COLUMN_NOT_FOUND: line 1:8: Column 'contry' cannot be resolved`,
    );
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('throws when the query was CANCELLED', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolves(execution('CANCELLED', { StateChangeReason: 'Query cancelled by user' }));

    await expect(engine.query(SQL)).rejects.toThrow(`Athena query ${ID} CANCELLED: Query cancelled by user`);
  });

  it('stops a query still running at the timeout and throws a timeout error', async () => {
    const quick = buildAthenaQueryEngine(client, {
      workGroup: 'sluice',
      database: 'sluice_lake',
      pollIntervalMs: 5,
      timeoutMs: 30,
    });
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolves(execution('RUNNING'))
      .on(StopQueryExecutionCommand)
      .resolves({});

    const attempt = quick.query(SQL);

    await expect(attempt).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({ QueryExecutionId: ID });
  });

  it('stops paging at maxRows', async () => {
    const capped = buildAthenaQueryEngine(client, {
      workGroup: 'sluice',
      database: 'sluice_lake',
      pollIntervalMs: 1,
      maxRows: 2,
    });
    athena
      .on(StartQueryExecutionCommand)
      .resolves({ QueryExecutionId: ID })
      .on(GetQueryExecutionCommand)
      .resolves(execution('SUCCEEDED'))
      .on(GetQueryResultsCommand)
      .resolves({
        ResultSet: {
          Rows: [HEADER, row('NL', '1', '1', 'true'), row('BE', '2', '2', 'true')],
          ResultSetMetadata: { ColumnInfo: COLUMN_INFO },
        },
        NextToken: 'more',
      });

    const result = await capped.query(SQL);

    expect(result.rows.map((r) => r.country)).toEqual(['NL', 'BE']);
    expect(athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input.MaxResults)).toEqual([3]);
  });
});

describe('athenaValue', () => {
  it('converts by column type, keeping text where a number would lose precision', () => {
    expect(athenaValue('42', 'integer')).toBe(42);
    expect(athenaValue('-7', 'tinyint')).toBe(-7);
    expect(athenaValue('9007199254740993', 'bigint')).toBe('9007199254740993');
    expect(athenaValue('12.50', 'decimal(10,2)')).toBe(12.5);
    expect(athenaValue('0.1', 'real')).toBe(0.1);
    expect(athenaValue('true', 'boolean')).toBe(true);
    expect(athenaValue('2025-05-01 10:00:00.000', 'timestamp')).toBe('2025-05-01 10:00:00.000');
    expect(athenaValue('2025-05-01', 'date')).toBe('2025-05-01');
    expect(athenaValue(undefined, 'integer')).toBeNull();
    expect(athenaValue('', 'varchar')).toBe('');
  });
});
