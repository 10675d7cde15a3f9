import type { StoredRecord } from './shard-log';

export type { StoredRecord } from './shard-log';

/** One record to append, as PutRecords takes it. */
export interface PutRecordsEntry {
  readonly data: Uint8Array;
  readonly partitionKey: string;
  /** Decimal 128-bit integer that overrides the partition key's MD5 for routing. */
  readonly explicitHashKey?: string;
}

/** Per-record outcome of PutRecords, in request order: a placement, or the error Kinesis would report. */
export type PutRecordsResultEntry =
  | { readonly shardId: string; readonly sequenceNumber: string }
  | { readonly errorCode: PutRecordErrorCode; readonly errorMessage: string };

/** The per-record error codes PutRecords can return. */
export type PutRecordErrorCode = 'ProvisionedThroughputExceededException' | 'InternalFailure';

/**
 * Decides, per record, whether to fail it as a throttled or internally failed record. Tests use it to
 * drive a producer's partial-failure path; the record is then not appended.
 */
export type FailureInjector = (record: PutRecordsEntry, index: number) => PutRecordErrorCode | undefined;

/** Where to start reading a shard, as GetShardIterator's ShardIteratorType and its argument. */
export type ShardPosition =
  | { readonly type: 'TRIM_HORIZON' }
  | { readonly type: 'LATEST' }
  | { readonly type: 'AT_SEQUENCE_NUMBER'; readonly value: string }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly value: string }
  /** `value` in epoch milliseconds. */
  | { readonly type: 'AT_TIMESTAMP'; readonly value: number };

/**
 * A position pinned to a point in the shard. LATEST and AT_TIMESTAMP move as records arrive; this does
 * not, so it is what an iterator stores and what `getRecords` hands back to continue from.
 */
export interface PinnedShardPosition {
  readonly type: 'AFTER_SEQUENCE_NUMBER';
  readonly value: string;
}

export interface GetRecordsResult {
  readonly records: StoredRecord[];
  /** Pass this to the next `getRecords` to continue after the last record returned. */
  readonly nextPosition: PinnedShardPosition;
  /** 0 when caught up; otherwise how long the oldest unread record has waited. */
  readonly millisBehindLatest: number;
}

export interface ShardDescription {
  readonly shardId: string;
  /** Decimal strings, as on the wire. */
  readonly hashKeyRange: { readonly startingHashKey: string; readonly endingHashKey: string };
  readonly sequenceNumberRange: { readonly startingSequenceNumber: string };
}

export interface StreamDescription {
  readonly streamName: string;
  readonly streamArn: string;
  /** Streams are usable as soon as CreateStream returns, so they are never CREATING. */
  readonly streamStatus: 'ACTIVE';
  /** Epoch milliseconds. */
  readonly streamCreationTimestamp: number;
  readonly retentionPeriodHours: number;
  readonly shards: readonly ShardDescription[];
}

/** Emitted once per shard per PutRecords call, after the records are durable and readable. */
export interface RecordsAppendedEvent {
  readonly streamName: string;
  readonly shardId: string;
  readonly count: number;
  readonly lastSequenceNumber: string;
}

export type RecordsAppendedListener = (event: RecordsAppendedEvent) => void;

/** A log whose cut-off last line was dropped while opening the store. */
export interface RecoveredLog {
  readonly path: string;
  readonly droppedTailBytes: number;
}

export interface KinesisStoreOptions {
  readonly failureInjector?: FailureInjector;
  /** Clock for arrival timestamps and MillisBehindLatest; defaults to `Date.now`. */
  readonly now?: () => number;
  /**
   * fsync every append. Off by default: an append already survives a SIGKILL once `write` returns
   * (the data is in the kernel); fsync only adds protection against power loss, at a large cost.
   */
  readonly fsync?: boolean;
  /** Shards allowed across all streams, like the account limit (500 by default). */
  readonly shardLimit?: number;
}
