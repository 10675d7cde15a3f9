import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LocalBuckets, localDataPaths, openLocalCatalog, openLocalWarehouse } from '@sluice/adapters-local';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backfill } from './backfill';

const BUCKET = 'sluice-local-lake';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sluice-backfill-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A curated Parquet file of `rows` attendee registrations on day `dt`, put in the local lake like the stream does. */
async function putCuratedFile(dt: string, file: string, countries: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const path = join(dataDir, `${dt}-${file}`);
  const values = countries
    .map((country, i) => `('${dt}-${file}-${i}', TIMESTAMPTZ '${dt} 10:00:00+00', '${country}', 'AttendeeRegistered')`)
    .join(', ');
  await connection.run(
    `COPY (SELECT * FROM (VALUES ${values}) AS t(event_id, occurred_at, country, event_type)) TO '${path}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  const lake = new LocalBuckets({ root: localDataPaths(dataDir).lake });
  await lake.createBucket(BUCKET).catch(() => undefined);
  await lake
    .bucket(BUCKET)
    .put(`curated/attendee_registered/dt=${dt}/${file}`, await readFile(path), 'application/vnd.apache.parquet');
}

const run = (from: string, to: string) =>
  backfill(['--from', from, '--to', to, '--data-dir', dataDir, '--bucket', BUCKET], () => {});

describe('sluice backfill --from --to', () => {
  it('registers and loads the curated objects of the range, and a second run changes nothing', async () => {
    await putCuratedFile('2026-11-23', 'a.parquet', ['NL', 'DE']);
    await putCuratedFile('2026-11-24', 'a.parquet', ['NL']);
    await putCuratedFile('2026-11-24', 'b.parquet', ['FR']);
    await putCuratedFile('2026-11-26', 'a.parquet', ['PT']); // outside the range

    const first = await run('2026-11-23', '2026-11-25');
    const second = await run('2026-11-23', '2026-11-25');

    expect(first).toEqual({ days: 3, objects: 3, newPartitions: 2, rowsInserted: 4, rowsSkipped: 0, filesSkipped: 0 });
    expect(second).toEqual({ days: 3, objects: 3, newPartitions: 0, rowsInserted: 0, rowsSkipped: 0, filesSkipped: 3 });
    const catalog = await openLocalCatalog(dataDir, 'sluice_local');
    const warehouse = await openLocalWarehouse(dataDir, BUCKET);
    try {
      expect(await catalog.listPartitions('attendee_registered')).toEqual(['2026-11-23', '2026-11-24']);
      expect(await warehouse.query('SELECT dt, registrations FROM mv_registrations_per_day ORDER BY dt')).toEqual([
        { dt: '2026-11-23', registrations: 2 },
        { dt: '2026-11-24', registrations: 2 },
      ]);
    } finally {
      await warehouse.close();
      await catalog.close();
    }
  });

  it('refuses a range that is missing or backwards', async () => {
    await expect(backfill(['--from', '2026-11-23', '--data-dir', dataDir, '--bucket', BUCKET])).rejects.toThrow(
      /needs --from and --to/,
    );
    await expect(run('2026-11-25', '2026-11-23')).rejects.toThrow(/2026-11-23 is before 2026-11-25/);
  });
});
