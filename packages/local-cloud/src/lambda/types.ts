import type { KinesisStreamEvent } from '@sluice/contracts';
import type { KinesisStore } from '../kinesis';

/** Calls the function synchronously (RequestResponse); a rejection is a function error. */
export type InvokeFunction = (event: KinesisStreamEvent) => Promise<unknown>;

/** Receives the metadata of a discarded batch, as an SQS/SNS on-failure destination would. */
export type OnFailureDestination = (record: OnFailureRecord) => Promise<void>;

export interface KinesisEventSourceMappingOptions {
  readonly store: KinesisStore;
  readonly streamName: string;
  readonly functionName: string;
  readonly invoke: InvokeFunction;
  /** Most records per invocation, 1 to 10,000 (AWS: BatchSize). */
  readonly batchSize: number;
  /**
   * How long to gather records before invoking with fewer than `batchSize`, 0 to 300. Fractions are
   * allowed (AWS takes whole seconds) so tests can use windows of a few tens of milliseconds.
   */
  readonly maximumBatchingWindowInSeconds: number;
  /** Split a failed batch in two and retry the halves; splitting does not consume retries. */
  readonly bisectBatchOnFunctionError: boolean;
  /** Retries of a failed batch before it is discarded, 0 to 10,000; -1 retries until the records age out. */
  readonly maximumRetryAttempts: number;
  /**
   * Records older than this are discarded instead of invoked; -1 never discards. AWS accepts 60 to
   * 604,800; any non-negative value is accepted here so tests need not wait a minute.
   */
  readonly maximumRecordAgeInSeconds: number;
  /** Honour `{ batchItemFailures }` in the function's result (AWS: FunctionResponseTypes). */
  readonly reportBatchItemFailures: boolean;
  /** Where a shard without a checkpoint starts. */
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** Where discarded batches are reported; without it they are dropped with a logged warning, as on AWS. */
  readonly onFailure?: OnFailureDestination;
  /** One JSON file per shard; one running mapping per directory. */
  readonly checkpointDir: string;
  /** `awsRegion` of the event records; the local store's region by default. */
  readonly region?: string;
  /** Rejects an invocation that has not settled after this long, like a Lambda timeout. */
  readonly timeoutMs?: number;
  /**
   * Pause before re-invoking a failed batch, doubled per retry up to 5 s (100 ms by default), so a
   * function that always fails does not spin a core. Bisected halves are invoked without a pause.
   */
  readonly retryDelayMs?: number;
  /** fsync each checkpoint before renaming it into place (off by default, like the store's appends). */
  readonly fsyncCheckpoints?: boolean;
  /** Clock for record ages, on-failure timestamps and iterator age; `Date.now` by default. */
  readonly now?: () => number;
  /** Warnings and errors (function errors, discarded batches); stderr by default. */
  readonly log?: (message: string) => void;
}

export type OnFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/** The invocation record Lambda sends to a Kinesis on-failure destination: metadata, never payloads. */
export interface OnFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: OnFailureCondition;
    readonly approximateInvokeCount: number;
  };
  readonly responseContext: {
    readonly statusCode: number;
    readonly executedVersion: '$LATEST';
    readonly functionError: 'Unhandled';
  };
  readonly version: '1.0';
  /** ISO 8601. */
  readonly timestamp: string;
  readonly KinesisBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    /** ISO 8601. */
    readonly approximateArrivalOfFirstRecord: string;
    /** ISO 8601. */
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
}

/** What a shard's poller is doing right now. */
export type ShardPollerState =
  | 'starting'
  | 'reading'
  | 'batching'
  | 'invoking'
  | 'retry-wait'
  | 'caught-up'
  | 'error-wait'
  | 'stopped';

/** Counters that add up across shards. */
export interface MappingCounters {
  /** Invocations of the function, retries and bisected halves included. */
  batchesInvoked: number;
  /** Records handed to the function, counted once per invocation that carried them. */
  recordsDelivered: number;
  /** Records the function acknowledged (a successful invocation, or the part before a reported failure). */
  recordsSucceeded: number;
  /** Invocations that rejected or timed out, or whose batchItemFailures were malformed. */
  functionErrors: number;
  /** Invocations that reported batchItemFailures (with reportBatchItemFailures on). */
  partialFailures: number;
  /** Batches split in two after a function error. */
  bisections: number;
  /** Re-invocations counted against maximumRetryAttempts. */
  retries: number;
  /** Records discarded (retries exhausted or too old), reported to onFailure when there is one. */
  discardedToOnFailure: number;
  /** Invocation records sent to onFailure. */
  onFailureBatches: number;
  /** 1 while the function is running for this shard (never more: one batch in flight per shard). */
  inFlight: number;
}

export interface ShardMappingStats extends MappingCounters {
  readonly shardId: string;
  readonly state: ShardPollerState;
  /** Sequence number the shard is checkpointed after, if any. */
  readonly lastCheckpoint: string | undefined;
  /** Age of the oldest record not yet checkpointed; 0 when caught up (GetRecords' MillisBehindLatest). */
  readonly millisBehindLatest: number;
  /** AWS's IteratorAge metric: age of the last record of the last finished batch when it finished. */
  readonly iteratorAgeMs: number;
  /** The last error reading the stream or writing a checkpoint, while the poller backs off. */
  readonly lastError: string | undefined;
}

export interface EventSourceMappingStats {
  readonly shards: readonly ShardMappingStats[];
  /** Counters summed; `millisBehindLatest` and `iteratorAgeMs` are the largest of any shard. */
  readonly total: MappingCounters & { readonly millisBehindLatest: number; readonly iteratorAgeMs: number };
}
