import { createHash } from 'node:crypto';
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
  KinesisClient,
  type _Record as KinesisRecord,
  ListShardsCommand,
  ListStreamsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  type PutRecordsRequestEntry,
  type Shard,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKinesisServer } from './kinesis-endpoint';
import { KinesisStore } from './kinesis-store';
import type { KinesisStoreOptions } from './store-types';
import { aBatchOfRecords, temporaryDirectory } from './testing/fixtures';

let directory: ReturnType<typeof temporaryDirectory>;
let cleanups: (() => Promise<void>)[] = [];

/** A store, an endpoint over it, and a real SDK client configured as the local cloud configures one. */
async function localKinesis(options: { store?: KinesisStoreOptions; now?: () => number } = {}) {
  const store = await KinesisStore.open(directory.dir, options.store);
  const server = await startKinesisServer({ store, ...(options.now ? { now: options.now } : {}) });
  const client = new KinesisClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(), // the default handler negotiates HTTP/2 and fails
    maxAttempts: 1, // surface every error instead of retrying throttles and 500s
  });
  const stop = async () => {
    client.destroy();
    await server.close();
    store.close();
  };
  cleanups.push(stop);
  return { store, server, client, stop };
}

function sdkRecords(count: number, prefix = 'record'): PutRecordsRequestEntry[] {
  return aBatchOfRecords(count, { prefix, payloadBytes: 100 }).map((record) => ({
    Data: record.data,
    PartitionKey: record.partitionKey,
  }));
}

