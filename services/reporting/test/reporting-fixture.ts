import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbCatalog, DuckDbLakeQueryEngine, DuckDbWarehouse, LocalBuckets } from '@sluice/adapters-local';
import { EVENT_TYPES, type EventType } from '@sluice/contracts';
import { columnsOf, once, PARTITION_COLUMN, QuarantineCounter, toRow } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { attendeeRegistered, feedbackSubmitted, sessionCheckedIn } from '@sluice/testing';
import type { ReportingDependencies } from '../src/composition';

export interface FixtureData {
  /** One AttendeeRegistered per country given (attendee ids att-0, att-1, …). */
  readonly countries: readonly string[];
  /** Session id per check-in, by attendee att-0, att-1, … in turn. */
  readonly checkIns?: readonly string[];
  /** Ratings of feedback on sess-001. */
  readonly ratings?: readonly number[];
  /** Lines in one quarantine file. */
  readonly quarantined?: number;
}

const DT = '2026-11-25';

/**
 * The reporting service's dependencies over real local adapters in a temporary directory: a DuckDB
 * warehouse loaded from curated Parquet files, the lake bucket (with a raw copy and a quarantine file), and
 * the sandboxed lake query engine over a catalog with the curated attendee partition registered.
 */
export async function reportingFixture(
  data: FixtureData | string[],
): Promise<ReportingDependencies & { readonly lakeRoot: string }> {
  const { countries, checkIns = [], ratings = [], quarantined = 0 } = Array.isArray(data) ? { countries: data } : data;
  const root = mkdtempSync(join(tmpdir(), 'sluice-reporting-'));
  const lakeRoot = join(root, 'lake', 'lake');
  const lake = await new LocalBuckets({ root: join(root, 'lake') }).ensureBucket('lake');
  const warehouse = await DuckDbWarehouse.open({ dbPath: join(root, 'wh.duckdb'), lakeRoot });
  await warehouse.migrate();

  const at = `${DT}T10:00:00.000Z`;
  const attendee = (i: number) => `att-${i % Math.max(1, countries.length)}`;
  const events: Record<EventType, object[]> = {
    AttendeeRegistered: countries.map((country, i) =>
      attendeeRegistered({ country, attendeeId: `att-${i}`, occurredAt: at }),
    ),
    SessionCheckedIn: checkIns.map((sessionId, i) =>
      sessionCheckedIn({ sessionId, attendeeId: attendee(i), occurredAt: at }),
    ),
    FeedbackSubmitted: ratings.map((rating, i) =>
      feedbackSubmitted({ sessionId: 'sess-001', rating, attendeeId: attendee(i), occurredAt: at }),
    ),
  };
  for (const [eventType, list] of Object.entries(events) as [EventType, object[]][]) {
    const { table } = EVENT_TYPES[eventType];
    const columns = columnsOf(eventType);
    const body = encodeParquet(
      columns,
      list.map((event) => toRow(event as never, columns)),
    );
    for (const zone of ['raw', 'curated']) {
      await lake.put(`${zone}/${table}/dt=${DT}/f.parquet`, body, 'application/vnd.apache.parquet');
    }
    await warehouse.loadFiles([{ table, objectKey: `curated/${table}/dt=${DT}/f.parquet` }]);
  }
  await warehouse.refreshViews();
  if (quarantined > 0) {
    const lines = Array.from({ length: quarantined }, (_, i) => JSON.stringify({ reason: 'invalid', record: i }));
    await lake.put(
      `quarantine/dt=${DT}/q.ndjson`,
      new TextEncoder().encode(`${lines.join('\n')}\n`),
      'application/x-ndjson',
    );
  }

  const lakeQuery = once(async () => {
    const catalog = await DuckDbCatalog.open({ dbPath: join(root, 'catalog.duckdb'), database: 'sluice' });
    const location = 's3://lake/curated/attendee_registered/';
    await catalog.ensureTable({
      name: 'attendee_registered',
      location,
      columns: columnsOf('AttendeeRegistered'),
      partitionKeys: [PARTITION_COLUMN],
    });
    await catalog.addPartitions([{ table: 'attendee_registered', dt: DT, location: `${location}dt=${DT}/` }]);
    return DuckDbLakeQueryEngine.open({ catalog, lakeRoot, readableDirectories: [join(lakeRoot, 'curated')] });
  });
  return { warehouse, lake, lakeQuery, quarantine: new QuarantineCounter(), lakeRoot };
}

/** Where the fixture's lake keeps a file, for tests that try to read it behind the engine's back. */
export const RAW_ATTENDEE_KEY = `raw/attendee_registered/dt=${DT}/f.parquet`;
