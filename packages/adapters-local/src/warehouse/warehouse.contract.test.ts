import { join } from 'node:path';
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { buildRedshiftDataWarehouse } from '@sluice/adapters-aws';
import type { Warehouse } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbWarehouse } from './duckdb-warehouse';
import {
  attendeeRegistered,
  feedbackSubmitted,
  sessionCheckedIn,
  temporaryDirectory,
  writeEventsFile,
} from './test-support/event-files';
import { lakeDirectory, redshiftOverDuckDb } from './test-support/redshift-over-duckdb';

/**
 * The warehouse port's contract, run against both adapters over the same files: the DuckDB warehouse, and
 * the Redshift Data API adapter talking to a mocked RedshiftDataClient with the Data API's shapes
 * (statement polling, typed Fields in pages, batch sub-statements, FAILED with Redshift's error text) that
 * carries the statements out on a DuckDB warehouse.
 */
const BUCKET = 'sluice-lake';
const redshiftStub = mockClient(RedshiftDataClient);
let dir: { path: string; remove: () => Promise<void> };
let lakeRoot: string;
let backing: DuckDbWarehouse;

beforeEach(async () => {
  dir = await temporaryDirectory();
  lakeRoot = join(dir.path, 'lake');
  backing = await DuckDbWarehouse.open({ dbPath: join(dir.path, 'warehouse.duckdb'), lakeRoot });
  await backing.migrate();
});

afterEach(async () => {
  redshiftStub.reset();
  await backing.close();
  await dir.remove();
});

function redshift(): Warehouse {
  const lake = lakeDirectory(BUCKET, lakeRoot);
  redshiftOverDuckDb(redshiftStub, backing, lake);
  return buildRedshiftDataWarehouse(new RedshiftDataClient({ region: 'eu-west-1' }), {
    workgroupName: 'sluice',
    database: 'dev',
    lake,
    bucket: BUCKET,
    pollIntervalMs: 1,
  });
}

async function curatedFiles() {
  return [
    {
      table: 'attendee_registered',
      objectKey: await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-25', 'a.parquet', [
        attendeeRegistered({ country: 'NL' }),
        attendeeRegistered({ country: 'NL' }),
        attendeeRegistered({ country: 'DE', occurredAt: '2026-11-24T23:00:00.000Z' }),
      ]),
    },
    {
      table: 'session_checked_in',
      objectKey: await writeEventsFile(lakeRoot, 'SessionCheckedIn', '2026-11-25', 'b.parquet', [
        sessionCheckedIn({ sessionId: 'keynote' }),
        sessionCheckedIn({ sessionId: 'keynote' }),
        sessionCheckedIn({ sessionId: 'panel' }),
      ]),
    },
    {
      table: 'feedback_submitted',
      objectKey: await writeEventsFile(lakeRoot, 'FeedbackSubmitted', '2026-11-25', 'c.parquet', [
        feedbackSubmitted({ sessionId: 'keynote', rating: 4 }),
        feedbackSubmitted({ sessionId: 'keynote', rating: 5 }),
      ]),
    },
  ];
}

describe.each([
  ['DuckDB (local)', (): Warehouse => backing],
  ['Redshift Data API (AWS adapter, mocked client)', redshift],
])('warehouse port contract: %s', (_name, build) => {
  it('loads curated files, and loading the same files again changes no count', async () => {
    const warehouse = build();
    const files = await curatedFiles();
    const count = async () => (await warehouse.query('SELECT COUNT(*) AS n FROM attendee_registered'))[0]?.n;

    expect(await warehouse.loadFiles(files)).toEqual({ rowsInserted: 8, rowsSkipped: 0, filesSkipped: 0 });
    expect(await count()).toBe(3);
    expect(await warehouse.loadFiles(files)).toEqual({ rowsInserted: 0, rowsSkipped: 0, filesSkipped: 3 });
    expect(await count()).toBe(3);
  });

  it('refreshes the three reporting views and answers them', async () => {
    const warehouse = build();
    await warehouse.loadFiles(await curatedFiles());

    expect(await warehouse.refreshViews()).toEqual([
      'mv_attendees_by_country',
      'mv_registrations_per_day',
      'mv_session_popularity',
    ]);
    expect(await warehouse.query('SELECT country, attendees FROM mv_attendees_by_country ORDER BY country')).toEqual([
      { country: 'DE', attendees: 1 },
      { country: 'NL', attendees: 2 },
    ]);
    expect(await warehouse.query('SELECT dt, registrations FROM mv_registrations_per_day ORDER BY dt')).toEqual([
      { dt: '2026-11-24', registrations: 1 },
      { dt: '2026-11-25', registrations: 2 },
    ]);
    expect(
      await warehouse.query(
        'SELECT session_id, check_ins, feedback_count, average_rating FROM mv_session_popularity ORDER BY session_id',
      ),
    ).toEqual([
      { session_id: 'keynote', check_ins: 2, feedback_count: 2, average_rating: 4.5 },
      { session_id: 'panel', check_ins: 1, feedback_count: 0, average_rating: null },
    ]);
  });

  it('refuses anything but one SELECT', async () => {
    await expect(build().query('DELETE FROM load_ledger')).rejects.toMatchObject({ name: 'ReadOnlyQueryError' });
  });

  it('fails a statement on a table that does not exist with an error naming it', async () => {
    await expect(build().query('SELECT * FROM badge_printed')).rejects.toThrow(/badge_printed/);
  });
});

describe('Redshift Data API adapter specifics (mocked client)', () => {
  it('maps a FAILED statement to an error with its status, Redshift error text and the statement', async () => {
    await expect(redshift().query('SELECT nope FROM attendee_registered')).rejects.toThrow(
      /Redshift statement FAILED: ERROR: .*nope.*\(statement: SELECT nope FROM attendee_registered\)/s,
    );
  });
});
