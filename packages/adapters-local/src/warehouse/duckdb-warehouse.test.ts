import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attendeesByCountry, columnsOf, factTables, MATERIALIZED_VIEWS } from '@sluice/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbDatabase, ReadOnlyQueryError } from '../duckdb';
import {
  ATTENDEE_TABLE,
  attendeeRegistered,
  attendeeRows,
  temporaryDirectory,
  writeAttendeeFile,
  writeParquetFile,
} from '../duckdb/test-support/lake-fixtures';
import { DuckDbWarehouse } from './duckdb-warehouse';
import { LakeObjectNotFoundError, UnknownFactTableError } from './errors';
import { applyMigrations, syncFactTablesWithContract } from './migrations';
import { feedbackSubmitted, sessionCheckedIn, writeEventsFile } from './test-support/event-files';

let dir: { path: string; remove: () => Promise<void> };
let lakeRoot: string;
let dbPath: string;
let warehouse: DuckDbWarehouse;

beforeEach(async () => {
  dir = await temporaryDirectory();
  lakeRoot = join(dir.path, 'lake');
  dbPath = join(dir.path, 'warehouse', 'warehouse.duckdb');
  warehouse = await DuckDbWarehouse.open({ dbPath, lakeRoot });
  await warehouse.migrate();
});

afterEach(async () => {
  await warehouse.close();
  await dir.remove();
});

const file = (objectKey: string) => ({ table: ATTENDEE_TABLE, objectKey });

async function count(): Promise<number> {
  const [row] = await warehouse.query(`SELECT count(*) AS n FROM ${ATTENDEE_TABLE}`);
  return Number(row?.n);
}

