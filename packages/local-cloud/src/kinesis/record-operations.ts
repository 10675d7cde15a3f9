import {
  ExpiredIteratorError,
  InternalFailureError,
  InvalidArgumentError,
  ProvisionedThroughputExceededError,
  ResourceNotFoundError,
} from './errors';
import { type KinesisStore, LOCAL_ACCOUNT_ID } from './kinesis-store';
import { checkPutRecordsLimits, KINESIS_LIMITS } from './limits';
import { decodeShardIterator, encodeShardIterator } from './opaque-tokens';
import {
  type KinesisOperation,
  readPutEntry,
  readStreamTarget,
  resolveStreamName,
  SEQUENCE_NUMBER,
  SHARD_ID,
} from './operation-inputs';
import type { ShardPosition } from './store-types';

/** AWS lets a shard iterator live five minutes. */
export const SHARD_ITERATOR_TTL_MS = 5 * 60 * 1000;

const ITERATOR_TYPES = [
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'TRIM_HORIZON',
  'LATEST',
  'AT_TIMESTAMP',
] as const;

/**
 * The data-plane operations: put records, and read them through shard iterators. Iterators carry
 * their position and issue time, so the endpoint keeps no state between calls.
 */
export function recordOperations(store: KinesisStore, now: () => number): Record<string, KinesisOperation> {
  return {
    PutRecord(input) {
      const target = readStreamTarget(input);
      const record = readPutEntry(input);
      input.string('SequenceNumberForOrdering', SEQUENCE_NUMBER); // accepted; per-shard order is already strict
      input.done();
      checkPutRecordsLimits([record], (_, member) => member);
      const [result] = store.putRecords(resolveStreamName(target), [record]);
      if (result === undefined) throw new InternalFailureError('PutRecord produced no result');
      if ('errorCode' in result) {
        throw result.errorCode === 'InternalFailure'
          ? new InternalFailureError(result.errorMessage)
          : new ProvisionedThroughputExceededError(result.errorMessage);
      }
      return { ShardId: result.shardId, SequenceNumber: result.sequenceNumber };
    },

    PutRecords(input) {
      const target = readStreamTarget(input);
      const records = (input.structures('Records', { required: true }) ?? []).map(readPutEntry);
      input.done();
      const results = store.putRecords(resolveStreamName(target), records);
      return {
        FailedRecordCount: results.filter((result) => 'errorCode' in result).length,
        Records: results.map((result) =>
          'errorCode' in result
            ? { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage }
            : { ShardId: result.shardId, SequenceNumber: result.sequenceNumber },
        ),
      };
    },

    GetShardIterator(input) {
      const target = readStreamTarget(input);
      const shardId = input.string('ShardId', { ...SHARD_ID, required: true }) as string;
      const type = input.string('ShardIteratorType', { required: true, enum: ITERATOR_TYPES });
      const startingSequenceNumber = input.string('StartingSequenceNumber', SEQUENCE_NUMBER);
      const timestamp = input.timestampMillis('Timestamp');
      input.done();
      const streamName = resolveStreamName(target);
      const position = iteratorPosition(
        type as (typeof ITERATOR_TYPES)[number],
        startingSequenceNumber,
        timestamp,
        now(),
      );
      const description = store.describeStream(streamName);
      const pinned = store.resolvePosition(streamName, shardId, position);
      return {
        ShardIterator: encodeShardIterator({
          streamName,
          streamCreatedAt: description.streamCreationTimestamp,
          shardId,
          afterSequenceNumber: pinned.value,
          issuedAt: now(),
        }),
      };
    },

    GetRecords(input) {
      const token = input.string('ShardIterator', { required: true, min: 1, max: 512 });
      const limit = input.integer('Limit', { min: 1, max: KINESIS_LIMITS.maxGetRecordsLimit });
      input.done();
      const iterator = decodeShardIterator(token as string);
      if (iterator === undefined) throw new InvalidArgumentError('Invalid ShardIterator.');
      const current = now();
      if (current - iterator.issuedAt > SHARD_ITERATOR_TTL_MS) {
        throw new ExpiredIteratorError(
          `Iterator expired. The iterator was created at time ${new Date(iterator.issuedAt).toUTCString()} while right ` +
            `now it is ${new Date(current).toUTCString()} which is further in the future than the tolerated delay of ` +
            `${SHARD_ITERATOR_TTL_MS} milliseconds.`,
        );
      }
      const { streamName, shardId } = iterator;
      if (store.describeStream(streamName).streamCreationTimestamp !== iterator.streamCreatedAt) {
        throw new ResourceNotFoundError(
          `Shard ${shardId} in stream ${streamName} under account ${LOCAL_ACCOUNT_ID} does not exist`,
        );
      }
      const result = store.getRecords(
        streamName,
        shardId,
        { type: 'AFTER_SEQUENCE_NUMBER', value: iterator.afterSequenceNumber },
        limit,
      );
      return {
        Records: result.records.map((record) => ({
          SequenceNumber: record.sequenceNumber,
          ApproximateArrivalTimestamp: record.approximateArrivalTimestamp / 1000,
          Data: Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength).toString('base64'),
          PartitionKey: record.partitionKey,
        })),
        NextShardIterator: encodeShardIterator({
          ...iterator,
          afterSequenceNumber: result.nextPosition.value,
          issuedAt: current,
        }),
        MillisBehindLatest: result.millisBehindLatest,
      };
    },
  };
}

function iteratorPosition(
  type: (typeof ITERATOR_TYPES)[number],
  startingSequenceNumber: string | undefined,
  timestamp: number | undefined,
  current: number,
): ShardPosition {
  switch (type) {
    case 'TRIM_HORIZON':
    case 'LATEST':
      return { type };
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER':
      if (startingSequenceNumber === undefined) {
        throw new InvalidArgumentError(`Must specify StartingSequenceNumber for iterator of type ${type}.`);
      }
      return { type, value: startingSequenceNumber };
    case 'AT_TIMESTAMP':
      if (timestamp === undefined) {
        throw new InvalidArgumentError(
          'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
        );
      }
      if (timestamp > current) {
        throw new InvalidArgumentError(
          `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. ` +
            `timestampInMillis: ${timestamp}, currentTimestampInMillis: ${current}`,
        );
      }
      return { type, value: timestamp };
  }
}
