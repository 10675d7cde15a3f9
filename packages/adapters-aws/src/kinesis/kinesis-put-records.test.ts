import { KinesisClient, PutRecordsCommand, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import type { StreamRecordToPut } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { UnexpectedResponseError } from '../errors';
import { buildKinesisPutRecords } from './kinesis-put-records';

const kinesis = mockClient(KinesisClient);
const putRecords = buildKinesisPutRecords(new KinesisClient({ region: 'eu-west-1' }), { streamName: 'sluice-events' });

const record = (partitionKey: string, text: string): StreamRecordToPut => ({
  partitionKey,
  data: new TextEncoder().encode(text),
});

beforeEach(() => kinesis.reset());

describe('buildKinesisPutRecords', () => {
  it('sends one PutRecords call with the stream name, partition keys and data bytes', async () => {
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 0,
      Records: [
        { SequenceNumber: '49590338271490256608559692538361571095921575989136588898', ShardId: 'shardId-000000000000' },
        { SequenceNumber: '49590338271490256608559692540925702759324208523137515618', ShardId: 'shardId-000000000001' },
      ],
    });

    const outcomes = await putRecords([record('att-1', '{"a":1}'), record('att-2', '{"b":2}')]);

    const calls = kinesis.commandCalls(PutRecordsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      StreamName: 'sluice-events',
      Records: [
        { PartitionKey: 'att-1', Data: new TextEncoder().encode('{"a":1}') },
        { PartitionKey: 'att-2', Data: new TextEncoder().encode('{"b":2}') },
      ],
    });
    expect(outcomes).toEqual([
      {
        ok: true,
        shardId: 'shardId-000000000000',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      },
      {
        ok: true,
        shardId: 'shardId-000000000001',
        sequenceNumber: '49590338271490256608559692540925702759324208523137515618',
      },
    ]);
  });

  it('reports a partial failure per record, in request order, without throwing', async () => {
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 2,
      Records: [
        {
          ErrorCode: 'ProvisionedThroughputExceededException',
          ErrorMessage:
            'Rate exceeded for shard shardId-000000000001 in stream sluice-events under account 111122223333.',
        },
        { SequenceNumber: '49543463076548007577105092703039560359975228518395019266', ShardId: 'shardId-000000000000' },
        { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' },
      ],
    });

    const outcomes = await putRecords([record('a', '1'), record('b', '2'), record('c', '3')]);

    expect(outcomes).toEqual([
      {
        ok: false,
        errorCode: 'ProvisionedThroughputExceededException',
        errorMessage:
          'Rate exceeded for shard shardId-000000000001 in stream sluice-events under account 111122223333.',
      },
      {
        ok: true,
        shardId: 'shardId-000000000000',
        sequenceNumber: '49543463076548007577105092703039560359975228518395019266',
      },
      { ok: false, errorCode: 'InternalFailure', errorMessage: 'Internal service failure.' },
    ]);
  });

  it('throws when the call itself fails', async () => {
    kinesis
      .on(PutRecordsCommand)
      .rejects(new ResourceNotFoundException({ message: 'Stream sluice-events not found', $metadata: {} }));

    await expect(putRecords([record('a', '1')])).rejects.toThrow('Stream sluice-events not found');
  });

  it('throws when Kinesis answers with a different number of results than records sent', async () => {
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [] });

    await expect(putRecords([record('a', '1')])).rejects.toThrow(UnexpectedResponseError);
  });

  it('makes no call for an empty list', async () => {
    expect(await putRecords([])).toEqual([]);
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(0);
  });
});
