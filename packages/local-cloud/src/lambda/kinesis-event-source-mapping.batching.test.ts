import { KinesisStreamEvent } from '@sluice/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventSourceMappingError, MappingStoppedError } from './errors';
import { KinesisEventSourceMapping } from './kinesis-event-source-mapping';
import { MAPPING_LIMITS } from './mapping-options';
import { type Invocations, labels, openTestBed, putLabels, STREAM, type TestBed } from './testing/fixtures';

let bed: TestBed & { invocations: Invocations };

afterEach(async () => {
  await bed.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('batching', () => {
  beforeEach(async () => {
    bed = await openTestBed(1);
  });

  it('invokes with at most batchSize records, in stream order', async () => {
    putLabels(bed.store, labels(25));
    const mapping = bed.start({ batchSize: 10 });
    await mapping.idle();
    expect(bed.invocations.batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(bed.invocations.batches.flat()).toEqual(labels(25));
  });

  it('gathers records that arrive within the batching window into one invocation', async () => {
    const mapping = bed.start({ batchSize: 100, maximumBatchingWindowInSeconds: 1 });
    for (const label of labels(3)) {
      putLabels(bed.store, [label]);
      await pause(20);
    }
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([labels(3)]);
  });

  it('without a batching window, invokes as soon as a record is there', async () => {
    const mapping = bed.start({ batchSize: 100, maximumBatchingWindowInSeconds: 0 });
    putLabels(bed.store, ['r0']);
    await pause(50);
    putLabels(bed.store, ['r1']);
    await mapping.idle();
    expect(bed.invocations.batches[0]).toEqual(['r0']);
    expect(bed.invocations.batches.flat()).toEqual(['r0', 'r1']);
  });

  it('invokes a full batch at once instead of waiting out the window', async () => {
    const mapping = bed.start({ batchSize: 5, maximumBatchingWindowInSeconds: 20 });
    const started = performance.now();
    putLabels(bed.store, labels(5));
    await mapping.idle();
    // Far below the 20 s window, yet far above any scheduling delay.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(bed.invocations.batches).toEqual([labels(5)]);
  });

  it('invokes what is left over with fewer than batchSize records once the window ends', async () => {
    putLabels(bed.store, labels(7));
    const mapping = bed.start({ batchSize: 5, maximumBatchingWindowInSeconds: 0.1 });
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([labels(5), labels(2, 'r', 5)]);
  });

  it('stops a batch before its event would exceed the 6 MB synchronous payload limit', async () => {
    const big = (label: string) => Buffer.concat([Buffer.from(`${label}:`), Buffer.alloc(1_000_000 - 4, 120)]);
    for (let index = 0; index < 10; index += 2) {
      bed.store.putRecords(
        STREAM,
        [index, index + 1].map((n) => ({ data: big(`b${n}`), partitionKey: 'k' })),
      );
    }
    const mapping = bed.start({ batchSize: 100, maximumBatchingWindowInSeconds: 0.05 });
    await mapping.idle();
    const sizes = bed.invocations.events.map((event) => Buffer.byteLength(JSON.stringify(event)));
    // Each record is ~1.33 MB in base64: four fit in 6 MB, five do not.
    expect(bed.invocations.batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAPPING_LIMITS.maxPayloadBytes);
  });
});

describe('the event', () => {
  beforeEach(async () => {
    bed = await openTestBed(2);
  });

  it('is the AWS Kinesis event, record by record, and parses with the contract', async () => {
    const sequenceNumbers = putLabels(bed.store, ['a#1', 'b#1'], (label) => label);
    const mapping = bed.start({ region: 'eu-west-1' });
    await mapping.idle();
    const records = bed.invocations.events.flatMap((event) => KinesisStreamEvent.parse(event).Records);
    expect(records).toHaveLength(2);
    const stream = bed.store.describeStream(STREAM);
    for (const [index, label] of ['a#1', 'b#1'].entries()) {
      const sequenceNumber = sequenceNumbers[index] as string;
      const record = records.find((candidate) => candidate.kinesis.sequenceNumber === sequenceNumber);
      const shardId = stream.shards.find((shard) =>
        bed.store
          .getRecords(STREAM, shard.shardId, { type: 'TRIM_HORIZON' })
          .records.some((stored) => stored.sequenceNumber === sequenceNumber),
      )?.shardId;
      const stored = bed.store.getRecords(
        STREAM,
        shardId as string,
        { type: 'AT_SEQUENCE_NUMBER', value: sequenceNumber },
        1,
      ).records[0];
      expect(record).toEqual({
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: label,
          sequenceNumber,
          data: Buffer.from(label).toString('base64'),
          approximateArrivalTimestamp: (stored?.approximateArrivalTimestamp ?? Number.NaN) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shardId}:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::000000000000:role/process-stream-role',
        awsRegion: 'eu-west-1',
        eventSourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/events',
      });
    }
  });

  it('is a fresh copy per invocation, so a function mutating it cannot change a retry', async () => {
    let calls = 0;
    bed.invocations.behave((event) => {
      calls++;
      for (const record of event.Records) record.kinesis.data = 'bWFuZ2xlZA==';
      if (calls === 1) throw new Error('first attempt fails');
    });
    putLabels(bed.store, ['a#1'], () => 'a');
    const mapping = bed.start();
    await mapping.idle();
    // `batches` decodes each event as the function received it, before it mangled it.
    expect(bed.invocations.batches).toEqual([['a#1'], ['a#1']]);
  });
});

describe('ordering', () => {
  beforeEach(async () => {
    bed = await openTestBed(3);
  });

  it('keeps each partition key in order across shards and many batches, one batch in flight per shard', async () => {
    const keys = Array.from({ length: 12 }, (_, index) => `attendee-${index}`);
    const inFlight = new Map<string, number>();
    let overlapped = false;
    bed.invocations.behave(async (event) => {
      const shardId = event.Records[0]?.eventID.split(':')[0] ?? '';
      inFlight.set(shardId, (inFlight.get(shardId) ?? 0) + 1);
      if ((inFlight.get(shardId) ?? 0) > 1) overlapped = true;
      await pause(1);
      inFlight.set(shardId, (inFlight.get(shardId) ?? 0) - 1);
    });
    const mapping = bed.start({ batchSize: 7 });
    for (let round = 0; round < 40; round++) {
      putLabels(
        bed.store,
        keys.map((key) => `${key}#${round}`),
      );
      if (round % 10 === 0) await pause(5);
    }
    await mapping.idle();

    const seen = new Map<string, number[]>();
    for (const label of bed.invocations.batches.flat()) {
      const [key, round] = label.split('#');
      seen.set(key as string, [...(seen.get(key as string) ?? []), Number(round)]);
    }
    for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 40 }, (_, round) => round));
    expect(overlapped).toBe(false);
    const shardsUsed = new Set(bed.invocations.events.map((event) => event.Records[0]?.eventID.split(':')[0]));
    expect(shardsUsed.size).toBe(3);
    expect(mapping.stats().total).toMatchObject({ recordsSucceeded: 480, recordsDelivered: 480, inFlight: 0 });
  });
});