describe('DuckDbWarehouse.migrate', () => {
  it('creates one fact table per event type with the contract columns plus dt, keyed by event_id', async () => {
    for (const fact of factTables()) {
      const columns = await warehouse.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = '${fact.table}' ORDER BY ordinal_position`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([...fact.columns.map((c) => c.name), 'dt']);
    }
    const [key] = await warehouse.query(
      `SELECT constraint_column_names AS columns FROM duckdb_constraints()
       WHERE table_name = '${ATTENDEE_TABLE}' AND constraint_type = 'PRIMARY KEY'`,
    );
    expect(key?.columns).toEqual(['event_id']);
  });

  it('records applied versions once, and a second run applies nothing', async () => {
    const db = await DuckDbDatabase.open(dbPath);
    try {
      const again = await applyMigrations(db);
      expect(again).toEqual({ appliedVersions: [], createdTables: [], addedColumns: [], quarantinedColumns: [] });
      expect(await db.all('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('adds a column that is new in the contract, and loads it from files that carry it', async () => {
    const db = await DuckDbDatabase.open(dbPath);
    try {
      const extended = factTables().map((fact) =>
        fact.table === ATTENDEE_TABLE
          ? {
              ...fact,
              columns: [...fact.columns, { name: 'dietary_needs', type: 'string' as const, field: 'dietaryNeeds' }],
            }
          : fact,
      );
      const synced = await db.transaction((tx) => syncFactTablesWithContract(tx, extended));
      expect(synced).toEqual({
        createdTables: [],
        addedColumns: [{ table: ATTENDEE_TABLE, column: 'dietary_needs', type: 'VARCHAR' }],
        quarantinedColumns: [],
      });
      const again = await db.transaction((tx) => syncFactTablesWithContract(tx, extended));
      expect(again.addedColumns).toEqual([]);
    } finally {
      await db.close();
    }
    // A file written under the new contract carries the column; an older file without it reads NULL.
    const newer = attendeeRegistered();
    const older = attendeeRegistered();
    const newKey = await writeParquetFile(
      lakeRoot,
      'curated/attendee_registered/dt=2026-11-25/new.parquet',
      [...columnsOf('AttendeeRegistered'), { name: 'dietary_needs', type: 'string' }],
      [{ ...attendeeRows([newer])[0], dietary_needs: 'vegan' }],
    );
    const oldKey = await writeAttendeeFile(lakeRoot, '2026-11-25', 'old.parquet', [older]);
    await warehouse.loadFiles([file(newKey), file(oldKey)]);
    expect(
      await warehouse.query(`SELECT event_id, dietary_needs FROM ${ATTENDEE_TABLE} ORDER BY dietary_needs NULLS LAST`),
    ).toEqual([
      { event_id: newer.eventId, dietary_needs: 'vegan' },
      { event_id: older.eventId, dietary_needs: null },
    ]);
  });

  it('creates the fact table of a new event type', async () => {
    const db = await DuckDbDatabase.open(dbPath);
    try {
      const synced = await db.transaction((tx) =>
        syncFactTablesWithContract(tx, [
          { table: 'badge_printed', columns: [{ name: 'event_id', type: 'string', field: 'eventId' }] },
        ]),
      );
      expect(synced.createdTables).toEqual(['badge_printed']);
    } finally {
      await db.close();
    }
    expect(await warehouse.query('SELECT count(*) AS n FROM badge_printed')).toEqual([{ n: 0 }]);
  });

  it('leaves a retyped column as it is under the quarantine policy, reporting table, column and both types', async () => {
    const db = await DuckDbDatabase.open(dbPath);
    try {
      const retyped = [
        {
          table: ATTENDEE_TABLE,
          columns: columnsOf('AttendeeRegistered').map((c) =>
            c.name === 'price' ? { ...c, type: 'string' as const } : c,
          ),
        },
      ];
      expect(await db.transaction((tx) => syncFactTablesWithContract(tx, retyped))).toEqual({
        createdTables: [],
        addedColumns: [],
        quarantinedColumns: [
          { table: ATTENDEE_TABLE, column: 'price', warehouseType: 'DOUBLE', contractType: 'VARCHAR' },
        ],
      });
    } finally {
      await db.close();
    }
  });
});

describe('DuckDbWarehouse.loadFiles', () => {
  it('inserts every row of a file, with dt as the UTC date of occurred_at', async () => {
    const late = attendeeRegistered({ occurredAt: '2026-11-25T23:30:00-02:00' });
    const key = await writeAttendeeFile(lakeRoot, '2026-11-26', 'a.parquet', [late, attendeeRegistered()]);
    expect(await warehouse.loadFiles([file(key)])).toEqual({ rowsInserted: 2, rowsSkipped: 0, filesSkipped: 0 });
    const [row] = await warehouse.query(
      `SELECT event_id, occurred_at, dt, country, price FROM ${ATTENDEE_TABLE} WHERE event_id = '${late.eventId}'`,
    );
    expect(row).toEqual({
      event_id: late.eventId,
      occurred_at: '2026-11-26T01:30:00.000Z',
      dt: '2026-11-26',
      country: 'NL',
      price: 199.5,
    });
  });

  it('skips a file already in the ledger: loading it twice leaves counts unchanged', async () => {
    const key = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [
      attendeeRegistered(),
      attendeeRegistered(),
    ]);
    expect(await warehouse.loadFiles([file(key)])).toEqual({ rowsInserted: 2, rowsSkipped: 0, filesSkipped: 0 });
    expect(await warehouse.loadFiles([file(key)])).toEqual({ rowsInserted: 0, rowsSkipped: 0, filesSkipped: 1 });
    expect(await count()).toBe(2);
    expect(await warehouse.query('SELECT object_key, table_name, rows_inserted FROM load_ledger')).toEqual([
      { object_key: key, table_name: ATTENDEE_TABLE, rows_inserted: 2 },
    ]);
  });

  it('inserts an event_id held by two different files once (rows merge by event_id)', async () => {
    const shared = attendeeRegistered();
    const first = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [shared, attendeeRegistered()]);
    const second = await writeAttendeeFile(lakeRoot, '2026-11-25', 'b.parquet', [shared]);
    expect(await warehouse.loadFiles([file(first)])).toEqual({ rowsInserted: 2, rowsSkipped: 0, filesSkipped: 0 });
    expect(await warehouse.loadFiles([file(second)])).toEqual({ rowsInserted: 0, rowsSkipped: 1, filesSkipped: 0 });
    expect(await count()).toBe(2);
  });

  it('de-duplicates by event_id across and within the files of one call', async () => {
    const shared = attendeeRegistered();
    const first = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [shared, shared]);
    const second = await writeAttendeeFile(lakeRoot, '2026-11-25', 'b.parquet', [shared, attendeeRegistered()]);
    expect(await warehouse.loadFiles([file(first), file(second)])).toEqual({
      rowsInserted: 2,
      rowsSkipped: 2,
      filesSkipped: 0,
    });
    expect(await warehouse.query('SELECT object_key, rows_inserted FROM load_ledger ORDER BY object_key')).toEqual([
      { object_key: first, rows_inserted: 1 },
      { object_key: second, rows_inserted: 1 },
    ]);
  });

  it('counts a key listed twice in one call as one load and one skipped file', async () => {
    const key = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    expect(await warehouse.loadFiles([file(key), file(key)])).toEqual({
      rowsInserted: 1,
      rowsSkipped: 0,
      filesSkipped: 1,
    });
  });

  it('names the missing key and loads nothing when a file is not in the lake', async () => {
    const present = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    const missing = 'curated/attendee_registered/dt=2026-11-25/missing.parquet';
    const attempt = warehouse.loadFiles([file(present), file(missing)]);
    await expect(attempt).rejects.toBeInstanceOf(LakeObjectNotFoundError);
    await expect(attempt).rejects.toThrow(missing);
    expect(await count()).toBe(0);
    expect(await warehouse.query('SELECT count(*) AS n FROM load_ledger')).toEqual([{ n: 0 }]);
  });

  it('rolls back the rows and the ledger of a table whose load fails midway', async () => {
    const good = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    const broken = await writeAttendeeFile(lakeRoot, '2026-11-25', 'b.parquet', [attendeeRegistered()]);
    await writeFile(join(lakeRoot, broken), 'not parquet');
    await expect(warehouse.loadFiles([file(good), file(broken)])).rejects.toThrow();
    expect(await count()).toBe(0);
    expect(await warehouse.query('SELECT count(*) AS n FROM load_ledger')).toEqual([{ n: 0 }]);
    await unlink(join(lakeRoot, broken));
    expect(await warehouse.loadFiles([file(good)])).toEqual({ rowsInserted: 1, rowsSkipped: 0, filesSkipped: 0 });
  });

  it('refuses a table that is not a fact table', async () => {
    await expect(
      warehouse.loadFiles([{ table: 'nope', objectKey: 'curated/nope/dt=2026-11-25/a.parquet' }]),
    ).rejects.toBeInstanceOf(UnknownFactTableError);
  });

  it('serializes concurrent loads of the same file: it is loaded once', async () => {
    const key = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered()]);
    const outcomes = await Promise.all([warehouse.loadFiles([file(key)]), warehouse.loadFiles([file(key)])]);
    expect(outcomes).toEqual([
      { rowsInserted: 1, rowsSkipped: 0, filesSkipped: 0 },
      { rowsInserted: 0, rowsSkipped: 0, filesSkipped: 1 },
    ]);
  });
});

describe('DuckDbWarehouse views and queries', () => {
  it('refreshViews rebuilds attendees by country from the facts', async () => {
    expect(await attendeesByCountry(warehouse)).toEqual([]);
    const key = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [
      attendeeRegistered({ country: 'NL' }),
      attendeeRegistered({ country: 'DE' }),
      attendeeRegistered({ country: 'NL' }),
    ]);
    await warehouse.loadFiles([file(key)]);
    expect(await attendeesByCountry(warehouse)).toEqual([]);
    expect(await warehouse.refreshViews()).toEqual(MATERIALIZED_VIEWS.map((view) => view.name));
    expect(await attendeesByCountry(warehouse)).toEqual([
      { country: 'NL', attendees: 2 },
      { country: 'DE', attendees: 1 },
    ]);
  });

  it('query refuses anything but one read-only statement', async () => {
    await expect(warehouse.query(`DELETE FROM ${ATTENDEE_TABLE}`)).rejects.toBeInstanceOf(ReadOnlyQueryError);
  });

  it('keeps facts, ledger and views across a reopen of the DuckDB file', async () => {
    const key = await writeAttendeeFile(lakeRoot, '2026-11-25', 'a.parquet', [attendeeRegistered({ country: 'FR' })]);
    await warehouse.loadFiles([file(key)]);
    await warehouse.refreshViews();
    await warehouse.close();
    warehouse = await DuckDbWarehouse.open({ dbPath, lakeRoot });
    await warehouse.migrate();
    expect(await count()).toBe(1);
    expect(await attendeesByCountry(warehouse)).toEqual([{ country: 'FR', attendees: 1 }]);
    expect(await warehouse.loadFiles([file(key)])).toEqual({ rowsInserted: 0, rowsSkipped: 0, filesSkipped: 1 });
  });
});

describe('DuckDbWarehouse reporting views', () => {
  it('counts registrations per day and check-ins, feedback and average rating per session', async () => {
    const keys = [
      await writeAttendeeFile(lakeRoot, '2026-11-24', 'a.parquet', [
        attendeeRegistered({ occurredAt: '2026-11-24T23:59:59.000Z' }),
      ]),
      await writeAttendeeFile(lakeRoot, '2026-11-25', 'b.parquet', [attendeeRegistered(), attendeeRegistered()]),
    ].map(file);
    const checkIns = await writeEventsFile(lakeRoot, 'SessionCheckedIn', '2026-11-25', 'c.parquet', [
      sessionCheckedIn({ sessionId: 'keynote' }),
      sessionCheckedIn({ sessionId: 'keynote' }),
      sessionCheckedIn({ sessionId: 'workshop' }),
    ]);
    const feedback = await writeEventsFile(lakeRoot, 'FeedbackSubmitted', '2026-11-25', 'f.parquet', [
      feedbackSubmitted({ sessionId: 'keynote', rating: 5 }),
      feedbackSubmitted({ sessionId: 'keynote', rating: 4 }),
      feedbackSubmitted({ sessionId: 'panel', rating: 2 }),
    ]);
    await warehouse.loadFiles([
      ...keys,
      { table: 'session_checked_in', objectKey: checkIns },
      { table: 'feedback_submitted', objectKey: feedback },
    ]);
    await warehouse.refreshViews();

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
      { session_id: 'panel', check_ins: 0, feedback_count: 1, average_rating: 2 },
      { session_id: 'workshop', check_ins: 1, feedback_count: 0, average_rating: null },
    ]);
  });
});
