import { randomUUID } from 'node:crypto';
import type { StoredRecord } from '../kinesis';
import type { OnFailureCondition, OnFailureRecord } from './types';

export interface DiscardedBatch {
  readonly records: readonly StoredRecord[];
  readonly condition: OnFailureCondition;
  /** How many invocations carried these records. */
  readonly invokeCount: number;
}

/**
 * The invocation record of a discarded batch, shaped like the one Lambda sends to a Kinesis on-failure
 * destination. It names the shard and the sequence-number range, so the records can be read back from
 * the stream; like AWS, it carries no payload.
 *
 * @example
 * ```ts
 * onFailureRecord({ records, condition: 'RetryAttemptsExhausted', invokeCount: 3 }, context).KinesisBatchInfo;
 * // { shardId, startSequenceNumber, endSequenceNumber, approximateArrivalOfFirstRecord, …, batchSize, streamArn }
 * ```
 */
export function onFailureRecord(
  batch: DiscardedBatch,
  context: { shardId: string; streamArn: string; functionArn: string; now: number },
): OnFailureRecord {
  const first = batch.records[0];
  const last = batch.records[batch.records.length - 1];
  if (first === undefined || last === undefined) throw new Error('a discarded batch has at least one record');
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: context.functionArn,
      condition: batch.condition,
      approximateInvokeCount: batch.invokeCount,
    },
    // Lambda's Invoke call itself succeeds (200) and reports the function's error in a header.
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: new Date(context.now).toISOString(),
    KinesisBatchInfo: {
      shardId: context.shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: new Date(first.approximateArrivalTimestamp).toISOString(),
      approximateArrivalOfLastRecord: new Date(last.approximateArrivalTimestamp).toISOString(),
      batchSize: batch.records.length,
      streamArn: context.streamArn,
    },
  };
}
