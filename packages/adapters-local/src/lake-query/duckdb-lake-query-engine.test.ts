import { join } from 'node:path';
import { attendeesByCountry, columnsOf, PARTITION_COLUMN, type TableDefinition } from '@sluice/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbCatalog } from '../catalog';
import { ReadOnlyQueryError } from '../duckdb';
import {
  ATTENDEE_TABLE,
  attendeeRegistered,
  temporaryDirectory,
  writeAttendeeFile,
} from '../duckdb/test-support/lake-fixtures';
import { DuckDbWarehouse } from '../warehouse';
import { DuckDbLakeQueryEngine } from './duckdb-lake-query-engine';

let dir: { path: string; remove: () => Promise<void> };
let lakeRoot: string;
let catalogPath: string;
let catalog: DuckDbCatalog;
let lake: DuckDbLakeQueryEngine;

const LOCATION = `s3://sluice-lake/curated/${ATTENDEE_TABLE}/`;

function attendeeTable(extraColumns: TableDefinition['columns'] = []): TableDefinition {
  return {
    name: ATTENDEE_TABLE,
    location: LOCATION,
    columns: [...columnsOf('AttendeeRegistered'), ...extraColumns],
    partitionKeys: [PARTITION_COLUMN],
  };
}

const partition = (dt: string) => ({ table: ATTENDEE_TABLE, dt, location: `${LOCATION}dt=${dt}/` });

const COUNTRIES_SQL = `SELECT country, count(*) AS attendees FROM ${ATTENDEE_TABLE} GROUP BY country ORDER BY attendees DESC, country`;

beforeEach(async () => {
  dir = await temporaryDirectory();
  lakeRoot = join(dir.path, 'lake');
  catalogPath = join(dir.path, 'catalog.duckdb');
  catalog = await DuckDbCatalog.open({ dbPath: catalogPath, database: 'sluice' });
  lake = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot });
  await catalog.ensureTable(attendeeTable());
});

afterEach(async () => {
  await lake.close();
  await catalog.close();
  await dir.remove();
});

