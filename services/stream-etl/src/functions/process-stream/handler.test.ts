import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createInMemoryIdempotencyStore,
  createInMemoryPublisher,
  DuckDbDatabase,
  LocalBuckets,
} from '@sluice/adapters-local';
import { buildReferenceData, defaultMaskingPolicy, maskEvent, type ObjectStore } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { buildSqlEnrichment, loadEnrichmentQueries } from '@sluice/sql-enrichment';
import { attendeeRegistered, feedbackSubmitted, kinesisEvent, sessionCheckedIn } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const context = {} as Context;
const silent = () => {};

const queries = loadEnrichmentQueries(fileURLToPath(new URL('./enrichment/', import.meta.url)));
const ndjson = (rows: object[]) => Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n'));

interface SetupOptions {
  readonly wrapLake?: (lake: ObjectStore) => ObjectStore;
  readonly maskStage?: typeof maskEvent;
}

async function setup(options: SetupOptions = {}) {
  const root = mkdtempSync(join(tmpdir(), 'sluice-etl-'));
  const buckets = new LocalBuckets({ root });
  const lake = await buckets.ensureBucket('lake');
  const publisher = createInMemoryPublisher();
  const idempotency = createInMemoryIdempotencyStore();
  const handler = createHandler(
    async () => ({
      lake: options.wrapLake ? options.wrapLake(lake) : lake,
      publish: publisher.publish,
      encodeTable: encodeParquet,
      masking: defaultMaskingPolicy('k'.repeat(32)),
      enrichment: {
        enrich: buildSqlEnrichment(queries),
        referenceTables: buildReferenceData(lake, { refreshSeconds: 0, log: silent }),
      },
      idempotency,
      ...(options.maskStage ? { maskStage: options.maskStage } : {}),
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
    const { handler } = await setup({ wrapLake: failing });
    const event = kinesisEvent([attendeeRegistered(), attendeeRegistered()]);
    const result = await handler(event, context);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.kinesis.sequenceNumber }]);
  });

  it('joins the reference data, and joins new values without a restart when the reference object changes', async () => {
    const { handler, lake, readParquet } = await setup();
    const countries = (name: string) => ndjson([{ code: 'NL', name, region: 'Europe' }]);
    await lake.put('reference/countries/countries.ndjson', countries('Netherlands'), 'application/x-ndjson');
    await lake.put(
      'reference/sessions/sessions.ndjson',
      ndjson([{ session_id: 'sess-001', title: 'Streaming joins', track: 'Data' }]),
      'application/x-ndjson',
    );
    let nextSequence = 1_000_000n;
    const curatedRow = async (event: object) => {
      nextSequence += 10n;
      const batch = kinesisEvent([event], { firstSequence: nextSequence });
      await handler(batch, context);
      const seq = batch.Records[0]?.kinesis.sequenceNumber;
      const key = (await lake.list('curated/')).map((o) => o.key).find((k) => k.includes(`-${seq}-${seq}`));
      return (await readParquet(key as string))[0];
    };

    const before = await curatedRow(attendeeRegistered({ country: 'NL' }));
    expect([before?.country_name, before?.region]).toEqual(['Netherlands', 'Europe']);
    expect((await curatedRow(sessionCheckedIn({ sessionId: 'sess-001' })))?.session_title).toBe('Streaming joins');

    await lake.put('reference/countries/countries.ndjson', countries('Nederland'), 'application/x-ndjson');
    const after = await curatedRow(attendeeRegistered({ country: 'NL' }));
    expect(after?.country_name).toBe('Nederland');
  });

  it('keeps the last good reference data when a new version is invalid', async () => {
    const { handler, lake, readParquet } = await setup();
    await lake.put(
      'reference/countries/countries.ndjson',
      ndjson([{ code: 'NL', name: 'Netherlands', region: 'Europe' }]),
      'x',
    );
    await handler(kinesisEvent([attendeeRegistered()]), context);
    await lake.put('reference/countries/countries.ndjson', Buffer.from('{"code":"nl"}\n'), 'x');
    const batch = kinesisEvent([attendeeRegistered({ country: 'NL' })], { firstSequence: 5n });
    await handler(batch, context);
    const seq = batch.Records[0]?.kinesis.sequenceNumber;
    const key = (await lake.list('curated/')).map((o) => o.key).find((k) => k.includes(`-${seq}-${seq}`));
    expect((await readParquet(key as string))[0]?.country_name).toBe('Netherlands');
  });

  it('a poison record mid-batch: the records before it are written, batchItemFailures names its sequence number', async () => {
    const poisonId = '00000000-0000-4000-8000-00000000dead';
    const maskStage: typeof maskEvent = (event, policy, sink) => {
      if (event.eventId === poisonId) throw new Error('masking blew up');
      return maskEvent(event, policy, sink);
    };
    const { handler, lake, readParquet } = await setup({ maskStage });
    const events = [
      attendeeRegistered(),
      attendeeRegistered(),
      attendeeRegistered({ eventId: poisonId }),
      attendeeRegistered(),
    ];
    const batch = kinesisEvent(events);
    const seq = batch.Records.map((r) => r.kinesis.sequenceNumber);

    const result = await handler(batch, context);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: seq[2] }]);
    const [written] = (await lake.list('curated/')).map((o) => o.key);
    expect(written).toContain(`-${seq[0]}-${seq[1]}.parquet`);
    const rows = await readParquet(written as string);
    expect(rows.map((r) => r.event_id)).toEqual([events[0]?.eventId, events[1]?.eventId]);

    // Lambda retries from the poison record: now first, it is quarantined with its reason; the rest is written.
    const retry = kinesisEvent(events.slice(2), { firstSequence: BigInt(seq[2] as string) });
    expect((await handler(retry, context)).batchItemFailures).toEqual([]);
    const quarantined = (await lake.list('quarantine/')).map((o) => o.key);
    const [line] = Buffer.from((await lake.get(quarantined[0] as string))?.body ?? [])
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      reason: 'PROCESSING_ERROR',
      sequenceNumber: seq[2],
      errors: ['Error: masking blew up'],
    });
    const retried = (await lake.list('curated/')).map((o) => o.key).find((k) => k.includes(`-${seq[2]}-${seq[3]}`));
    expect((await readParquet(retried as string)).map((r) => r.event_id)).toEqual([events[3]?.eventId]);
  });

  it('drops an eventId an earlier batch already wrote, but not on a retry of that same batch', async () => {
    const { handler, lake, readParquet } = await setup();
    const event = attendeeRegistered();
    const first = kinesisEvent([event, attendeeRegistered()]);
    await handler(first, context);
    await handler(first, context); // the same batch again (a retry): same objects, same content
    const afterRetry = await lake.list('curated/');
    expect(afterRetry).toHaveLength(1);
    expect(await readParquet(afterRetry[0]?.key as string)).toHaveLength(2);

    const later = kinesisEvent([event, attendeeRegistered()], { firstSequence: 9n * 10n ** 50n });
    await handler(later, context);
    const laterKey = (await lake.list('curated/')).map((o) => o.key).find((k) => k.includes('-9000'));
    const rows = await readParquet(laterKey as string);
    expect(rows.map((r) => r.event_id)).not.toContain(event.eventId);
    expect(rows).toHaveLength(1);
  });
});
