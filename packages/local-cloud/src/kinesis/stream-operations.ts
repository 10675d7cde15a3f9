import { InvalidArgumentError } from './errors';
import type { KinesisStore } from './kinesis-store';
import { encodePageToken } from './opaque-tokens';
import {
  type KinesisOperation,
  NEXT_TOKEN,
  readPageToken,
  readStreamTarget,
  resolveStreamName,
  SHARD_ID,
  STREAM_NAME,
  streamNameOnly,
} from './operation-inputs';
import type { ShardDescription, StreamDescription } from './store-types';

/** A newly created on-demand stream starts with four shards on AWS. */
const ON_DEMAND_INITIAL_SHARDS = 4;

/** The control-plane operations: create, delete, list and describe streams and shards. */
export function streamOperations(store: KinesisStore): Record<string, KinesisOperation> {
  return {
    CreateStream(input) {
      const streamName = input.string('StreamName', { ...STREAM_NAME, required: true });
      const shardCount = input.integer('ShardCount', { min: 1 });
      const mode = input
        .structure('StreamModeDetails')
        ?.string('StreamMode', { required: true, enum: ['PROVISIONED', 'ON_DEMAND'] });
      if (shardCount === undefined && mode === 'PROVISIONED') input.integer('ShardCount', { required: true });
      input.done();
      store.createStream(streamName as string, shardCount ?? ON_DEMAND_INITIAL_SHARDS);
      return {};
    },

    DeleteStream(input) {
      store.deleteStream(streamNameOnly(input));
      return {};
    },

    ListStreams(input) {
      const limit = input.integer('Limit', { min: 1, max: 10_000 }) ?? 100;
      const exclusiveStart = input.string('ExclusiveStartStreamName', STREAM_NAME);
      const nextToken = input.string('NextToken', NEXT_TOKEN);
      input.done();
      const after = nextToken === undefined ? exclusiveStart : readPageToken(nextToken).after;
      const names = store.listStreams().filter((name) => after === undefined || name > after);
      const page = names.slice(0, limit);
      const last = page[page.length - 1];
      const hasMore = names.length > page.length;
      return {
        StreamNames: page,
        HasMoreStreams: hasMore,
        ...(hasMore && last !== undefined
          ? { NextToken: encodePageToken({ streamName: '', streamCreatedAt: 0, after: last }) }
          : {}),
        StreamSummaries: page.map((name) => {
          const description = store.describeStream(name);
          return {
            StreamName: name,
            StreamARN: description.streamArn,
            StreamStatus: description.streamStatus,
            StreamModeDetails: { StreamMode: 'PROVISIONED' },
            StreamCreationTimestamp: description.streamCreationTimestamp / 1000,
          };
        }),
      };
    },

    DescribeStream(input) {
      const target = readStreamTarget(input);
      const limit = input.integer('Limit', { min: 1, max: 10_000 }) ?? 100;
      const exclusiveStartShardId = input.string('ExclusiveStartShardId', SHARD_ID);
      input.done();
      const description = store.describeStream(resolveStreamName(target));
      const shards = shardsAfter(description.shards, exclusiveStartShardId);
      return {
        StreamDescription: {
          ...summaryFields(description),
          Shards: shards.slice(0, limit).map(shardToWire),
          HasMoreShards: shards.length > limit,
        },
      };
    },

    DescribeStreamSummary(input) {
      const description = store.describeStream(streamNameOnly(input));
      return {
        StreamDescriptionSummary: {
          ...summaryFields(description),
          OpenShardCount: description.shards.length,
          ConsumerCount: 0,
        },
      };
    },

    ListShards(input) {
      const nextToken = input.string('NextToken', NEXT_TOKEN);
      const target = readStreamTarget(input, { required: nextToken === undefined });
      const maxResults = input.integer('MaxResults', { min: 1, max: 10_000 }) ?? 1000;
      const exclusiveStartShardId = input.string('ExclusiveStartShardId', SHARD_ID);
      const filter = input.structure('ShardFilter');
      const filterType = filter?.string('Type', {
        required: true,
        enum: ['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP'],
      });
      const filterShardId = filter?.string('ShardId', SHARD_ID);
      input.done();
      if (nextToken !== undefined && target.name !== undefined) {
        throw new InvalidArgumentError('NextToken and StreamName cannot be provided together.');
      }
      const token = nextToken === undefined ? undefined : readPageToken(nextToken);
      const streamName = token?.streamName ?? resolveStreamName(target);
      const description = store.describeStream(streamName);
      if (token !== undefined && token.streamCreatedAt !== description.streamCreationTimestamp) {
        throw new InvalidArgumentError('NextToken belongs to a stream that no longer exists.');
      }
      // Every shard is open and dates from the stream's creation (no resharding), so the time-based
      // filters select all shards; only AFTER_SHARD_ID narrows the list.
      const after = token?.after ?? (filterType === 'AFTER_SHARD_ID' ? filterShardId : exclusiveStartShardId);
      const shards = shardsAfter(description.shards, after);
      const page = shards.slice(0, maxResults);
      const last = page[page.length - 1];
      return {
        Shards: page.map(shardToWire),
        ...(shards.length > page.length && last !== undefined
          ? {
              NextToken: encodePageToken({
                streamName,
                streamCreatedAt: description.streamCreationTimestamp,
                after: last.shardId,
              }),
            }
          : {}),
      };
    },
  };
}

function summaryFields(description: StreamDescription) {
  return {
    StreamName: description.streamName,
    StreamARN: description.streamArn,
    StreamStatus: description.streamStatus,
    StreamModeDetails: { StreamMode: 'PROVISIONED' },
    RetentionPeriodHours: description.retentionPeriodHours,
    StreamCreationTimestamp: description.streamCreationTimestamp / 1000,
    EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
    EncryptionType: 'NONE',
  };
}

function shardsAfter(shards: readonly ShardDescription[], after: string | undefined): ShardDescription[] {
  return after === undefined ? [...shards] : shards.filter((shard) => shard.shardId > after);
}

function shardToWire(shard: ShardDescription) {
  return {
    ShardId: shard.shardId,
    HashKeyRange: {
      StartingHashKey: shard.hashKeyRange.startingHashKey,
      EndingHashKey: shard.hashKeyRange.endingHashKey,
    },
    SequenceNumberRange: { StartingSequenceNumber: shard.sequenceNumberRange.startingSequenceNumber },
  };
}
