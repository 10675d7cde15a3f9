import { type KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { PutRecordOutcome, PutStreamRecords } from '@sluice/core';
import { UnexpectedResponseError } from '../errors';

export interface KinesisPutRecordsOptions {
  readonly streamName: string;
}

/**
 * The stream port over Kinesis `PutRecords`: one call, outcomes in request order. A record Kinesis refused
 * (`ProvisionedThroughputExceededException`, `InternalFailure`) is a failed outcome, not an error, so the
 * caller retries just those records; only a failure of the call itself throws.
 *
 * @example
 * const putRecords = buildKinesisPutRecords(clients.kinesis, { streamName: 'sluice-events' });
 * const outcomes = await putRecords([{ partitionKey: 'att-1', data: bytes }]);
 */
export function buildKinesisPutRecords(client: KinesisClient, options: KinesisPutRecordsOptions): PutStreamRecords {
  return async function putStreamRecords(records) {
    if (records.length === 0) return [];
    const response = await client.send(
      new PutRecordsCommand({
        StreamName: options.streamName,
        Records: records.map((record) => ({ PartitionKey: record.partitionKey, Data: record.data })),
      }),
    );
    const results = response.Records ?? [];
    if (results.length !== records.length) {
      throw new UnexpectedResponseError(
        `PutRecords on ${options.streamName} returned ${results.length} results for ${records.length} records`,
      );
    }
    return results.map((result): PutRecordOutcome => {
      if (result.ErrorCode !== undefined || result.SequenceNumber === undefined || result.ShardId === undefined) {
        return {
          ok: false,
          errorCode: result.ErrorCode ?? 'MissingSequenceNumber',
          errorMessage: result.ErrorMessage ?? 'Kinesis returned neither a sequence number nor an error',
        };
      }
      return { ok: true, shardId: result.ShardId, sequenceNumber: result.SequenceNumber };
    });
  };
}
