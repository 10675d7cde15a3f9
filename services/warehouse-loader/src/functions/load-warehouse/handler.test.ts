import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbWarehouse, LocalBuckets } from '@sluice/adapters-local';
import { columnsOf, toRow } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { attendeeRegistered } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const context = {} as Context;
const columns = columnsOf('AttendeeRegistered');

async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'sluice-loader-'));
  const lake = await new LocalBuckets({ root: join(root, 'lake') }).ensureBucket('lake');
  const warehouse = await DuckDbWarehouse.open({
    dbPath: join(root, 'warehouse.duckdb'),
    lakeRoot: join(root, 'lake', 'lake'),
  });
  const putFile = async (key: string, countries: string[]) => {
    const rows = countries.map((country) => toRow(attendeeRegistered({ country }), columns));
    await lake.put(key, encodeParquet(columns, rows), 'application/vnd.apache.parquet');
  };
  return {
    warehouse,
    putFile,
    handler: createHandler(
      async () => ({ warehouse }),
      () => {},
    ),
  };
}

describe('loadWarehouse handler', () => {
  it('loads curated files, refreshes attendees by country, and a second delivery changes nothing', async () => {
    const { warehouse, putFile, handler } = await setup();
    const key = 'curated/attendee_registered/dt=2026-11-25/shardId-000000000000-1-3.parquet';
    await putFile(key, ['NL', 'NL', 'DE']);

    const first = await handler({ bucket: 'lake', objectKeys: [key] }, context);
    const second = await handler({ bucket: 'lake', objectKeys: [key] }, context);

    expect(first).toMatchObject({ rowsInserted: 3, filesSkipped: 0, tables: ['attendee_registered'] });
    expect(first.refreshedViews).toContain('mv_attendees_by_country');
    expect(second).toMatchObject({ rowsInserted: 0, filesSkipped: 1 });
    expect(await warehouse.query('SELECT country, attendees FROM mv_attendees_by_country ORDER BY country')).toEqual([
      { country: 'DE', attendees: 1 },
      { country: 'NL', attendees: 2 },
    ]);
  });

  it('refuses objects outside the curated zone with a clear error', async () => {
    const { handler } = await setup();
    await expect(
      handler({ bucket: 'lake', objectKeys: ['raw/attendee_registered/dt=2026-11-25/x.parquet'] }, context),
    ).rejects.toThrow(/only curated objects/);
  });
});
