import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectingDestination,
  deferred,
  eventually,
  type Invocations,
  labels,
  openTestBed,
  putLabels,
  type TestBed,
} from './testing/fixtures';

const SHARD = 'shardId-000000000000';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/events';

let bed: TestBed & { invocations: Invocations };

afterEach(async () => {
  await bed?.close();
});

function failOn(poison: readonly string[]) {
  return (_event: unknown, batch: string[]) => {
    const found = batch.find((label) => poison.includes(label));
    if (found !== undefined) throw new Error(`cannot process ${found}`);
  };
}

function checkpointOf(dir: string): string {
  return JSON.parse(readFileSync(join(dir, `${SHARD}.json`), 'utf8')).sequenceNumber;
}

describe('function errors', () => {
  it('retries the whole batch maximumRetryAttempts times, then reports it to onFailure and moves on', async () => {
    bed = await openTestBed(1);
    bed.invocations.behave(failOn(['r2']));
    const destination = collectingDestination();
    const sequenceNumbers = putLabels(bed.store, labels(4));
    const mapping = bed.start({ batchSize: 4, maximumRetryAttempts: 2, onFailure: destination.onFailure });
    await mapping.idle();
    putLabels(bed.store, ['r4', 'r5']);
    await mapping.idle();

    expect(bed.invocations.batches).toEqual([labels(4), labels(4), labels(4), ['r4', 'r5']]);
    expect(destination.records).toHaveLength(1);
    const [record] = destination.records;
    const arrival = new Date(
      bed.store.getRecords('events', SHARD, { type: 'TRIM_HORIZON' }, 1).records[0]
        ?.approximateArrivalTimestamp as number,
    ).toISOString();
    expect(record).toEqual({
      requestContext: {
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:process-stream',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 3,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      KinesisBatchInfo: {
        shardId: SHARD,
        startSequenceNumber: sequenceNumbers[0],
        endSequenceNumber: sequenceNumbers[3],
        approximateArrivalOfFirstRecord: arrival,
        approximateArrivalOfLastRecord: arrival,
        batchSize: 4,
        streamArn: STREAM_ARN,
      },
    });
    expect(JSON.stringify(record)).not.toContain(Buffer.from('r2').toString('base64'));
    expect(mapping.stats().total).toMatchObject({
      functionErrors: 3,
      retries: 2,
      discardedToOnFailure: 4,
      onFailureBatches: 1,
      recordsSucceeded: 2,
    });
    expect(checkpointOf(bed.checkpointDir)).toBe(mapping.stats().shards[0]?.lastCheckpoint);
  });

  it('with bisection, isolates a poison record in ever smaller batches while the good records get through', async () => {
    bed = await openTestBed(1);
    bed.invocations.behave(failOn(['r5']));
    const destination = collectingDestination();
    const sequenceNumbers = putLabels(bed.store, labels(8));
    const mapping = bed.start({
      batchSize: 8,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      onFailure: destination.onFailure,
    });
    await mapping.idle();

    expect(bed.invocations.batches).toEqual([
      labels(8),
      ['r0', 'r1', 'r2', 'r3'],
      ['r4', 'r5', 'r6', 'r7'],
      ['r4', 'r5'],
      ['r4'],
      // Alone, the poison record uses its retries: splitting did not spend any.
      ['r5'],
      ['r5'],
      ['r5'],
      ['r6', 'r7'],
    ]);
    expect(destination.records.map((record) => record.KinesisBatchInfo)).toEqual([
      expect.objectContaining({
        startSequenceNumber: sequenceNumbers[5],
        endSequenceNumber: sequenceNumbers[5],
        batchSize: 1,
      }),
    ]);
    // Three bisected batches carried it before its own three attempts.
    expect(destination.records[0]?.requestContext).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 6,
    });
    expect(mapping.stats().total).toMatchObject({ bisections: 3, retries: 2, recordsSucceeded: 7 });
  });

  it('with bisection and no retries, delivers every good record once and in order, and reports each poison record alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 12 })
          .chain((count) => fc.record({ count: fc.constant(count), poison: fc.subarray(labels(count)) })),
        async ({ count, poison }) => {
          bed = await openTestBed(1);
          try {
            const succeeded: string[] = [];
            bed.invocations.behave((event, batch) => {
              failOn(poison)(event, batch);
              succeeded.push(...batch);
            });
            const destination = collectingDestination();
            const sequenceNumbers = putLabels(bed.store, labels(count));
            const mapping = bed.start({
              batchSize: 16,
              bisectBatchOnFunctionError: true,
              maximumRetryAttempts: 0,
              onFailure: destination.onFailure,
            });
            await mapping.idle();
            expect(succeeded).toEqual(labels(count).filter((label) => !poison.includes(label)));
            expect(destination.records.map((record) => record.KinesisBatchInfo.startSequenceNumber)).toEqual(
              poison.map((label) => sequenceNumbers[Number(label.slice(1))]),
            );
            expect(destination.records.every((record) => record.KinesisBatchInfo.batchSize === 1)).toBe(true);
          } finally {
            await bed.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('treats a function that does not answer within timeoutMs as a function error', async () => {
    bed = await openTestBed(1);
    let calls = 0;
    const hang = deferred<unknown>();
    bed.invocations.behave(() => (++calls === 1 ? hang.promise : undefined));
    putLabels(bed.store, ['r0']);
    const mapping = bed.start({ timeoutMs: 100 });
    await mapping.idle();
    hang.resolve(undefined);
    expect(bed.invocations.batches).toEqual([['r0'], ['r0']]);
    expect(mapping.stats().total).toMatchObject({ functionErrors: 1, retries: 1, recordsSucceeded: 1 });
    expect(bed.logs.join('\n')).toContain('did not return within 100 ms');
  });
});

describe('maximum record age', () => {
  it('discards records that grew too old while their batch was being retried', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    bed = await openTestBed(1, { now });
    bed.invocations.behave(failOn(['r0', 'r1']));
    const destination = collectingDestination();
    const sequenceNumbers = putLabels(bed.store, labels(2));
    const mapping = bed.start({
      maximumRecordAgeInSeconds: 60,
      retryDelayMs: 5,
      now,
      onFailure: destination.onFailure,
    });
    await eventually(() => mapping.stats().total.functionErrors >= 2);
    offset = 61_000;
    await mapping.idle();
    putLabels(bed.store, ['r2']);
    await mapping.idle();

    expect(destination.records).toHaveLength(1);
    expect(destination.records[0]?.requestContext.condition).toBe('RecordAgeExceeded');
    expect(destination.records[0]?.requestContext.approximateInvokeCount).toBeGreaterThanOrEqual(2);
    expect(destination.records[0]?.KinesisBatchInfo).toMatchObject({
      startSequenceNumber: sequenceNumbers[0],
      endSequenceNumber: sequenceNumbers[1],
      batchSize: 2,
    });
    expect(bed.invocations.batches.at(-1)).toEqual(['r2']);
  });

  it('discards only the records past the age, and invokes the rest of the batch', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    bed = await openTestBed(1, { now });
    const destination = collectingDestination();
    const [oldest] = putLabels(bed.store, ['r0']);
    offset = 40_000;
    putLabels(bed.store, ['r1']);
    offset = 70_000;
    const mapping = bed.start({ maximumRecordAgeInSeconds: 60, now, onFailure: destination.onFailure });
    await mapping.idle();

    expect(bed.invocations.batches).toEqual([['r1']]);
    expect(destination.records.map((record) => record.KinesisBatchInfo.startSequenceNumber)).toEqual([oldest]);
    expect(destination.records[0]?.requestContext).toMatchObject({
      condition: 'RecordAgeExceeded',
      approximateInvokeCount: 0,
    });
  });
});