describe('idle()', () => {
  beforeEach(async () => {
    bed = await openTestBed(2);
  });

  it('resolves at once for a stream with nothing to process, and again after new records are processed', async () => {
    const mapping = bed.start();
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([]);
    putLabels(bed.store, labels(30));
    await mapping.idle();
    expect(bed.invocations.batches.flat().sort()).toEqual(labels(30).sort());
    expect(mapping.stats().total).toMatchObject({ inFlight: 0, millisBehindLatest: 0 });
  });

  it('waits for a batch still gathering in its window', async () => {
    const mapping = bed.start({ batchSize: 100, maximumBatchingWindowInSeconds: 0.2 });
    putLabels(bed.store, ['a#1'], () => 'a');
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([['a#1']]);
  });

  it('rejects when the mapping stops first, and before start', async () => {
    bed.invocations.behave(() => {
      throw new Error('always failing');
    });
    putLabels(bed.store, ['a#1']);
    const unstarted = new KinesisEventSourceMapping(bed.options());
    await expect(unstarted.idle()).rejects.toThrow('idle() before start()');
    const mapping = bed.start({ retryDelayMs: 5 });
    const idle = mapping.idle();
    await mapping.stop();
    await expect(idle).rejects.toBeInstanceOf(MappingStoppedError);
  });
});

describe('options', () => {
  beforeEach(async () => {
    bed = await openTestBed(1);
  });

  it('rejects what CreateEventSourceMapping rejects, listing every problem', () => {
    const create = () =>
      new KinesisEventSourceMapping(
        bed.options({
          batchSize: 0,
          maximumBatchingWindowInSeconds: 301,
          maximumRetryAttempts: -2,
          maximumRecordAgeInSeconds: -5,
        }),
      );
    expect(create).toThrow(InvalidEventSourceMappingError);
    try {
      create();
    } catch (error) {
      expect((error as InvalidEventSourceMappingError).problems).toHaveLength(4);
    }
  });
});
