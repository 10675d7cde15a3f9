import { createHash } from 'node:crypto';
import {
  BatchExecuteStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { ConfigurationError, factTables, MATERIALIZED_VIEWS, type TablePolicies } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReadOnlyQueryError, SchemaChangeError } from '../errors';
import { fakeDataApi, type StatementAnswer } from '../testing/fake-data-api';
import { inMemoryLake } from '../testing/in-memory-lake';
import { buildRedshiftDataWarehouse } from './redshift-data-warehouse';
import { INFORMATION_SCHEMA_TYPES } from './warehouse-sql';

const redshift = mockClient(RedshiftDataClient);
const client = new RedshiftDataClient({ region: 'eu-west-1' });

const SESSION_FILE_A = 'curated/session_checked_in/dt=2025-05-01/shardId-000000000000-100-199.parquet';
const SESSION_FILE_B = 'curated/session_checked_in/dt=2025-05-02/shardId-000000000001-200-299.parquet';
const FEEDBACK_FILE = 'curated/feedback_submitted/dt=2025-05-01/shardId-000000000000-300-399.parquet';
const ALREADY_LOADED = 'curated/feedback_submitted/dt=2025-04-30/shardId-000000000000-1-99.parquet';

const bytes = (n: number) => new Uint8Array(n).fill(7);

function setup(
  options: { iamRoleArn?: string; answer?: (sql: string) => StatementAnswer; policies?: TablePolicies } = {},
) {
  const { lake, stored } = inMemoryLake('sluice-lake', {
    [SESSION_FILE_A]: bytes(1200),
    [SESSION_FILE_B]: bytes(3400),
    [FEEDBACK_FILE]: bytes(560),
  });
  fakeDataApi(redshift, options.answer ?? (() => undefined));
  const warehouse = buildRedshiftDataWarehouse(client, {
    workgroupName: 'sluice',
    database: 'dev',
    lake,
    bucket: 'sluice-lake',
    pollIntervalMs: 1,
    ...(options.iamRoleArn ? { iamRoleArn: options.iamRoleArn } : {}),
    ...(options.policies ? { policies: options.policies } : {}),
  });
  return { warehouse, stored };
}

const batches = () => redshift.commandCalls(BatchExecuteStatementCommand).map((call) => call.args[0].input.Sqls);
const statements = () => redshift.commandCalls(ExecuteStatementCommand).map((call) => call.args[0].input.Sql);
const viewSql = (name: string) => MATERIALIZED_VIEWS.find((view) => view.name === name)?.sql ?? 'missing';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(() => redshift.reset());

/** information_schema.columns of the fact tables as migration 1 creates them, minus `without`. */
function factColumns(without: { table: string; column?: string }[] = []): unknown[][] {
  return factTables()
    .flatMap((fact) => [
      ...fact.columns.map((c) => [fact.table, c.name, INFORMATION_SCHEMA_TYPES[c.type]]),
      [fact.table, 'dt', 'date'],
    ])
    .filter(([table, column]) => !without.some((w) => w.table === table && (w.column ?? column) === column));
}

const migrationState =
  (versions: number[], columns: unknown[][] = factColumns()) =>
  (sql: string): StatementAnswer => {
    if (sql === 'SELECT version FROM schema_migrations')
      return { columns: ['version'], rows: versions.map((v) => [v]) };
    if (sql.startsWith('SELECT table_name, column_name, data_type')) {
      return { columns: ['table_name', 'column_name', 'data_type'], rows: columns };
    }
    return undefined;
  };

