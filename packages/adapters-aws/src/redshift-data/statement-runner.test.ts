import {
  BatchExecuteStatementCommand,
  CancelStatementCommand,
  DescribeStatementCommand,
  type DescribeStatementResponse,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { QueryTimeoutError, WarehouseStatementError } from '../errors';
import { buildStatementRunner } from './statement-runner';

const redshift = mockClient(RedshiftDataClient);
const runner = buildStatementRunner(new RedshiftDataClient({ region: 'eu-west-1' }), {
  workgroupName: 'sluice',
  database: 'dev',
  pollIntervalMs: 1,
  timeoutMs: 1_000,
});

const ID = 'd9b6c0c9-0747-4bf4-b142-e8883122f766';

/** A DescribeStatement response as the Data API returns it for a Serverless workgroup. */
function described(overrides: Partial<DescribeStatementResponse>): DescribeStatementResponse {
  return {
    Id: ID,
    Database: 'dev',
    WorkgroupName: 'sluice',
    CreatedAt: new Date('2025-05-01T10:00:00Z'),
    UpdatedAt: new Date('2025-05-01T10:00:01Z'),
    Duration: -1,
    RedshiftPid: 1073815670,
    RedshiftQueryId: 0,
    ResultRows: -1,
    ResultSize: -1,
    HasResultSet: false,
    ...overrides,
  };
}

beforeEach(() => redshift.reset());

describe('execute', () => {
  it('runs one statement on the workgroup, polls until FINISHED and pages through its rows', async () => {
    redshift
      .on(ExecuteStatementCommand)
      .resolves({ Id: ID, WorkgroupName: 'sluice', Database: 'dev', CreatedAt: new Date() })
      .on(DescribeStatementCommand)
      .resolvesOnce(described({ Status: 'SUBMITTED' }))
      .resolvesOnce(described({ Status: 'STARTED' }))
      .resolves(described({ Status: 'FINISHED', HasResultSet: true, ResultRows: 3, Duration: 5_323_000 }))
      .on(GetStatementResultCommand)
      .resolvesOnce({
        ColumnMetadata: [
          { name: 'country', label: 'country', typeName: 'varchar', nullable: 1, length: 4096 },
          { name: 'attendees', label: 'attendees', typeName: 'int8', nullable: 1 },
          { name: 'share', label: 'share', typeName: 'float8', nullable: 1 },
          { name: 'vip', label: 'vip', typeName: 'bool', nullable: 1 },
        ],
        Records: [
          [{ stringValue: 'NL' }, { longValue: 12 }, { doubleValue: 0.5 }, { booleanValue: true }],
          [{ stringValue: 'BE' }, { longValue: 7 }, { doubleValue: 0.25 }, { isNull: true }],
        ],
        TotalNumRows: 3,
        NextToken: 'page-2',
      })
      .resolvesOnce({
        Records: [[{ isNull: true }, { longValue: 5 }, { doubleValue: 0.25 }, { booleanValue: false }]],
        TotalNumRows: 3,
      });

    const rows = await runner.execute('SELECT country, attendees, share, vip FROM mv');

    expect(redshift.commandCalls(ExecuteStatementCommand)[0]?.args[0].input).toEqual({
      WorkgroupName: 'sluice',
      Database: 'dev',
      Sql: 'SELECT country, attendees, share, vip FROM mv',
    });
    expect(redshift.commandCalls(DescribeStatementCommand)).toHaveLength(3);
    expect(redshift.commandCalls(GetStatementResultCommand).map((c) => c.args[0].input)).toEqual([
      { Id: ID, NextToken: undefined },
      { Id: ID, NextToken: 'page-2' },
    ]);
    expect(rows).toEqual([
      { country: 'NL', attendees: 12, share: 0.5, vip: true },
      { country: 'BE', attendees: 7, share: 0.25, vip: null },
      { country: null, attendees: 5, share: 0.25, vip: false },
    ]);
  });

  it('fetches no result for a statement without a result set', async () => {
    redshift
      .on(ExecuteStatementCommand)
      .resolves({ Id: ID })
      .on(DescribeStatementCommand)
      .resolves(described({ Status: 'FINISHED', HasResultSet: false, ResultRows: 0 }));

    expect(await runner.execute('REFRESH MATERIALIZED VIEW mv')).toEqual([]);
    expect(redshift.commandCalls(GetStatementResultCommand)).toHaveLength(0);
  });

  it('maps FAILED to an error with the statement error text and the first line of the SQL', async () => {
    redshift
      .on(ExecuteStatementCommand)
      .resolves({ Id: ID })
      .on(DescribeStatementCommand)
      .resolves(
        described({
          Status: 'FAILED',
          Error: 'ERROR: relation "attendee_registerd" does not exist',
          QueryString: 'SELECT *\nFROM attendee_registerd',
        }),
      );

    const attempt = runner.execute('SELECT *\nFROM attendee_registerd');

    await expect(attempt).rejects.toBeInstanceOf(WarehouseStatementError);
    await expect(attempt).rejects.toThrow(
      'Redshift statement FAILED: ERROR: relation "attendee_registerd" does not exist (statement: SELECT *)',
    );
  });

  it('cancels a statement still running at the timeout and throws a timeout error', async () => {
    const quick = buildStatementRunner(new RedshiftDataClient({ region: 'eu-west-1' }), {
      workgroupName: 'sluice',
      database: 'dev',
      pollIntervalMs: 5,
      timeoutMs: 30,
    });
    redshift
      .on(ExecuteStatementCommand)
      .resolves({ Id: ID })
      .on(DescribeStatementCommand)
      .resolves(described({ Status: 'STARTED' }))
      .on(CancelStatementCommand)
      .resolves({ Status: true });

    const attempt = quick.execute('SELECT pg_sleep(3600)');

    await expect(attempt).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(attempt).rejects.toThrow(
      `Redshift Data API statement ${ID} did not finish within 30 ms; it was cancelled`,
    );
    expect(redshift.commandCalls(CancelStatementCommand)[0]?.args[0].input).toEqual({ Id: ID });
  });
});

describe('executeBatch', () => {
  const SQLS = ['CREATE TEMP TABLE s (n INTEGER)', 'INSERT INTO s VALUES (1), (2)', 'SELECT COUNT(*) AS n FROM s'];

  it('runs the statements as one BatchExecuteStatement and returns the rows of those with a result set', async () => {
    redshift
      .on(BatchExecuteStatementCommand)
      .resolves({ Id: ID, WorkgroupName: 'sluice', Database: 'dev' })
      .on(DescribeStatementCommand)
      .resolves(
        described({
          Status: 'FINISHED',
          HasResultSet: true,
          SubStatements: SQLS.map((sql, i) => ({
            Id: `${ID}:${i + 1}`,
            Status: 'FINISHED',
            QueryString: sql,
            HasResultSet: i === 2,
            ResultRows: i === 1 ? 2 : i === 2 ? 1 : 0,
          })),
        }),
      )
      .on(GetStatementResultCommand, { Id: `${ID}:3` })
      .resolves({ ColumnMetadata: [{ name: 'n', typeName: 'int8' }], Records: [[{ longValue: 2 }]], TotalNumRows: 1 });

    const results = await runner.executeBatch(SQLS);

    expect(redshift.commandCalls(BatchExecuteStatementCommand)[0]?.args[0].input).toEqual({
      WorkgroupName: 'sluice',
      Database: 'dev',
      Sqls: SQLS,
    });
    expect(results).toEqual([[], [], [{ n: 2 }]]);
    expect(redshift.commandCalls(GetStatementResultCommand).map((c) => c.args[0].input.Id)).toEqual([`${ID}:3`]);
  });

  it('names the failing sub-statement: its error and the first line of its SQL', async () => {
    redshift
      .on(BatchExecuteStatementCommand)
      .resolves({ Id: ID })
      .on(DescribeStatementCommand)
      .resolves(
        described({
          Status: 'FAILED',
          Error: 'Query #2 failed with ERROR: invalid input syntax for integer: "x"',
          SubStatements: [
            { Id: `${ID}:1`, Status: 'FINISHED', QueryString: SQLS[0] },
            {
              Id: `${ID}:2`,
              Status: 'FAILED',
              QueryString: SQLS[1],
              Error: 'ERROR: invalid input syntax for integer: "x"',
            },
            { Id: `${ID}:3`, Status: 'ABORTED', QueryString: SQLS[2] },
          ],
        }),
      );

    await expect(runner.executeBatch(SQLS)).rejects.toThrow(
      'Redshift statement FAILED: ERROR: invalid input syntax for integer: "x" (statement: INSERT INTO s VALUES (1), (2))',
    );
  });
});

describe('executeBatch aborted as a whole', () => {
  it('says so, naming the batch, when no sub-statement is marked FAILED', async () => {
    redshift
      .on(BatchExecuteStatementCommand)
      .resolves({ Id: ID })
      .on(DescribeStatementCommand)
      .resolves(
        described({
          Status: 'ABORTED',
          SubStatements: [
            { Id: `${ID}:1`, Status: 'ABORTED', QueryString: 'CREATE TEMP TABLE s (n INTEGER)' },
            { Id: `${ID}:2`, Status: 'ABORTED', QueryString: 'SELECT 1' },
          ],
        }),
      );

    await expect(runner.executeBatch(['CREATE TEMP TABLE s (n INTEGER)', 'SELECT 1'])).rejects.toThrow(
      'Redshift statement ABORTED: the statement was aborted (cancelled or its session ended) ' +
        '(statement: batch of 2 statements, the first: CREATE TEMP TABLE s (n INTEGER))',
    );
  });
});
