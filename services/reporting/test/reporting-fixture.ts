import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbWarehouse, LocalBuckets } from '@sluice/adapters-local';
import { columnsOf, toRow } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { attendeeRegistered } from '@sluice/testing';

/** A DuckDB warehouse loaded with one AttendeeRegistered per country given, and its lake bucket. */
export async function reportingFixture(countries: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'sluice-reporting-'));
  const lake = await new LocalBuckets({ root: join(root, 'lake') }).ensureBucket('lake');
  const warehouse = await DuckDbWarehouse.open({
    dbPath: join(root, 'wh.duckdb'),
    lakeRoot: join(root, 'lake', 'lake'),
  });
  const columns = columnsOf('AttendeeRegistered');
  const key = 'curated/attendee_registered/dt=2026-11-25/f.parquet';
  const rows = countries.map((country) => toRow(attendeeRegistered({ country }), columns));
  await lake.put(key, encodeParquet(columns, rows), 'application/vnd.apache.parquet');
  await warehouse.migrate();
  await warehouse.loadFiles([{ table: 'attendee_registered', objectKey: key }]);
  await warehouse.refreshViews();
  return { warehouse, lake };
}