describe('migrate', () => {
  it('creates the migrations table, then applies migrations 1 and 2 in one transaction on a new database', async () => {
    const { warehouse } = setup({ answer: migrationState([]) });

    await warehouse.migrate();

    expect(batches()).toEqual([
      [
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)',
        'SELECT version FROM schema_migrations',
      ],
      [
        [
          'CREATE TABLE attendee_registered (',
          '  event_id VARCHAR(4096),',
          '  occurred_at TIMESTAMP,',
          '  attendee_id VARCHAR(4096),',
          '  event_type VARCHAR(4096),',
          '  schema_version INTEGER,',
          '  name VARCHAR(4096),',
          '  email VARCHAR(4096),',
          '  phone VARCHAR(4096),',
          '  company VARCHAR(4096),',
          '  job_title VARCHAR(4096),',
          '  country VARCHAR(4096),',
          '  ticket_type VARCHAR(4096),',
          '  price DOUBLE PRECISION,',
          '  currency VARCHAR(4096),',
          '  country_name VARCHAR(4096),',
          '  region VARCHAR(4096),',
          '  dt DATE,',
          '  PRIMARY KEY (event_id)',
          ')',
        ].join('\n'),
        [
          'CREATE TABLE session_checked_in (',
          '  event_id VARCHAR(4096),',
          '  occurred_at TIMESTAMP,',
          '  attendee_id VARCHAR(4096),',
          '  event_type VARCHAR(4096),',
          '  schema_version INTEGER,',
          '  session_id VARCHAR(4096),',
          '  room VARCHAR(4096),',
          '  session_title VARCHAR(4096),',
          '  session_track VARCHAR(4096),',
          '  dt DATE,',
          '  PRIMARY KEY (event_id)',
          ')',
        ].join('\n'),
        [
          'CREATE TABLE feedback_submitted (',
          '  event_id VARCHAR(4096),',
          '  occurred_at TIMESTAMP,',
          '  attendee_id VARCHAR(4096),',
          '  event_type VARCHAR(4096),',
          '  schema_version INTEGER,',
          '  session_id VARCHAR(4096),',
          '  rating INTEGER,',
          '  comment VARCHAR(4096),',
          '  session_title VARCHAR(4096),',
          '  session_track VARCHAR(4096),',
          '  dt DATE,',
          '  PRIMARY KEY (event_id)',
          ')',
        ].join('\n'),
        [
          'CREATE TABLE load_ledger (',
          '  object_key VARCHAR(1024) PRIMARY KEY,',
          '  table_name VARCHAR(128),',
          '  rows_inserted BIGINT,',
          '  loaded_at TIMESTAMP',
          ')',
        ].join('\n'),
        'CREATE MATERIALIZED VIEW mv_attendees_by_country AS\nSELECT country, COUNT(*) AS attendees FROM attendee_registered GROUP BY country',
        'INSERT INTO schema_migrations (version, applied_at) VALUES (1, GETDATE())',
        `CREATE MATERIALIZED VIEW mv_registrations_per_day AS\n${viewSql('mv_registrations_per_day')}`,
        `CREATE MATERIALIZED VIEW mv_session_popularity AS\n${viewSql('mv_session_popularity')}`,
        'INSERT INTO schema_migrations (version, applied_at) VALUES (2, GETDATE())',
      ],
    ]);
  });

  it('applies only migration 2 (the newer views) to a database at version 1', async () => {
    const { warehouse } = setup({ answer: migrationState([1]) });

    await warehouse.migrate();

    expect(batches()[1]).toEqual([
      `CREATE MATERIALIZED VIEW mv_registrations_per_day AS\n${viewSql('mv_registrations_per_day')}`,
      `CREATE MATERIALIZED VIEW mv_session_popularity AS\n${viewSql('mv_session_popularity')}`,
      'INSERT INTO schema_migrations (version, applied_at) VALUES (2, GETDATE())',
    ]);
  });

  it('applies nothing when every version is recorded and the facts match the contract', async () => {
    const { warehouse } = setup({ answer: migrationState([1, 2]) });

    await warehouse.migrate();

    expect(batches()).toHaveLength(1);
    expect(statements()).toEqual([
      [
        'SELECT table_name, column_name, data_type',
        'FROM information_schema.columns',
        "WHERE table_schema = current_schema() AND table_name IN ('attendee_registered', 'session_checked_in', 'feedback_submitted')",
      ].join('\n'),
    ]);
  });

  it('adds a contract column the fact lacks, and creates the fact of a new event type', async () => {
    const { warehouse } = setup({
      answer: migrationState(
        [1, 2],
        factColumns([{ table: 'session_checked_in', column: 'room' }, { table: 'feedback_submitted' }]),
      ),
    });

    await warehouse.migrate();

    const sync = batches()[1];
    expect(sync?.[0]).toBe('ALTER TABLE session_checked_in ADD COLUMN room VARCHAR(4096)');
    expect(sync?.[1]?.split('\n')[0]).toBe('CREATE TABLE feedback_submitted (');
    expect(sync).toHaveLength(2);
  });

  it('refuses a column whose warehouse type differs from the contract', async () => {
    const retyped = factColumns().map((row) =>
      row[0] === 'feedback_submitted' && row[1] === 'rating'
        ? ['feedback_submitted', 'rating', 'character varying']
        : row,
    );
    const { warehouse } = setup({ answer: migrationState([1, 2], retyped) });

    const attempt = warehouse.migrate();

    await expect(attempt).rejects.toBeInstanceOf(SchemaChangeError);
    await expect(attempt).rejects.toThrow(
      'schema change refused for feedback_submitted.rating: the warehouse has type "character varying", the contract now says "integer"',
    );
    expect(batches()).toHaveLength(1);
  });

  it('versions a retyped column under the version policy: adds <name>_v2 and loads the column into it', async () => {
    const retyped = factColumns().map((row) =>
      row[0] === 'feedback_submitted' && row[1] === 'rating'
        ? ['feedback_submitted', 'rating', 'character varying']
        : row,
    );
    const state = migrationState([1, 2], retyped);
    const { warehouse } = setup({
      answer: (sql) =>
        sql.startsWith('SELECT staged.row_count')
          ? { columns: ['staged_rows', 'new_rows'], rows: [[2, 2]] }
          : state(sql),
      policies: {
        feedback_submitted: { registration: 'direct', onTypeChange: 'version', projectionStartDate: '2025-01-01' },
      },
    });

    await warehouse.migrate();
    await warehouse.loadFiles([{ table: 'feedback_submitted', objectKey: FEEDBACK_FILE }]);

    expect(batches()[1]).toEqual(['ALTER TABLE feedback_submitted ADD COLUMN rating_v2 INTEGER']);
    const merge = batches()[2]?.find((sql) => sql.startsWith('MERGE INTO feedback_submitted'));
    expect(merge).toContain(
      'WHEN NOT MATCHED THEN INSERT (event_id, occurred_at, attendee_id, event_type, schema_version, session_id, rating_v2, comment',
    );
    expect(merge).toContain('VALUES (new_feedback_submitted.event_id,');
    expect(merge).toContain('new_feedback_submitted.rating,');
  });
});

