import { join } from 'node:path';
import { buildLoadWarehouse, buildRegisterPartitions, MATERIALIZED_VIEWS } from '@sluice/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbCatalog } from '../catalog';
import { DuckDbWarehouse } from '../warehouse';
import {
  attendeeRegistered,
  feedbackSubmitted,
  sessionCheckedIn,
  temporaryDirectory,
  writeEventsFile,
} from '../warehouse/test-support/event-files';
import { s3ObjectCreatedFor } from '../warehouse/test-support/object-created';
import { DuckDbLakeQueryEngine } from './duckdb-lake-query-engine';

/**
 * The lake (SQL over the catalog's partitions) and the warehouse (facts loaded from the same files) must
 * give the same answers to the reporting questions: each materialized view's SQL, run on the lake, equals
 * the view in the warehouse after the files went through the state machine's two steps.
 */
const BUCKET = 'lake';
let dir: { path: string; remove: () => Promise<void> };
let catalog: DuckDbCatalog;
let warehouse: DuckDbWarehouse;
let lake: DuckDbLakeQueryEngine;

beforeAll(async () => {
  dir = await temporaryDirectory();
  const lakeRoot = join(dir.path, 'lake');
  catalog = await DuckDbCatalog.open({ dbPath: join(dir.path, 'catalog.duckdb'), database: 'sluice' });
  warehouse = await DuckDbWarehouse.open({ dbPath: join(dir.path, 'warehouse.duckdb'), lakeRoot });
  lake = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot });

  const countries = ['NL', 'DE', 'FR', 'PT', 'NL', 'NL', 'DE', 'ES'];
  const sessions = ['keynote', 'panel', 'workshop', 'keynote', 'keynote', 'panel'];
  const keys: string[] = [];
  for (const [day, dt] of ['2026-11-23', '2026-11-24', '2026-11-25'].entries()) {
    const at = `${dt}T1${day}:00:00.000Z`;
    keys.push(
      await writeEventsFile(
        lakeRoot,
        'AttendeeRegistered',
        dt,
        'a.parquet',
        countries.slice(day).map((country, i) => attendeeRegistered({ country, price: 50 + i * 12.5, occurredAt: at })),
      ),
      await writeEventsFile(
        lakeRoot,
        'SessionCheckedIn',
        dt,
        's.parquet',
        sessions.slice(day).map((sessionId) => sessionCheckedIn({ sessionId, occurredAt: at })),
      ),
      await writeEventsFile(
        lakeRoot,
        'FeedbackSubmitted',
        dt,
        'f.parquet',
        sessions
          .slice(day + 1)
          .map((sessionId, i) => feedbackSubmitted({ sessionId, rating: 1 + ((i + day) % 5), occurredAt: at })),
      ),
    );
  }
  // Each object as the state machine handles it: register its partition, then load it (views refreshed).
  const register = buildRegisterPartitions({ catalog });
  const load = buildLoadWarehouse({ warehouse });
  for (const key of keys) {
    await register([s3ObjectCreatedFor(BUCKET, key)]);
    await load({ bucket: BUCKET, objectKeys: [key] });
  }
});

afterAll(async () => {
  await lake.close();
  await warehouse.close();
  await catalog.close();
  await dir.remove();
});

describe('the lake and the warehouse answer the reporting questions alike', () => {
  it.each(MATERIALIZED_VIEWS.map((view) => [view.name, view] as const))('%s', async (_name, view) => {
    const fromLake = await lake.query(`SELECT * FROM (${view.sql}) AS answer ORDER BY 1`);
    const fromWarehouse = await warehouse.query(`SELECT * FROM ${view.name} ORDER BY 1`);

    expect(fromLake.rows.length).toBeGreaterThan(1);
    expect(fromLake.rows).toEqual(fromWarehouse);
  });

  it('counts the same facts per table', async () => {
    for (const table of ['attendee_registered', 'session_checked_in', 'feedback_submitted']) {
      const sql = `SELECT dt, COUNT(*) AS n FROM ${table} GROUP BY dt ORDER BY dt`;
      expect((await lake.query(sql)).rows).toEqual(await warehouse.query(sql));
    }
  });
});