describe('ReportBatchItemFailures', () => {
  it('checkpoints before the lowest failed record and retries from it, without redelivering earlier records', async () => {
    bed = await openTestBed(1);
    const sequenceNumbers = putLabels(bed.store, labels(10));
    let checkpointSeenByRetry: string | undefined;
    let calls = 0;
    bed.invocations.behave(() => {
      calls++;
      if (calls === 1) {
        return {
          batchItemFailures: [
            { itemIdentifier: sequenceNumbers[7] },
            { itemIdentifier: sequenceNumbers[4] },
            { itemIdentifier: sequenceNumbers[8] },
          ],
        };
      }
      checkpointSeenByRetry = checkpointOf(bed.checkpointDir);
      return { batchItemFailures: [] };
    });
    const mapping = bed.start({ batchSize: 10, reportBatchItemFailures: true });
    await mapping.idle();

    expect(bed.invocations.batches).toEqual([labels(10), labels(6, 'r', 4)]);
    expect(checkpointSeenByRetry).toBe(sequenceNumbers[3]);
    expect(checkpointOf(bed.checkpointDir)).toBe(sequenceNumbers[9]);
    expect(mapping.stats().total).toMatchObject({ partialFailures: 1, retries: 1, recordsSucceeded: 10 });
  });

  it('counts a partial retry against maximumRetryAttempts and then discards the records from the failed one on', async () => {
    bed = await openTestBed(1);
    const destination = collectingDestination();
    const sequenceNumbers = putLabels(bed.store, labels(10));
    bed.invocations.behave((event, batch) => ({
      batchItemFailures: batch.includes('r4')
        ? [{ itemIdentifier: event.Records[batch.indexOf('r4')]?.kinesis.sequenceNumber }]
        : [],
    }));
    const mapping = bed.start({
      batchSize: 10,
      reportBatchItemFailures: true,
      maximumRetryAttempts: 1,
      onFailure: destination.onFailure,
    });
    await mapping.idle();

    expect(bed.invocations.batches).toEqual([labels(10), labels(6, 'r', 4)]);
    expect(destination.records.map((record) => record.KinesisBatchInfo)).toEqual([
      expect.objectContaining({
        startSequenceNumber: sequenceNumbers[4],
        endSequenceNumber: sequenceNumbers[9],
        batchSize: 6,
      }),
    ]);
    expect(destination.records[0]?.requestContext.approximateInvokeCount).toBe(2);
  });

  it.each([
    ['an empty itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: '' }] })],
    ['a null itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: null }] })],
    ['a misnamed key', (sequenceNumber: string) => ({ batchItemFailures: [{ itemIdentifer: sequenceNumber }] })],
    ['an identifier not in the batch', () => ({ batchItemFailures: [{ itemIdentifier: '12345' }] })],
    ['a list that is not a list', () => ({ batchItemFailures: 'r1' })],
  ])('fails the whole batch on %s', async (_case, response: (sequenceNumber: string) => unknown) => {
    bed = await openTestBed(1);
    const sequenceNumbers = putLabels(bed.store, labels(3));
    let calls = 0;
    bed.invocations.behave(() => (++calls === 1 ? response(sequenceNumbers[1] as string) : null));
    const mapping = bed.start({ reportBatchItemFailures: true });
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([labels(3), labels(3)]);
    expect(mapping.stats().total).toMatchObject({ functionErrors: 1, partialFailures: 0, recordsSucceeded: 3 });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty response', {}],
    ['an empty list', { batchItemFailures: [] }],
    ['a null list', { batchItemFailures: null }],
  ])('takes %s as complete success', async (_case, response) => {
    bed = await openTestBed(1);
    putLabels(bed.store, labels(3));
    bed.invocations.behave(() => response);
    const mapping = bed.start({ reportBatchItemFailures: true });
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([labels(3)]);
  });

  it('ignores batchItemFailures when reportBatchItemFailures is off', async () => {
    bed = await openTestBed(1);
    const sequenceNumbers = putLabels(bed.store, labels(3));
    bed.invocations.behave(() => ({ batchItemFailures: [{ itemIdentifier: sequenceNumbers[0] }] }));
    const mapping = bed.start({ reportBatchItemFailures: false });
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([labels(3)]);
    expect(mapping.stats().total).toMatchObject({ partialFailures: 0, recordsSucceeded: 3 });
  });
});

describe('the on-failure destination', () => {
  it('is retried when it fails, so a discarded batch is never lost unrecorded', async () => {
    bed = await openTestBed(1);
    bed.invocations.behave(failOn(['r0']));
    const received: unknown[] = [];
    let attempts = 0;
    putLabels(bed.store, ['r0', 'r1']);
    const mapping = bed.start({
      batchSize: 1,
      maximumRetryAttempts: 0,
      onFailure: async (record) => {
        if (++attempts === 1) throw new Error('queue unavailable');
        received.push(record);
      },
    });
    await mapping.idle();
    expect(attempts).toBe(2);
    expect(received).toHaveLength(1);
    expect(bed.invocations.batches).toEqual([['r0'], ['r1']]);
    expect(mapping.stats().total).toMatchObject({ onFailureBatches: 1, discardedToOnFailure: 1 });
  });

  it('when there is none, drops the batch with a warning and moves on, as AWS does', async () => {
    bed = await openTestBed(1);
    bed.invocations.behave(failOn(['r0']));
    putLabels(bed.store, ['r0', 'r1']);
    const mapping = bed.start({ batchSize: 1, maximumRetryAttempts: 0 });
    await mapping.idle();
    expect(bed.invocations.batches).toEqual([['r0'], ['r1']]);
    expect(bed.logs.join('\n')).toMatch(/discarded 1 record\(s\) .* \(RetryAttemptsExhausted\); no onFailure/);
  });
});