describe('DuckDbLakeQueryEngine', () => {
  it('shows a table with no partitions as an empty relation with the catalog columns and dt', async () => {
    const result = await lake.query(`SELECT * FROM ${ATTENDEE_TABLE}`);
    expect(result).toEqual({ columns: [...columnsOf('AttendeeRegistered').map((c) => c.name), 'dt'], rows: [] });
  });

  it('reads the files of registered partitions, with the partition value as dt', async () => {
    const event = attendeeRegistered({ country: 'BE', occurredAt: '2026-11-25T09:30:00.000Z' });
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [event]);
    await catalog.addPartitions([partition('2026-11-25')]);
    const result = await lake.query(`SELECT event_id, occurred_at, country, price, dt FROM ${ATTENDEE_TABLE}`);
    expect(result).toEqual({
      columns: ['event_id', 'occurred_at', 'country', 'price', 'dt'],
      rows: [
        {
          event_id: event.eventId,
          occurred_at: '2026-11-25T09:30:00.000Z',
          country: 'BE',
          price: 199.5,
          dt: '2026-11-25',
        },
      ],
    });
  });

  it('does not see a file in an unregistered partition until addPartitions registers it', async () => {
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    await writeAttendeeFile(lakeRoot, '2026-11-26', 'b.parquet', [attendeeRegistered(), attendeeRegistered()]);
    await catalog.addPartitions([partition('2026-11-25')]);
    const countByDay = `SELECT dt, count(*) AS n FROM ${ATTENDEE_TABLE} GROUP BY dt ORDER BY dt`;
    expect((await lake.query(countByDay)).rows).toEqual([{ dt: '2026-11-25', n: 1 }]);
    await catalog.addPartitions([partition('2026-11-26')]);
    expect((await lake.query(countByDay)).rows).toEqual([
      { dt: '2026-11-25', n: 1 },
      { dt: '2026-11-26', n: 2 },
    ]);
  });

  it('reads a registered partition with no files yet as no rows, and sees its first file when it lands', async () => {
    await catalog.addPartitions([partition('2026-11-25')]);
    expect((await lake.query(`SELECT count(*) AS n FROM ${ATTENDEE_TABLE}`)).rows).toEqual([{ n: 0 }]);
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    expect((await lake.query(`SELECT count(*) AS n FROM ${ATTENDEE_TABLE}`)).rows).toEqual([{ n: 1 }]);
  });

  it('shows a column added to the catalog as NULL for files written before it existed', async () => {
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    await catalog.addPartitions([partition('2026-11-25')]);
    await catalog.ensureTable(attendeeTable([{ name: 'dietary_needs', type: 'string', field: 'dietaryNeeds' }]));
    expect((await lake.query(`SELECT dietary_needs FROM ${ATTENDEE_TABLE}`)).rows).toEqual([{ dietary_needs: null }]);
  });

  it('rebuilds views only when the catalog or the partitions’ files change', async () => {
    await catalog.addPartitions([partition('2026-11-25')]);
    expect(await lake.refreshViews()).toEqual([ATTENDEE_TABLE]);
    expect(await lake.refreshViews()).toEqual([]);
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    expect(await lake.refreshViews()).toEqual([ATTENDEE_TABLE]);
  });

  it('refuses anything but one read-only statement', async () => {
    await expect(lake.query(`DROP VIEW ${ATTENDEE_TABLE}`)).rejects.toBeInstanceOf(ReadOnlyQueryError);
    expect((await lake.query(`SELECT count(*) AS n FROM ${ATTENDEE_TABLE}`)).rows).toEqual([{ n: 0 }]);
  });

  it('answers the same after the catalog file is reopened by a new engine', async () => {
    await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [
      attendeeRegistered({ country: 'NL' }),
      attendeeRegistered({ country: 'DE' }),
    ]);
    await catalog.addPartitions([partition('2026-11-25')]);
    const before = await lake.query(COUNTRIES_SQL);
    await lake.close();
    await catalog.close();
    catalog = await DuckDbCatalog.open({ dbPath: catalogPath, database: 'sluice' });
    lake = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot });
    expect(await lake.query(COUNTRIES_SQL)).toEqual(before);
    expect(before.rows).toHaveLength(2);
  });

  it('gives the same attendees by country as the warehouse on the same files', async () => {
    const keys = [
      await writeAttendeeFile(lakeRoot, '2026-11-24', 'a.parquet', [
        attendeeRegistered({ country: 'NL' }),
        attendeeRegistered({ country: 'US' }),
      ]),
      await writeAttendeeFile(lakeRoot, '2026-11-25', 'b.parquet', [
        attendeeRegistered({ country: 'NL' }),
        attendeeRegistered({ country: 'DE' }),
        attendeeRegistered({ country: 'NL' }),
      ]),
    ];
    await catalog.addPartitions([partition('2026-11-24'), partition('2026-11-25')]);
    const warehouse = await DuckDbWarehouse.open({ dbPath: join(dir.path, 'warehouse.duckdb'), lakeRoot });
    try {
      await warehouse.migrate();
      await warehouse.loadFiles(keys.map((objectKey) => ({ table: ATTENDEE_TABLE, objectKey })));
      await warehouse.refreshViews();
      const fromLake = (await lake.query(COUNTRIES_SQL)).rows.map((row) => ({
        country: String(row.country),
        attendees: Number(row.attendees),
      }));
      expect(fromLake).toEqual(await attendeesByCountry(warehouse));
      expect(fromLake).toEqual([
        { country: 'NL', attendees: 3 },
        { country: 'DE', attendees: 1 },
        { country: 'US', attendees: 1 },
      ]);
    } finally {
      await warehouse.close();
    }
  });
});
