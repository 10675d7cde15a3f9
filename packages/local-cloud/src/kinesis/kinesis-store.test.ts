import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  KinesisStoreClosedError,
  KinesisStoreLockedError,
  LimitExceededError,
  ResourceInUseError,
  ResourceNotFoundError,
  ValidationError,
} from './errors';
import { evenHashKeyRanges, partitionKeyHash, rangeIndexForHashKey } from './hash-keys';
import { KinesisStore } from './kinesis-store';
import type { KinesisStoreOptions, PutRecordsResultEntry, RecordsAppendedEvent, ShardPosition } from './store-types';
import { aBatchOfRecords, labelOf, temporaryDirectory } from './testing/fixtures';

let directory: ReturnType<typeof temporaryDirectory>;
let store: KinesisStore;

async function openStore(options: KinesisStoreOptions = {}): Promise<KinesisStore> {
  store = await KinesisStore.open(directory.dir, options);
  return store;
}

function placed(result: PutRecordsResultEntry | undefined): { shardId: string; sequenceNumber: string } {
  if (result === undefined || !('shardId' in result))
    throw new Error(`expected a placed record, got ${JSON.stringify(result)}`);
  return result;
}

/** A settable clock, so arrival times and lag are exact. */
function manualClock(start = 1_800_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(() => {
  store?.close();
  directory.remove();
});

describe('streams', () => {
  it('describes a new stream as ACTIVE with its ARN and shards splitting the hash key space evenly', async () => {
    await openStore();
    store.createStream('events', 3);
    const description = store.describeStream('events');
    expect(description.streamStatus).toBe('ACTIVE');
    expect(description.streamArn).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/events');
    expect(description.shards.map((shard) => shard.shardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    expect(description.shards.map((shard) => shard.hashKeyRange)).toEqual(
      evenHashKeyRanges(3).map((range) => ({
        startingHashKey: range.startingHashKey.toString(),
        endingHashKey: range.endingHashKey.toString(),
      })),
    );
    for (const shard of description.shards)
      expect(shard.sequenceNumberRange.startingSequenceNumber).toMatch(/^\d{56}$/);
  });

  it('refuses a second stream of the same name, bad names and shard counts, and the shard limit', async () => {
    await openStore({ shardLimit: 5 });
    store.createStream('events', 2);
    expect(() => store.createStream('events', 1)).toThrow(ResourceInUseError);
    expect(() => store.createStream('bad name', 1)).toThrow(ValidationError);
    expect(() => store.createStream('x'.repeat(129), 1)).toThrow(ValidationError);
    expect(() => store.createStream('zero', 0)).toThrow(ValidationError);
    expect(() => store.createStream('too-many', 4)).toThrow(LimitExceededError);
    store.createStream('fits', 3);
    expect(store.listStreams()).toEqual(['events', 'fits']);
  });

  it('forgets a deleted stream, and a re-created one starts empty and rejects the old sequence numbers', async () => {
    const clock = manualClock();
    await openStore({ now: clock.now });
    store.createStream('events', 1);
    const old = placed(store.putRecords('events', aBatchOfRecords(1))[0]);
    store.deleteStream('events');
    expect(store.listStreams()).toEqual([]);
    expect(() => store.describeStream('events')).toThrow(ResourceNotFoundError);
    expect(() => store.deleteStream('events')).toThrow(ResourceNotFoundError);

    clock.advance(1);
    store.createStream('events', 1);
    expect(store.getRecords('events', old.shardId, { type: 'TRIM_HORIZON' }).records).toEqual([]);
    expect(() =>
      store.getRecords('events', old.shardId, { type: 'AT_SEQUENCE_NUMBER', value: old.sequenceNumber }),
    ).toThrow(InvalidArgumentError);
  });

  it('reports unknown streams and shards as ResourceNotFound', async () => {
    await openStore();
    store.createStream('events', 1);
    expect(() => store.putRecords('nope', aBatchOfRecords(1))).toThrow(ResourceNotFoundError);
    expect(() => store.getRecords('events', 'shardId-000000000001', { type: 'TRIM_HORIZON' })).toThrow(
      ResourceNotFoundError,
    );
  });
});

describe('putRecords', () => {
  it('routes each record to the shard whose hash key range holds the MD5 of its partition key', async () => {
    await openStore();
    store.createStream('events', 4);
    const records = aBatchOfRecords(200);
    const results = store.putRecords('events', records);
    const ranges = evenHashKeyRanges(4);
    results.forEach((result, index) => {
      const expectedShard = rangeIndexForHashKey(ranges, partitionKeyHash(records[index]?.partitionKey ?? ''));
      expect(placed(result).shardId).toBe(`shardId-${String(expectedShard).padStart(12, '0')}`);
    });
    expect(new Set(results.map((result) => placed(result).shardId)).size).toBe(4);
  });

  it('routes by ExplicitHashKey when given, and rejects keys outside 0..2^128-1', async () => {
    await openStore();
    store.createStream('events', 4);
    const third = store.describeStream('events').shards[2];
    const data = Buffer.from('x');
    const result = store.putRecords('events', [
      { data, partitionKey: 'any', explicitHashKey: third?.hashKeyRange.startingHashKey ?? '' },
      { data, partitionKey: 'any', explicitHashKey: third?.hashKeyRange.endingHashKey ?? '' },
    ]);
    expect(result.map((entry) => placed(entry).shardId)).toEqual(['shardId-000000000002', 'shardId-000000000002']);
    expect(() =>
      store.putRecords('events', [{ data, partitionKey: 'k', explicitHashKey: (1n << 128n).toString() }]),
    ).toThrow(InvalidArgumentError);
    expect(() => store.putRecords('events', [{ data, partitionKey: 'k', explicitHashKey: '-1' }])).toThrow(
      ValidationError,
    );
  });

  it('gives each shard strictly increasing sequence numbers, in request order', async () => {
    await openStore();
    store.createStream('events', 2);
    const results = [
      ...store.putRecords('events', aBatchOfRecords(50)),
      ...store.putRecords('events', aBatchOfRecords(50)),
    ];
    for (const shardId of ['shardId-000000000000', 'shardId-000000000001']) {
      const numbers = results
        .map(placed)
        .filter((result) => result.shardId === shardId)
        .map((r) => r.sequenceNumber);
      expect(numbers.length).toBeGreaterThan(0);
      numbers.slice(1).forEach((sequenceNumber, index) => {
        expect(sequenceNumber > (numbers[index] ?? '')).toBe(true);
        expect(BigInt(sequenceNumber) > BigInt(numbers[index] ?? '')).toBe(true);
      });
    }
  });

  it('fails exactly the records the failure injector picks, with the codes and messages of PutRecords', async () => {
    await openStore({
      failureInjector: (_record, index) =>
        index % 5 === 1 ? 'ProvisionedThroughputExceededException' : index % 5 === 3 ? 'InternalFailure' : undefined,
    });
    store.createStream('events', 2);
    const records = aBatchOfRecords(20);
    const results = store.putRecords('events', records);
    results.forEach((result, index) => {
      if (index % 5 === 1) {
        expect(result).toEqual({
          errorCode: 'ProvisionedThroughputExceededException',
          errorMessage: expect.stringMatching(
            /^Rate exceeded for shard shardId-00000000000[01] in stream events under account 000000000000\.$/,
          ),
        });
      } else if (index % 5 === 3) {
        expect(result).toEqual({ errorCode: 'InternalFailure', errorMessage: 'Internal service failure.' });
      } else {
        expect(result).toHaveProperty('sequenceNumber');
      }
    });
    const stored = ['shardId-000000000000', 'shardId-000000000001'].flatMap((shardId) =>
      store.getRecords('events', shardId, { type: 'TRIM_HORIZON' }).records.map((record) => labelOf(record.data)),
    );
    expect(stored.sort()).toEqual(
      records
        .filter((_, index) => index % 5 !== 1 && index % 5 !== 3)
        .map((record) => labelOf(record.data))
        .sort(),
    );
  });

  it('enforces the PutRecords limits: 1..500 records, keys of 1..256 chars, 1 MiB a record, 5 MiB a request', async () => {
    await openStore();
    store.createStream('events', 1);
    const data = Buffer.alloc(10);
    expect(() => store.putRecords('events', [])).toThrow(ValidationError);
    expect(() => store.putRecords('events', aBatchOfRecords(501))).toThrow(/length less than or equal to 500/);
    expect(() => store.putRecords('events', [{ data, partitionKey: '' }])).toThrow(/records\.1\.member\.partitionKey/);
    expect(() => store.putRecords('events', [{ data, partitionKey: 'k'.repeat(257) }])).toThrow(ValidationError);
    expect(() => store.putRecords('events', [{ data: Buffer.alloc(1024 * 1024), partitionKey: 'k' }])).toThrow(
      /records\.1\.member\.data/,
    );
    const nearlyOneMiB = Buffer.alloc(1024 * 1024 - 10);
    expect(() =>
      store.putRecords(
        'events',
        Array.from({ length: 6 }, () => ({ data: nearlyOneMiB, partitionKey: 'k' })),
      ),
    ).toThrow(/total size/);
    expect(store.getRecords('events', 'shardId-000000000000', { type: 'TRIM_HORIZON' }).records).toEqual([]);
    expect(
      placed(store.putRecords('events', [{ data: Buffer.alloc(1024 * 1024 - 1), partitionKey: 'k' }])[0]).shardId,
    ).toBe('shardId-000000000000');
  });

  it('tells listeners once per shard per call, after the records are readable', async () => {
    await openStore();
    store.createStream('events', 2);
    const events: RecordsAppendedEvent[] = [];
    const unsubscribe = store.onRecordsAppended((event) => {
      const readable = store.getRecords(event.streamName, event.shardId, { type: 'TRIM_HORIZON' }).records;
      expect(readable[readable.length - 1]?.sequenceNumber).toBe(event.lastSequenceNumber);
      events.push(event);
    });
    const results = store.putRecords('events', aBatchOfRecords(30)).map(placed);
    expect(events.map((event) => [event.shardId, event.count]).sort()).toEqual(
      ['shardId-000000000000', 'shardId-000000000001'].map((shardId) => [
        shardId,
        results.filter((result) => result.shardId === shardId).length,
      ]),
    );
    unsubscribe();
    store.putRecords('events', aBatchOfRecords(3));
    expect(events).toHaveLength(2);
  });

  it('throws a listener failure to the caller, with the records already durable and readable', async () => {
    await openStore();
    store.createStream('events', 1);
    store.onRecordsAppended(() => {
      throw new Error('poller bug');
    });
    expect(() => store.putRecords('events', aBatchOfRecords(2))).toThrow('poller bug');
    expect(store.getRecords('events', 'shardId-000000000000', { type: 'TRIM_HORIZON' }).records).toHaveLength(2);
  });
});

describe('getRecords', () => {
  async function storeWithRecords(count: number) {
    const clock = manualClock();
    await openStore({ now: clock.now });
    store.createStream('events', 1);
    const sequenceNumbers: string[] = [];
    for (const record of aBatchOfRecords(count)) {
      sequenceNumbers.push(placed(store.putRecords('events', [record])[0]).sequenceNumber);
      clock.advance(1000);
    }
    return { clock, sequenceNumbers, shardId: 'shardId-000000000000' };
  }

  const labels = (position: ShardPosition, limit?: number) =>
    store.getRecords('events', 'shardId-000000000000', position, limit).records.map((record) => labelOf(record.data));

  it('starts where each iterator type says', async () => {
    const { sequenceNumbers, clock } = await storeWithRecords(5);
    const third = sequenceNumbers[2] ?? '';
    expect(labels({ type: 'TRIM_HORIZON' })).toEqual(['record-0', 'record-1', 'record-2', 'record-3', 'record-4']);
    expect(labels({ type: 'LATEST' })).toEqual([]);
    expect(labels({ type: 'AT_SEQUENCE_NUMBER', value: third })).toEqual(['record-2', 'record-3', 'record-4']);
    expect(labels({ type: 'AFTER_SEQUENCE_NUMBER', value: third })).toEqual(['record-3', 'record-4']);
    const start = clock.now() - 5000; // record-0 arrived then, one per second after
    expect(labels({ type: 'AT_TIMESTAMP', value: start + 1500 })).toEqual(['record-2', 'record-3', 'record-4']);
    expect(labels({ type: 'AT_TIMESTAMP', value: start + 2000 })).toEqual(['record-2', 'record-3', 'record-4']);
  });

  it('pins LATEST where it was resolved, so records put afterwards are read', async () => {
    await storeWithRecords(2);
    const pinned = store.resolvePosition('events', 'shardId-000000000000', { type: 'LATEST' });
    store.putRecords('events', aBatchOfRecords(1, { prefix: 'later' }));
    expect(labels(pinned)).toEqual(['later-0']);
    expect(labels({ type: 'LATEST' })).toEqual([]);
  });

  it('pages with nextPosition through every record once, in order, and reports the lag of the unread ones', async () => {
    const { sequenceNumbers, shardId } = await storeWithRecords(7);
    const seen: string[] = [];
    let position: ShardPosition = { type: 'TRIM_HORIZON' };
    const lags: number[] = [];
    for (let page = 0; page < 10; page++) {
      const result = store.getRecords('events', shardId, position, 3);
      seen.push(...result.records.map((record) => record.sequenceNumber));
      lags.push(result.millisBehindLatest);
      position = result.nextPosition;
      if (result.records.length === 0) break;
    }
    expect(seen).toEqual(sequenceNumbers);
    // Record i arrived at i seconds and the clock now reads 7 s: after the first page record-3 is the
    // oldest unread (4 s old), after the second record-6 (1 s old), then the reader is caught up.
    expect(lags).toEqual([4000, 1000, 0, 0]);
    expect(store.millisBehindLatest('events', shardId, position)).toBe(0);
    expect(store.latestSequenceNumber('events', shardId)).toBe(sequenceNumbers[6]);
  });

  it('rejects sequence numbers of another shard or that were never issued, and limits out of 1..10000', async () => {
    await openStore();
    store.createStream('events', 2);
    const results = store.putRecords('events', aBatchOfRecords(20)).map(placed);
    const onShard1 = results.find((result) => result.shardId === 'shardId-000000000001');
    expect(onShard1).toBeDefined();
    const atShard0 = (value: string): ShardPosition => ({ type: 'AT_SEQUENCE_NUMBER', value });
    expect(() => store.getRecords('events', 'shardId-000000000000', atShard0(onShard1?.sequenceNumber ?? ''))).toThrow(
      /did not come from this stream/,
    );
    const latest = store.latestSequenceNumber('events', 'shardId-000000000000') ?? '';
    const never = (BigInt(latest) + 1n).toString();
    expect(() => store.getRecords('events', 'shardId-000000000000', atShard0(never))).toThrow(InvalidArgumentError);
    expect(() => store.getRecords('events', 'shardId-000000000000', atShard0('012'))).toThrow(ValidationError);
    expect(() => store.getRecords('events', 'shardId-000000000000', { type: 'TRIM_HORIZON' }, 0)).toThrow(
      ValidationError,
    );
    expect(() => store.getRecords('events', 'shardId-000000000000', { type: 'TRIM_HORIZON' }, 10_001)).toThrow(
      ValidationError,
    );
  });

  it('stops a page at 10 MiB of data, as GetRecords does', async () => {
    await openStore();
    store.createStream('events', 1);
    const almostOneMiB = { data: Buffer.alloc(1024 * 1024 - 16, 7), partitionKey: 'k' };
    for (let batch = 0; batch < 3; batch++)
      store.putRecords(
        'events',
        Array.from({ length: 4 }, () => almostOneMiB),
      );
    const first = store.getRecords('events', 'shardId-000000000000', { type: 'TRIM_HORIZON' }, 100);
    expect(first.records).toHaveLength(10);
    expect(store.getRecords('events', 'shardId-000000000000', first.nextPosition, 100).records).toHaveLength(2);
  });

  it('accepts the shard starting sequence number as the position before every record', async () => {
    await storeWithRecords(2);
    const start = store.describeStream('events').shards[0]?.sequenceNumberRange.startingSequenceNumber ?? '';
    expect(labels({ type: 'AT_SEQUENCE_NUMBER', value: start })).toEqual(['record-0', 'record-1']);
    expect(labels({ type: 'AFTER_SEQUENCE_NUMBER', value: start })).toEqual(['record-0', 'record-1']);
  });
});

describe('opening and closing', () => {
  it('refuses a second open of a directory in use, and any call after close', async () => {
    await openStore();
    await expect(KinesisStore.open(directory.dir)).rejects.toThrow(KinesisStoreLockedError);
    store.close();
    expect(() => store.listStreams()).toThrow(KinesisStoreClosedError);
    const reopened = await KinesisStore.open(directory.dir);
    expect(reopened.listStreams()).toEqual([]);
    reopened.close();
  });
});