describe('loadFiles', () => {
  /** Answers the ledger lookup with `loadedKeys`, and each load's counts with the given ones per table. */
  const answering =
    (loadedKeys: string[], counts: Record<string, [staged: number, fresh: number]>) =>
    (sql: string): StatementAnswer => {
      if (sql.startsWith('SELECT object_key FROM load_ledger')) {
        return { columns: ['object_key'], rows: loadedKeys.filter((k) => sql.includes(`'${k}'`)).map((k) => [k]) };
      }
      const table = /FROM \(SELECT COUNT\(\*\) AS row_count FROM stage_(\w+)\) AS staged/.exec(sql)?.[1];
      if (table) return { columns: ['staged_rows', 'new_rows'], rows: [counts[table] ?? [0, 0]] };
      return undefined;
    };

  it('skips files in the ledger, writes one manifest per table and loads each table in one transaction', async () => {
    const { warehouse, stored } = setup({
      answer: answering([ALREADY_LOADED], { session_checked_in: [10, 7], feedback_submitted: [4, 4] }),
    });

    const outcome = await warehouse.loadFiles([
      { table: 'session_checked_in', objectKey: SESSION_FILE_B },
      { table: 'feedback_submitted', objectKey: ALREADY_LOADED },
      { table: 'session_checked_in', objectKey: SESSION_FILE_A },
      { table: 'feedback_submitted', objectKey: FEEDBACK_FILE },
    ]);

    expect(outcome).toEqual({ rowsInserted: 11, rowsSkipped: 3, filesSkipped: 1 });
    expect(statements()).toEqual([
      `SELECT object_key FROM load_ledger WHERE object_key IN ('${SESSION_FILE_B}', '${ALREADY_LOADED}', '${SESSION_FILE_A}', '${FEEDBACK_FILE}')`,
    ]);

    const sessionManifestKey = `manifests/${sha256(`${SESSION_FILE_A}\n${SESSION_FILE_B}`)}.json`;
    const feedbackManifestKey = `manifests/${sha256(FEEDBACK_FILE)}.json`;
    const manifest = (key: string) => JSON.parse(new TextDecoder().decode(stored.get(key)?.body));
    expect(stored.get(sessionManifestKey)?.contentType).toBe('application/json');
    expect(manifest(sessionManifestKey)).toEqual({
      entries: [
        { url: `s3://sluice-lake/${SESSION_FILE_A}`, mandatory: true, meta: { content_length: 1200 } },
        { url: `s3://sluice-lake/${SESSION_FILE_B}`, mandatory: true, meta: { content_length: 3400 } },
      ],
    });
    expect(manifest(feedbackManifestKey)).toEqual({
      entries: [{ url: `s3://sluice-lake/${FEEDBACK_FILE}`, mandatory: true, meta: { content_length: 560 } }],
    });

    const [feedbackLoad, sessionLoad] = batches();
    expect(feedbackLoad?.[1]).toContain(`FROM 's3://sluice-lake/${feedbackManifestKey}'`);
    expect(feedbackLoad?.join('\n')).not.toContain(ALREADY_LOADED);
    expect(sessionLoad).toEqual([
      [
        'CREATE TEMP TABLE stage_session_checked_in (',
        '  event_id VARCHAR(4096),',
        '  occurred_at TIMESTAMP,',
        '  attendee_id VARCHAR(4096),',
        '  event_type VARCHAR(4096),',
        '  schema_version INTEGER,',
        '  session_id VARCHAR(4096),',
        '  room VARCHAR(4096),',
        '  session_title VARCHAR(4096),',
        '  session_track VARCHAR(4096)',
        ')',
      ].join('\n'),
      [
        'COPY stage_session_checked_in',
        `FROM 's3://sluice-lake/${sessionManifestKey}'`,
        'IAM_ROLE default',
        'FORMAT AS PARQUET',
        'MANIFEST',
      ].join('\n'),
      [
        'CREATE TEMP TABLE new_session_checked_in AS',
        'SELECT event_id, occurred_at, attendee_id, event_type, schema_version, session_id, room, session_title, ' +
          'session_track, TRUNC(occurred_at) AS dt',
        'FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY occurred_at) AS copy_number FROM stage_session_checked_in) AS numbered',
        'WHERE copy_number = 1',
      ].join('\n'),
      [
        'DELETE FROM new_session_checked_in',
        'USING session_checked_in',
        'WHERE new_session_checked_in.event_id = session_checked_in.event_id',
      ].join('\n'),
      [
        'SELECT staged.row_count AS staged_rows, fresh.row_count AS new_rows',
        'FROM (SELECT COUNT(*) AS row_count FROM stage_session_checked_in) AS staged',
        'CROSS JOIN (SELECT COUNT(*) AS row_count FROM new_session_checked_in) AS fresh',
      ].join('\n'),
      [
        'MERGE INTO session_checked_in',
        'USING new_session_checked_in',
        'ON session_checked_in.event_id = new_session_checked_in.event_id',
        'WHEN MATCHED THEN UPDATE SET event_id = new_session_checked_in.event_id',
        'WHEN NOT MATCHED THEN INSERT (event_id, occurred_at, attendee_id, event_type, schema_version, session_id, room, ' +
          'session_title, session_track, dt)',
        'VALUES (new_session_checked_in.event_id, new_session_checked_in.occurred_at, new_session_checked_in.attendee_id, ' +
          'new_session_checked_in.event_type, new_session_checked_in.schema_version, new_session_checked_in.session_id, ' +
          'new_session_checked_in.room, new_session_checked_in.session_title, new_session_checked_in.session_track, ' +
          'new_session_checked_in.dt)',
      ].join('\n'),
      [
        'INSERT INTO load_ledger (object_key, table_name, rows_inserted, loaded_at)',
        "SELECT loaded.object_key, 'session_checked_in', inserted.row_count, GETDATE()",
        `FROM (SELECT '${SESSION_FILE_B}' AS object_key UNION ALL SELECT '${SESSION_FILE_A}' AS object_key) AS loaded`,
        'CROSS JOIN (SELECT COUNT(*) AS row_count FROM new_session_checked_in) AS inserted',
      ].join('\n'),
    ]);
    // The ledger lookup's rows, then each load transaction's counts: its own 5th sub-statement.
    expect(redshift.commandCalls(GetStatementResultCommand).map((c) => c.args[0].input.Id)).toEqual([
      'statement-1',
      'batch-2:5',
      'batch-3:5',
    ]);
  });

  it('changes nothing when every file is in the ledger already', async () => {
    const { warehouse, stored } = setup({ answer: answering([SESSION_FILE_A, FEEDBACK_FILE], {}) });

    const outcome = await warehouse.loadFiles([
      { table: 'session_checked_in', objectKey: SESSION_FILE_A },
      { table: 'feedback_submitted', objectKey: FEEDBACK_FILE },
    ]);

    expect(outcome).toEqual({ rowsInserted: 0, rowsSkipped: 0, filesSkipped: 2 });
    expect(batches()).toEqual([]);
    expect([...stored.keys()].filter((key) => key.startsWith('manifests/'))).toEqual([]);
  });

  it('loads a key listed twice once, counting the repeat as a skipped file', async () => {
    const { warehouse } = setup({ answer: answering([], { session_checked_in: [3, 3] }) });

    const outcome = await warehouse.loadFiles([
      { table: 'session_checked_in', objectKey: SESSION_FILE_A },
      { table: 'session_checked_in', objectKey: SESSION_FILE_A },
    ]);

    expect(outcome).toEqual({ rowsInserted: 3, rowsSkipped: 0, filesSkipped: 1 });
    expect(batches()[0]?.[6]).toContain(`FROM (SELECT '${SESSION_FILE_A}' AS object_key) AS loaded`);
  });

  it('counts rows already in the fact (or repeated in the files) as skipped', async () => {
    const { warehouse } = setup({ answer: answering([], { session_checked_in: [6, 0] }) });

    expect(await warehouse.loadFiles([{ table: 'session_checked_in', objectKey: SESSION_FILE_A }])).toEqual({
      rowsInserted: 0,
      rowsSkipped: 6,
      filesSkipped: 0,
    });
  });

  it('names the role when one is configured', async () => {
    const role = 'arn:aws:iam::111122223333:role/sluice-warehouse-copy';
    const { warehouse } = setup({ iamRoleArn: role, answer: answering([], { session_checked_in: [1, 1] }) });

    await warehouse.loadFiles([{ table: 'session_checked_in', objectKey: SESSION_FILE_A }]);

    expect(batches()[0]?.[1]).toContain(`IAM_ROLE '${role}'`);
  });

  it('fails before any SQL runs for a table the warehouse does not have', async () => {
    const { warehouse } = setup();

    await expect(
      warehouse.loadFiles([{ table: 'unknown_event', objectKey: 'curated/unknown_event/x' }]),
    ).rejects.toThrow('no warehouse fact table "unknown_event"');
    expect(statements()).toEqual([]);
  });

  it('fails without loading when a file is not in the lake (COPY manifests need its size)', async () => {
    const { warehouse } = setup({ answer: answering([], {}) });
    const missing = 'curated/session_checked_in/dt=2025-05-03/gone.parquet';

    await expect(warehouse.loadFiles([{ table: 'session_checked_in', objectKey: missing }])).rejects.toThrow(
      `cannot load s3://sluice-lake/${missing} into the warehouse: it is not in the lake`,
    );
    expect(batches()).toEqual([]);
  });

  it('surfaces a failed COPY with the Redshift error and the statement it came from', async () => {
    const { warehouse } = setup({
      answer: (sql) =>
        sql.startsWith('COPY')
          ? { error: 'ERROR: Spectrum Scan Error. File has an invalid version number.' }
          : answering([], {})(sql),
    });

    await expect(warehouse.loadFiles([{ table: 'session_checked_in', objectKey: SESSION_FILE_A }])).rejects.toThrow(
      'Redshift statement FAILED: ERROR: Spectrum Scan Error. File has an invalid version number. (statement: COPY stage_session_checked_in)',
    );
  });

  it('refuses an object key with characters it will not put into SQL text', async () => {
    const { warehouse } = setup();

    await expect(
      warehouse.loadFiles([{ table: 'session_checked_in', objectKey: 'curated/session_checked_in/a\\b.parquet' }]),
    ).rejects.toThrow("has characters outside S3's safe set");
  });
});

