import { join } from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { buildAthenaQueryEngine, LakeQueryError } from '@sluice/adapters-aws';
import { buildRegisterPartitions, type LakeQueryEngine } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbCatalog } from '../catalog';
import {
  attendeeRegistered,
  sessionCheckedIn,
  temporaryDirectory,
  writeEventsFile,
} from '../warehouse/test-support/event-files';
import { s3ObjectCreatedFor } from '../warehouse/test-support/object-created';
import { DuckDbLakeQueryEngine } from './duckdb-lake-query-engine';
import { athenaOverLocalEngine } from './test-support/athena-over-duckdb';

/**
 * The lake query port's contract, run against both adapters over the same lake: the DuckDB engine, and the
 * Athena adapter talking to a mocked AthenaClient with Athena's request and response shapes (polling
 * states, header row, text values, pages of 1000 rows) that runs the SQL on that same DuckDB engine.
 */
const BUCKET = 'lake';
let dir: { path: string; remove: () => Promise<void> };
let catalog: DuckDbCatalog;
let duckdb: DuckDbLakeQueryEngine;
const athenaStub = mockClient(AthenaClient);
let athenaPages: () => number;

beforeAll(async () => {
  dir = await temporaryDirectory();
  const lakeRoot = join(dir.path, 'lake');
  catalog = await DuckDbCatalog.open({ dbPath: join(dir.path, 'catalog.duckdb'), database: 'sluice' });
  const register = buildRegisterPartitions({ catalog });
  const keys = [
    await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-24', 'a.parquet', [
      attendeeRegistered({ country: 'NL', price: 199.5, occurredAt: '2026-11-24T08:00:00.000Z' }),
      attendeeRegistered({ country: 'DE', price: 99, occurredAt: '2026-11-24T09:00:00.000Z' }),
    ]),
    await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-25', 'b.parquet', [
      attendeeRegistered({ country: 'NL', price: 250.25 }),
      attendeeRegistered({ country: 'NL', price: 10 }),
      attendeeRegistered({ country: 'FR', price: 120 }),
    ]),
    await writeEventsFile(
      lakeRoot,
      'SessionCheckedIn',
      '2026-11-25',
      'c.parquet',
      Array.from({ length: 2500 }, (_, i) => sessionCheckedIn({ sessionId: `session-${String(i).padStart(4, '0')}` })),
    ),
  ];
  await register(keys.map((key) => s3ObjectCreatedFor(BUCKET, key)));
  // On the lake but never registered: neither Athena nor the local engine may see it.
  await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-26', 'unregistered.parquet', [attendeeRegistered()]);
  duckdb = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot });
  ({ pageRequests: athenaPages } = athenaOverLocalEngine(athenaStub, duckdb, {
    cancelWhen: (sql) => sql.includes('/* cancel */'),
  }));
});

afterAll(async () => {
  athenaStub.restore();
  await duckdb.close();
  await catalog.close();
  await dir.remove();
});

const athena = () =>
  buildAthenaQueryEngine(new AthenaClient({ region: 'eu-west-1' }), {
    workGroup: 'sluice',
    database: 'sluice',
    pollIntervalMs: 1,
  });

describe.each([
  ['DuckDB over the catalog (local)', (): LakeQueryEngine => duckdb],
  ['Athena (AWS adapter, mocked client)', athena],
])('lake query port contract: %s', (_name, engine) => {
  it('answers an aggregate over the registered partitions, numbers as numbers', async () => {
    const result = await engine().query(
      'SELECT country, COUNT(*) AS attendees FROM attendee_registered GROUP BY country ORDER BY attendees DESC, country',
    );
    expect(result.columns).toEqual(['country', 'attendees']);
    expect(result.rows).toEqual([
      { country: 'NL', attendees: 3 },
      { country: 'DE', attendees: 1 },
      { country: 'FR', attendees: 1 },
    ]);
  });

  it('leaves out files of partitions the catalog does not have', async () => {
    const { rows } = await engine().query('SELECT dt, COUNT(*) AS n FROM attendee_registered GROUP BY dt ORDER BY dt');
    expect(rows).toEqual([
      { dt: '2026-11-24', n: 2 },
      { dt: '2026-11-25', n: 3 },
    ]);
  });

  it('returns doubles, booleans and NULLs as such', async () => {
    const { rows } = await engine().query(
      'SELECT price, price > 100 AS expensive, CAST(NULL AS VARCHAR) AS nothing FROM attendee_registered ' +
        "WHERE dt = '2026-11-25' ORDER BY price",
    );
    expect(rows).toEqual([
      { price: 10, expensive: false, nothing: null },
      { price: 120, expensive: true, nothing: null },
      { price: 250.25, expensive: true, nothing: null },
    ]);
  });

  it('returns every row of a large result', async () => {
    const { rows } = await engine().query('SELECT session_id FROM session_checked_in ORDER BY session_id');
    expect(rows).toHaveLength(2500);
    expect(rows[0]).toEqual({ session_id: 'session-0000' });
    expect(rows[2499]).toEqual({ session_id: 'session-2499' });
  });

  it('refuses a statement that is not one SELECT before it runs', async () => {
    await expect(engine().query('DELETE FROM attendee_registered')).rejects.toMatchObject({
      name: 'ReadOnlyQueryError',
    });
    expect((await engine().query('SELECT COUNT(*) AS n FROM attendee_registered')).rows).toEqual([{ n: 5 }]);
  });

  it('fails a query on a table the catalog lacks with an error naming it', async () => {
    await expect(engine().query('SELECT * FROM badge_printed')).rejects.toThrow(/badge_printed/);
  });
});

describe('Athena adapter specifics (mocked client)', () => {
  it('pages GetQueryResults: 2500 rows and the header row take three pages of 1000', async () => {
    const before = athenaPages();
    await athena().query('SELECT session_id FROM session_checked_in');
    expect(athenaPages() - before).toBe(3);
  });

  it('reports a failed query with its state and Athena reason, and a cancelled one as CANCELLED', async () => {
    await expect(athena().query('SELECT * FROM badge_printed')).rejects.toThrow(
      expect.objectContaining({ name: 'LakeQueryError', state: 'FAILED' }),
    );
    const cancelled = athena().query('SELECT /* cancel */ COUNT(*) FROM attendee_registered');
    await expect(cancelled).rejects.toBeInstanceOf(LakeQueryError);
    await expect(athena().query('SELECT /* cancel */ 1')).rejects.toThrow(/CANCELLED: Query was cancelled by the user/);
  });
});
