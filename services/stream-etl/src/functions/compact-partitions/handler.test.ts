import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbWarehouse, LocalBuckets } from '@sluice/adapters-local';
import { buildCompactPartitions, columnsOf, toRow } from '@sluice/core';
import { decodeParquet, encodeParquet } from '@sluice/parquet';
import { attendeeRegistered } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const context = {} as Context;
const columns = columnsOf('AttendeeRegistered');
const scheduled = (time: string) => ({
  version: '0',
  id: '89d1a02d-5ec7-412e-82f5-13505f849b41',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time,
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/sluice-stream-etl-compaction'],
  detail: {},
});

async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'sluice-compact-'));
  const lake = await new LocalBuckets({ root: join(root, 'lake') }).ensureBucket('lake');
  const warehouse = await DuckDbWarehouse.open({
    dbPath: join(root, 'w.duckdb'),
    lakeRoot: join(root, 'lake', 'lake'),
  });
  const handler = createHandler(async () => ({
    compactPartitions: buildCompactPartitions({
      lake,
      encodeTable: encodeParquet,
      decodeTable: decodeParquet,
      deleteObject: (key) => lake.delete(key),
      log: () => {},
    }),
    settings: { graceDays: 1, minFiles: 2, maxPartitionBytes: 64 * 1024 * 1024, zones: ['curated', 'raw'] as const },
  }));
  const putBatch = async (zone: string, dt: string, name: string, events: ReturnType<typeof attendeeRegistered>[]) => {
    const key = `${zone}/attendee_registered/dt=${dt}/${name}.parquet`;
    await lake.put(
      key,
      encodeParquet(
        columns,
        events.map((e) => toRow(e, columns)),
      ),
      'application/vnd.apache.parquet',
    );
    return key;
  };
  return { lake, warehouse, handler, putBatch };
}

describe('compactPartitions handler', () => {
  it('merges a closed partition into one file, drops rows doubled across files, and the warehouse counts nothing twice', async () => {
    const { lake, warehouse, handler, putBatch } = await setup();
    const day = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00Z`;
    const events = [1, 2, 3, 4, 5].map((hour) => attendeeRegistered({ occurredAt: day(hour) }));
    // Three micro-batches; the third repeats an event (a bisected retry wrote it twice).
    const keys = [
      await putBatch('curated', '2026-11-20', 'shardId-000000000000-1-2', events.slice(0, 2)),
      await putBatch('curated', '2026-11-20', 'shardId-000000000000-3-4', events.slice(2, 4)),
      await putBatch('curated', '2026-11-20', 'shardId-000000000000-4-5', events.slice(3, 5)),
      await putBatch('raw', '2026-11-20', 'shardId-000000000000-1-2', events.slice(0, 2)),
      await putBatch('raw', '2026-11-20', 'shardId-000000000000-3-5', events.slice(2, 5)),
    ];
    const open = await putBatch('curated', '2026-11-25', 'shardId-000000000000-9-9', [
      attendeeRegistered({ occurredAt: '2026-11-25T08:00:00Z' }),
      attendeeRegistered({ occurredAt: '2026-11-25T09:00:00Z' }),
    ]);
    const openToo = await putBatch('curated', '2026-11-25', 'shardId-000000000000-10-10', [attendeeRegistered()]);
    await warehouse.migrate();
    const curatedKeys = keys.slice(0, 3).map((objectKey) => ({ table: 'attendee_registered', objectKey }));
    await warehouse.loadFiles(curatedKeys);
    const before = await warehouse.query('SELECT count(*)::INT AS n FROM attendee_registered');

    const result = await handler(scheduled('2026-11-25T01:30:00Z'), context);

    expect(result).toMatchObject({ partitions: 2, filesMerged: 5, duplicateRowsDropped: 1 });
    const curated = (await lake.list('curated/attendee_registered/dt=2026-11-20/')).map((o) => o.key);
    expect(curated).toHaveLength(1);
    expect(curated[0]).toMatch(/\/compacted-[0-9a-f]{16}\.parquet$/);
    const rows = decodeParquet((await lake.get(curated[0] as string))?.body as Uint8Array);
    expect(rows.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.eventId).sort());
    expect((await lake.list('raw/attendee_registered/dt=2026-11-20/')).length).toBe(1);
    expect((await lake.list('curated/attendee_registered/dt=2026-11-25/')).map((o) => o.key).sort()).toEqual(
      [open, openToo].sort(),
    );

    // The compacted file's Object Created reaches the loader: the MERGE by event_id inserts nothing.
    const load = await warehouse.loadFiles([{ table: 'attendee_registered', objectKey: curated[0] as string }]);
    expect(load.rowsInserted).toBe(0);
    expect(await warehouse.query('SELECT count(*)::INT AS n FROM attendee_registered')).toEqual(before);

    // A second run finds nothing to do.
    expect((await handler(scheduled('2026-11-25T02:30:00Z'), context)).partitions).toBe(0);
  });
});