describe('refreshViews, query and configuration', () => {
  it('refreshes each materialized view in a statement of its own and returns their names', async () => {
    const { warehouse } = setup();

    expect(await warehouse.refreshViews()).toEqual([
      'mv_attendees_by_country',
      'mv_registrations_per_day',
      'mv_session_popularity',
    ]);
    expect(statements()).toEqual([
      'REFRESH MATERIALIZED VIEW mv_attendees_by_country',
      'REFRESH MATERIALIZED VIEW mv_registrations_per_day',
      'REFRESH MATERIALIZED VIEW mv_session_popularity',
    ]);
  });

  it('runs a query and returns plain rows', async () => {
    const { warehouse } = setup({
      answer: () => ({
        columns: ['country', 'attendees'],
        rows: [
          ['NL', 12],
          ['BE', 7],
        ],
      }),
    });

    expect(await warehouse.query('SELECT * FROM mv_attendees_by_country')).toEqual([
      { country: 'NL', attendees: 12 },
      { country: 'BE', attendees: 7 },
    ]);
  });

  it('refuses anything but one SELECT before it reaches Redshift', async () => {
    const { warehouse } = setup();

    await expect(warehouse.query('DELETE FROM load_ledger')).rejects.toBeInstanceOf(ReadOnlyQueryError);
    expect(statements()).toEqual([]);
  });

  it('refuses a bucket that is not the lake bucket', () => {
    const { lake } = inMemoryLake('sluice-lake');

    expect(() =>
      buildRedshiftDataWarehouse(client, { workgroupName: 'sluice', database: 'dev', lake, bucket: 'other-bucket' }),
    ).toThrow(ConfigurationError);
  });
});
