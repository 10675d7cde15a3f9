import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInMemoryPublisher, DuckDbDatabase, LocalBuckets } from '@sluice/adapters-local';
import { defaultMaskingPolicy, type ObjectStore } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { attendeeRegistered, feedbackSubmitted, kinesisEvent } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const context = {} as Context;
const silent = () => {};

async function setup(wrapLake: (lake: ObjectStore) => ObjectStore = (lake) => lake) {
  const root = mkdtempSync(join(tmpdir(), 'sluice-etl-'));
  const buckets = new LocalBuckets({ root });
  const lake = await buckets.ensureBucket('lake');
  const publisher = createInMemoryPublisher();
  const handler = createHandler(
    async () => ({
      lake: wrapLake(lake),
      publish: publisher.publish,
      encodeTable: encodeParquet,
      masking: defaultMaskingPolicy('k'.repeat(32)),
    }),
    silent,
    silent,
  );
  const readParquet = async (key: string) => {
    const db = await DuckDbDatabase.open(join(root, 'query.duckdb'));
    const rows = await db.all(`SELECT * FROM read_parquet('${join(root, 'lake', key)}')`);
    await db.close();
    return rows;
  };
  return { handler, lake, publisher, readParquet };
}

describe('processStream handler', () => {
  it('writes raw (unmasked) and curated (masked) Parquet by event date, and quarantines invalid records with reasons', async () => {
    const { handler, lake, publisher, readParquet } = await setup();
    const good = attendeeRegistered({ email: 'grace@example.org', occurredAt: '2026-11-24T23:59:00Z' });
    const feedback = feedbackSubmitted({ comment: 'reach me at grace@example.org' });
    const event = kinesisEvent([good, '{not json', { ...attendeeRegistered(), email: 'nope' }, feedback]);

    const result = await handler(event, context);

    expect(result.batchItemFailures).toEqual([]);
    const keys = (await lake.list('')).map((o) => o.key);
    const file = `shardId-000000000000-${event.Records[0]?.kinesis.sequenceNumber}-${event.Records[3]?.kinesis.sequenceNumber}`;
    expect(keys).toContain(`raw/attendee_registered/dt=2026-11-24/${file}.parquet`);
    expect(keys).toContain(`curated/attendee_registered/dt=2026-11-24/${file}.parquet`);
    expect(keys).toContain(`curated/feedback_submitted/dt=2026-11-25/${file}.parquet`);

    const [raw] = await readParquet(`raw/attendee_registered/dt=2026-11-24/${file}.parquet`);
    const [curated] = await readParquet(`curated/attendee_registered/dt=2026-11-24/${file}.parquet`);
    expect(raw?.email).toBe('grace@example.org');
    expect(curated?.email).toMatch(/^tok_[0-9a-f]{32}$/);
    expect(curated?.name).toBe('[PERSON_NAME]');
    expect(curated?.country).toBe('NL');
    const [comment] = await readParquet(`curated/feedback_submitted/dt=2026-11-25/${file}.parquet`);
    expect(comment?.comment).toMatch(/^reach me at tok_[0-9a-f]{32}$/);

    const quarantineKey = keys.find((k) => k.startsWith('quarantine/')) as string;
    const lines = Buffer.from((await lake.get(quarantineKey))?.body ?? [])
      .toString()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.reason)).toEqual(['MALFORMED_JSON', 'SCHEMA_VIOLATION']);
    expect(lines[1].errors.join()).toMatch(/email/);
    expect(lines[0].sequenceNumber).toBe(event.Records[1]?.kinesis.sequenceNumber);
    expect(publisher.events).toMatchObject([{ detailType: 'RecordsQuarantined', detail: { count: 2 } }]);
  });

  it('drops a duplicate eventId inside the batch', async () => {
    const { handler, lake, readParquet } = await setup();
    const event = attendeeRegistered();
    await handler(kinesisEvent([event, event]), context);
    const [key] = (await lake.list('raw/')).map((o) => o.key);
    expect(await readParquet(key as string)).toHaveLength(1);
  });

  it('a retried batch writes the same objects with the same content (overwrite, not duplicate)', async () => {
    const { handler, lake } = await setup();
    const event = kinesisEvent([attendeeRegistered(), attendeeRegistered()]);
    await handler(event, context);
    const first = await lake.list('');
    await handler(event, context);
    const second = await lake.list('');
    expect(second.map((o) => [o.key, o.etag])).toEqual(first.map((o) => [o.key, o.etag]));
  });

  it('reports the batch from its first sequence number when the lake write fails', async () => {
    const failing = (lake: ObjectStore): ObjectStore => ({
      ...lake,
      bucket: lake.bucket,
      put: async () => {
        throw new Error('SlowDown: please reduce your request rate');
      },
    });
    const { handler } = await setup(failing);
    const event = kinesisEvent([attendeeRegistered(), attendeeRegistered()]);
    const result = await handler(event, context);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.kinesis.sequenceNumber }]);
  });
});