/** Computed here, not with the module under test: MD5 of the key as a big-endian 128-bit integer. */
function md5HashKey(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey).digest('hex')}`);
}

async function readShard(client: KinesisClient, input: GetShardIteratorCommandInput, limit = 10_000) {
  const { ShardIterator } = await client.send(new GetShardIteratorCommand(input));
  const records: KinesisRecord[] = [];
  let iterator = ShardIterator;
  for (let page = 0; iterator !== undefined && page < 1000; page++) {
    const result = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
    records.push(...(result.Records ?? []));
    iterator = result.NextShardIterator;
    if ((result.Records ?? []).length === 0 && result.MillisBehindLatest === 0) break;
  }
  return records;
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const { name, message, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name, message, status: $metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  cleanups = [];
  directory.remove();
});

describe('the Kinesis endpoint, driven by @aws-sdk/client-kinesis', () => {
  it('routes 500 PutRecords by MD5 hash ranges and pages every record back once, in order per shard', async () => {
    const { client } = await localKinesis();
    await client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 4 }));
    const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: 'events' }));
    const ranges = Shards.map((shard: Shard) => ({
      shardId: shard.ShardId ?? '',
      start: BigInt(shard.HashKeyRange?.StartingHashKey ?? '-1'),
      end: BigInt(shard.HashKeyRange?.EndingHashKey ?? '-1'),
    }));
    expect(ranges.map((range) => [range.start, range.end])).toEqual([
      [0n, (1n << 126n) - 1n],
      [1n << 126n, (2n << 126n) - 1n],
      [2n << 126n, (3n << 126n) - 1n],
      [3n << 126n, (1n << 128n) - 1n],
    ]);

    const entries = sdkRecords(500);
    const put = await client.send(new PutRecordsCommand({ StreamName: 'events', Records: entries }));
    expect(put.FailedRecordCount).toBe(0);
    expect(put.Records).toHaveLength(500);
    put.Records?.forEach((result, index) => {
      const hashKey = md5HashKey(entries[index]?.PartitionKey ?? '');
      const owner = ranges.find((range) => range.start <= hashKey && hashKey <= range.end);
      expect(result.ShardId).toBe(owner?.shardId);
      expect(result.SequenceNumber).toMatch(/^\d{56}$/);
    });

    for (const { shardId } of ranges) {
      const expected = (put.Records ?? [])
        .map((result, index) => ({ result, entry: entries[index] }))
        .filter(({ result }) => result.ShardId === shardId);
      expect(expected.length).toBeGreaterThan(50);
      const read = await readShard(
        client,
        { StreamName: 'events', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
        37,
      );
      expect(read.map((record) => record.SequenceNumber)).toEqual(expected.map(({ result }) => result.SequenceNumber));
      expect(read.map((record) => record.PartitionKey)).toEqual(expected.map(({ entry }) => entry?.PartitionKey));
      read.forEach((record, index) => {
        expect(Buffer.from(record.Data ?? []).equals(Buffer.from(expected[index]?.entry?.Data ?? []))).toBe(true);
        expect(Math.abs((record.ApproximateArrivalTimestamp?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
      });
    }
  });

  it('reports injected partial failures exactly as PutRecords does', async () => {
    const { client } = await localKinesis({
      store: {
        failureInjector: (record) =>
          record.partitionKey.endsWith('3')
            ? 'ProvisionedThroughputExceededException'
            : record.partitionKey.endsWith('7')
              ? 'InternalFailure'
              : undefined,
      },
    });
    await client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 2 }));
    const entries = sdkRecords(20);
    const put = await client.send(new PutRecordsCommand({ StreamName: 'events', Records: entries }));
    expect(put.FailedRecordCount).toBe(4);
    put.Records?.forEach((result, index) => {
      const key = entries[index]?.PartitionKey ?? '';
      if (key.endsWith('3')) {
        expect(result).toEqual({
          ErrorCode: 'ProvisionedThroughputExceededException',
          ErrorMessage: expect.stringMatching(
            /^Rate exceeded for shard shardId-\d{12} in stream events under account 000000000000\.$/,
          ),
        });
      } else if (key.endsWith('7')) {
        expect(result).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' });
      } else {
        expect(Object.keys(result).sort()).toEqual(['SequenceNumber', 'ShardId']);
      }
    });

    const throttled = await errorOf(
      client.send(new PutRecordCommand({ StreamName: 'events', PartitionKey: 'single-3', Data: Buffer.from('x') })),
    );
    expect(throttled).toMatchObject({ name: 'ProvisionedThroughputExceededException', status: 400 });
    const failed = await errorOf(
      client.send(new PutRecordCommand({ StreamName: 'events', PartitionKey: 'single-7', Data: Buffer.from('x') })),
    );
    expect(failed).toMatchObject({ name: 'InternalFailureException', status: 500 });
  });

  it('starts shard iterators at LATEST, at and after a sequence number, and at a timestamp', async () => {
    const { client } = await localKinesis();
    await client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 }));
    const shard = { StreamName: 'events', ShardId: 'shardId-000000000000' };
    const first = await client.send(new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(3, 'early') }));
    const latest = await client.send(new GetShardIteratorCommand({ ...shard, ShardIteratorType: 'LATEST' }));
    const second = await client.send(
      new PutRecordCommand({ StreamName: 'events', PartitionKey: 'late', Data: Buffer.from('late') }),
    );

    const fromLatest = await client.send(new GetRecordsCommand({ ShardIterator: latest.ShardIterator }));
    expect(fromLatest.Records?.map((record) => record.SequenceNumber)).toEqual([second.SequenceNumber]);

    const middle = first.Records?.[1]?.SequenceNumber;
    const at = await readShard(client, {
      ...shard,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      StartingSequenceNumber: middle,
    });
    expect(at.map((record) => record.PartitionKey)).toEqual(['early-key-1', 'early-key-2', 'late']);
    const after = await readShard(client, {
      ...shard,
      ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
      StartingSequenceNumber: middle,
    });
    expect(after.map((record) => record.PartitionKey)).toEqual(['early-key-2', 'late']);

    const lateArrival = fromLatest.Records?.[0]?.ApproximateArrivalTimestamp;
    const atTime = await readShard(client, { ...shard, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: lateArrival });
    expect(atTime.map((record) => record.PartitionKey).at(-1)).toBe('late');
    expect(
      atTime.every((record) => (record.ApproximateArrivalTimestamp?.getTime() ?? 0) >= (lateArrival?.getTime() ?? 0)),
    ).toBe(true);
  });

  it('answers invalid requests with the error types and HTTP 400 of Kinesis', async () => {
    const { client } = await localKinesis();
    await client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 2 }));
    const onShard1 = (
      await client.send(new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(20) }))
    ).Records?.find((result) => result.ShardId === 'shardId-000000000001')?.SequenceNumber;
    const shard0 = { StreamName: 'events', ShardId: 'shardId-000000000000' } as const;
    const nearlyOneMiB = Buffer.alloc(900 * 1024);

    // Thunks, so each call starts only when awaited and no rejection goes unhandled meanwhile.
    const cases: [string, () => Promise<unknown>, string, RegExp][] = [
      [
        'bad stream name',
        () => client.send(new CreateStreamCommand({ StreamName: 'no spaces', ShardCount: 1 })),
        'ValidationException',
        /at 'streamName'/,
      ],
      [
        'zero shards',
        () => client.send(new CreateStreamCommand({ StreamName: 'zero', ShardCount: 0 })),
        'ValidationException',
        /at 'shardCount'/,
      ],
      [
        'existing stream',
        () => client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 })),
        'ResourceInUseException',
        /already exists/,
      ],
      [
        'missing stream',
        () => client.send(new DescribeStreamCommand({ StreamName: 'missing' })),
        'ResourceNotFoundException',
        /missing .* not found/,
      ],
      [
        '501 records',
        () => client.send(new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(501) })),
        'ValidationException',
        /less than or equal to 500/,
      ],
      [
        'empty partition key',
        () =>
          client.send(
            new PutRecordsCommand({ StreamName: 'events', Records: [{ Data: Buffer.from('x'), PartitionKey: '' }] }),
          ),
        'ValidationException',
        /records\.1\.member\.partitionKey/,
      ],
      [
        '257-char partition key',
        () =>
          client.send(
            new PutRecordCommand({ StreamName: 'events', Data: Buffer.from('x'), PartitionKey: 'k'.repeat(257) }),
          ),
        'ValidationException',
        /at 'partitionKey'/,
      ],
      [
        'record over 1 MiB',
        () =>
          client.send(
            new PutRecordsCommand({
              StreamName: 'events',
              Records: [{ Data: Buffer.alloc(1024 * 1024), PartitionKey: 'k' }],
            }),
          ),
        'ValidationException',
        /records\.1\.member\.data/,
      ],
      [
        'request over 5 MiB',
        () =>
          client.send(
            new PutRecordsCommand({
              StreamName: 'events',
              Records: Array.from({ length: 6 }, () => ({ Data: nearlyOneMiB, PartitionKey: 'k' })),
            }),
          ),
        'ValidationException',
        /total size/,
      ],
      [
        'put to missing stream',
        () => client.send(new PutRecordCommand({ StreamName: 'missing', Data: Buffer.from('x'), PartitionKey: 'k' })),
        'ResourceNotFoundException',
        /not found/,
      ],
      [
        'missing shard',
        () =>
          client.send(
            new GetShardIteratorCommand({
              ...shard0,
              ShardId: 'shardId-000000000009',
              ShardIteratorType: 'TRIM_HORIZON',
            }),
          ),
        'ResourceNotFoundException',
        /does not exist/,
      ],
      [
        'AT_SEQUENCE_NUMBER without one',
        () => client.send(new GetShardIteratorCommand({ ...shard0, ShardIteratorType: 'AT_SEQUENCE_NUMBER' })),
        'InvalidArgumentException',
        /StartingSequenceNumber/,
      ],
      [
        'sequence number of another shard',
        () =>
          client.send(
            new GetShardIteratorCommand({
              ...shard0,
              ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
              StartingSequenceNumber: onShard1,
            }),
          ),
        'InvalidArgumentException',
        /did not come from this stream/,
      ],
      [
        'future timestamp',
        () =>
          client.send(
            new GetShardIteratorCommand({
              ...shard0,
              ShardIteratorType: 'AT_TIMESTAMP',
              Timestamp: new Date(Date.now() + 3_600_000),
            }),
          ),
        'InvalidArgumentException',
        /cannot be greater/,
      ],
      [
        'forged iterator',
        () => client.send(new GetRecordsCommand({ ShardIterator: Buffer.from('["i1","events"]').toString('base64') })),
        'InvalidArgumentException',
        /Invalid ShardIterator/,
      ],
      [
        'limit over 10000',
        () => client.send(new GetRecordsCommand({ ShardIterator: 'AAAA', Limit: 10_001 })),
        'ValidationException',
        /at 'limit'/,
      ],
    ];
    for (const [description, call, name, message] of cases) {
      const error = await errorOf(call());
      expect({ description, name: error.name, status: error.status }).toEqual({ description, name, status: 400 });
      expect(error.message, description).toMatch(message);
    }
  });

  it('expires shard iterators after five minutes, each NextShardIterator getting five minutes of its own', async () => {
    let now = Date.now();
    const { client } = await localKinesis({ now: () => now });
    await client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 }));
    await client.send(new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(2) }));
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamName: 'events',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    now += 4 * 60_000;
    const page = await client.send(new GetRecordsCommand({ ShardIterator, Limit: 1 }));
    expect(page.Records).toHaveLength(1);
    now += 60_001;
    expect(await errorOf(client.send(new GetRecordsCommand({ ShardIterator })))).toMatchObject({
      name: 'ExpiredIteratorException',
      status: 400,
    });
    const next = await client.send(new GetRecordsCommand({ ShardIterator: page.NextShardIterator }));
    expect(next.Records?.map((record) => record.PartitionKey)).toEqual(['record-key-1']);
  });

  it('serves everything put before a restart, and continues the sequence numbers after it', async () => {
    const first = await localKinesis();
    await first.client.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 2 }));
    const before = await first.client.send(new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(100) }));
    await first.stop();

    const second = await localKinesis();
    const after = await second.client.send(
      new PutRecordsCommand({ StreamName: 'events', Records: sdkRecords(100, 'after') }),
    );
    for (const shardId of ['shardId-000000000000', 'shardId-000000000001']) {
      const sequenceOf = (records: typeof before.Records) =>
        (records ?? []).filter((record) => record.ShardId === shardId).map((record) => record.SequenceNumber ?? '');
      const read = await readShard(second.client, {
        StreamName: 'events',
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      });
      expect(read.map((record) => record.SequenceNumber)).toEqual([
        ...sequenceOf(before.Records),
        ...sequenceOf(after.Records),
      ]);
      const lastBefore = sequenceOf(before.Records).at(-1) ?? '';
      const firstAfter = sequenceOf(after.Records)[0] ?? '';
      expect(BigInt(firstAfter) > BigInt(lastBefore)).toBe(true);
    }
  });

  it('lists and describes streams and shards page by page, by name or ARN, and deletes streams', async () => {
    const { client } = await localKinesis();
    for (const name of ['c-stream', 'a-stream', 'b-stream']) {
      await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 3 }));
    }
    const firstPage = await client.send(new ListStreamsCommand({ Limit: 2 }));
    expect(firstPage).toMatchObject({ StreamNames: ['a-stream', 'b-stream'], HasMoreStreams: true });
    expect(firstPage.StreamSummaries?.[0]).toMatchObject({
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/a-stream',
      StreamStatus: 'ACTIVE',
    });
    const secondPage = await client.send(new ListStreamsCommand({ NextToken: firstPage.NextToken }));
    expect(secondPage).toMatchObject({ StreamNames: ['c-stream'], HasMoreStreams: false });

    const shardsPage = await client.send(new ListShardsCommand({ StreamName: 'a-stream', MaxResults: 2 }));
    expect(shardsPage.Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    const restPage = await client.send(new ListShardsCommand({ NextToken: shardsPage.NextToken }));
    expect(restPage.Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000002']);
    expect(restPage.NextToken).toBeUndefined();

    const described = await client.send(
      new DescribeStreamCommand({ StreamName: 'a-stream', Limit: 1, ExclusiveStartShardId: 'shardId-000000000000' }),
    );
    expect(described.StreamDescription).toMatchObject({
      StreamStatus: 'ACTIVE',
      HasMoreShards: true,
      RetentionPeriodHours: 24,
    });
    expect(described.StreamDescription?.Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000001']);
    const summary = await client.send(
      new DescribeStreamSummaryCommand({ StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/b-stream' }),
    );
    expect(summary.StreamDescriptionSummary).toMatchObject({ StreamName: 'b-stream', OpenShardCount: 3 });
    expect(summary.StreamDescriptionSummary?.StreamCreationTimestamp).toBeInstanceOf(Date);

    await client.send(new DeleteStreamCommand({ StreamName: 'b-stream' }));
    expect((await client.send(new ListStreamsCommand({}))).StreamNames).toEqual(['a-stream', 'c-stream']);
  });
});
