import type { KinesisStore, PinnedShardPosition, StoredRecord } from '../kinesis';
import { type DeliveryContext, deliverBatch, errorMessage } from './batch-delivery';
import type { CheckpointStore } from './checkpoint-store';
import { CheckpointCorruptError } from './errors';
import {
  type BatchEntry,
  type EventSourceIdentity,
  fitPayload,
  toBatchEntry,
  toInvocationEvent,
} from './event-records';
import { invokeWithTimeout } from './invoke-with-timeout';
import { MAPPING_LIMITS, type ResolvedMappingOptions } from './mapping-options';
import { type DiscardedBatch, onFailureRecord } from './on-failure-record';
import type { MappingCounters, ShardMappingStats, ShardPollerState } from './types';
import { WakeSignal } from './wake-signal';

/** What every shard's poller of one mapping shares. */
export interface MappingContext {
  readonly store: KinesisStore;
  readonly options: ResolvedMappingOptions;
  readonly streamArn: string;
  readonly functionArn: string;
  readonly invokeIdentityArn: string;
  readonly checkpoints: CheckpointStore;
  readonly isStopping: () => boolean;
  /** Sleeps, returning early when the mapping stops. */
  readonly pause: (ms: number) => Promise<void>;
  /** Called on every change that can make the mapping idle or busy. */
  readonly onChange: () => void;
}

/** Pause after an error reading the stream or writing a checkpoint, before trying again. */
const ERROR_BACKOFF_MS = 1_000;
/** Bounds the pause between attempts to hand a discarded batch to a failing onFailure destination. */
const ON_FAILURE_RETRY_MS = { min: 100, max: 5_000 };

export function zeroCounters(): MappingCounters {
  return {
    batchesInvoked: 0,
    recordsDelivered: 0,
    recordsSucceeded: 0,
    functionErrors: 0,
    partialFailures: 0,
    bisections: 0,
    retries: 0,
    discardedToOnFailure: 0,
    onFailureBatches: 0,
    inFlight: 0,
  };
}

/**
 * The poller of one shard: it gathers a batch from its checkpoint on, invokes the function, and moves
 * the checkpoint only past records that are done (succeeded or discarded). One batch per shard is in
 * flight at a time, so records of a partition key reach the function in order. It sleeps until the
 * store reports appended records instead of polling.
 */
export class ShardPoller {
  readonly counters = zeroCounters();
  private state: ShardPollerState = 'starting';
  private position: PinnedShardPosition;
  private iteratorAgeMs = 0;
  private lastError: string | undefined;
  private readonly wakeSignal = new WakeSignal();
  private readonly source: EventSourceIdentity;
  private readonly deliveryContext: DeliveryContext;

  /** Reads the shard's checkpoint, or pins its starting position and checkpoints that (see `initialPosition`). */
  constructor(
    private readonly context: MappingContext,
    readonly shardId: string,
  ) {
    this.source = {
      shardId,
      eventSourceARN: context.streamArn,
      awsRegion: context.options.region,
      invokeIdentityArn: context.invokeIdentityArn,
    };
    this.deliveryContext = {
      options: context.options,
      counters: this.counters,
      isStopping: context.isStopping,
      pause: (ms) => this.pauseIn('retry-wait', ms),
      invoke: (entries) => this.invoke(entries),
      checkpoint: (record) => this.checkpoint(record),
      discard: (batch) => this.discard(batch),
      describe: (entries) => this.describe(entries),
    };
    this.position = this.initialPosition();
  }

  /** Records were appended to the shard, or the mapping is stopping: look again. */
  wake(): void {
    this.wakeSignal.notify();
  }

  /** Caught up with the shard's newest record, with nothing in flight or waiting for a window. */
  isIdle(): boolean {
    if (this.state !== 'caught-up') return false;
    const latest = this.context.store.latestSequenceNumber(this.context.options.streamName, this.shardId);
    return latest === undefined || BigInt(latest) <= BigInt(this.position.value);
  }

  /** Runs until the mapping stops; never rejects (errors are logged, shown in stats, and retried). */
  async run(): Promise<void> {
    while (!this.context.isStopping()) {
      try {
        const batch = await this.collectBatch();
        if (batch === undefined) break;
        await deliverBatch(batch, this.deliveryContext);
        this.lastError = undefined;
      } catch (error) {
        this.lastError = errorMessage(error);
        this.context.options.log(`${this.describe()}: ${this.lastError}; retrying in ${ERROR_BACKOFF_MS} ms`);
        this.setState('error-wait');
        await this.context.pause(ERROR_BACKOFF_MS);
      }
    }
    this.setState('stopped');
  }

  stats(): ShardMappingStats {
    let millisBehindLatest = 0;
    try {
      millisBehindLatest = this.context.store.millisBehindLatest(
        this.context.options.streamName,
        this.shardId,
        this.position,
      );
    } catch {
      // A closed store has no lag to report; the counters still stand.
    }
    return {
      ...this.counters,
      shardId: this.shardId,
      state: this.state,
      lastCheckpoint: this.position.value,
      millisBehindLatest,
      iteratorAgeMs: this.iteratorAgeMs,
      lastError: this.lastError,
    };
  }

  /**
   * A new shard starts at startingPosition, pinned and checkpointed at once: with LATEST, records that
   * arrive after start() but before the first batch must survive a restart, not be skipped by a second
   * LATEST.
   */
  private initialPosition(): PinnedShardPosition {
    const { store, options, checkpoints } = this.context;
    const checkpoint = checkpoints.read(this.shardId);
    if (checkpoint === undefined) {
      const pinned = store.resolvePosition(options.streamName, this.shardId, { type: options.startingPosition });
      checkpoints.write(this.shardId, pinned.value);
      return pinned;
    }
    try {
      return store.resolvePosition(options.streamName, this.shardId, {
        type: 'AFTER_SEQUENCE_NUMBER',
        value: checkpoint,
      });
    } catch (error) {
      throw new CheckpointCorruptError(
        checkpoints.pathOf(this.shardId),
        `sequence number ${checkpoint} is not one of ${this.shardId}`,
        { cause: error },
      );
    }
  }

  /**
   * Waits until a batch is due: batchSize records, or a 6 MB payload, or the batching window over since
   * the poller first saw a record waiting (on AWS the window starts once the previous invocation is
   * done; for an idle shard both are the same moment). Undefined when the mapping stops first.
   */
  private async collectBatch(): Promise<BatchEntry[] | undefined> {
    const { store, options } = this.context;
    const windowMs = options.maximumBatchingWindowInSeconds * 1000;
    const collected: BatchEntry[] = [];
    let readFrom = this.position;
    let windowEndsAt: number | undefined;
    for (;;) {
      if (this.context.isStopping()) return undefined;
      this.setState('reading');
      // Only what arrived since the last look is read and encoded again.
      const page = store.getRecords(options.streamName, this.shardId, readFrom, options.batchSize - collected.length);
      readFrom = page.nextPosition;
      for (const record of page.records) collected.push(toBatchEntry(record, this.source));
      const { entries, payloadFull } = fitPayload(collected, MAPPING_LIMITS.maxPayloadBytes);
      if (entries.length === 0) {
        this.setState('caught-up');
        await this.wakeSignal.wait();
        continue;
      }
      if (entries.length >= options.batchSize || payloadFull || windowMs === 0) return entries;
      windowEndsAt ??= performance.now() + windowMs;
      const remainingMs = windowEndsAt - performance.now();
      if (remainingMs <= 0) return entries;
      this.setState('batching');
      await this.wakeSignal.wait(remainingMs);
    }
  }

  private async invoke(entries: readonly BatchEntry[]): Promise<unknown> {
    const { options } = this.context;
    this.counters.inFlight = 1;
    this.setState('invoking');
    try {
      return await invokeWithTimeout(options.invoke, toInvocationEvent(entries), options);
    } finally {
      this.counters.inFlight = 0;
      this.setState('reading');
    }
  }

  private checkpoint(record: StoredRecord): void {
    this.context.checkpoints.write(this.shardId, record.sequenceNumber);
    this.position = { type: 'AFTER_SEQUENCE_NUMBER', value: record.sequenceNumber };
    this.iteratorAgeMs = Math.max(0, this.context.options.now() - record.approximateArrivalTimestamp);
    this.context.onChange();
  }

  /**
   * Hands a discarded batch to onFailure, retrying a failing destination rather than dropping the
   * batch: moving past records nobody recorded would lose them silently.
   */
  private async discard(batch: DiscardedBatch): Promise<boolean> {
    const { options, streamArn, functionArn } = this.context;
    const record = onFailureRecord(batch, { shardId: this.shardId, streamArn, functionArn, now: options.now() });
    const { startSequenceNumber, endSequenceNumber } = record.KinesisBatchInfo;
    const what = `${batch.records.length} record(s) ${startSequenceNumber}..${endSequenceNumber} (${batch.condition})`;
    if (options.onFailure === undefined) {
      options.log(`${this.describe()}: discarded ${what}; no onFailure destination, so they are dropped`);
      return true;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await options.onFailure(record);
        this.counters.onFailureBatches++;
        options.log(`${this.describe()}: discarded ${what} to onFailure`);
        return true;
      } catch (error) {
        options.log(`${this.describe()}: onFailure rejected ${what}: ${errorMessage(error)}; retrying`);
        const delay = ON_FAILURE_RETRY_MS.min * 2 ** (attempt - 1);
        await this.pauseIn('retry-wait', Math.min(ON_FAILURE_RETRY_MS.max, delay));
        if (this.context.isStopping()) return false;
      }
    }
  }

  private async pauseIn(state: ShardPollerState, ms: number): Promise<void> {
    this.setState(state);
    await this.context.pause(ms);
  }

  private setState(state: ShardPollerState): void {
    this.state = state;
    this.context.onChange();
  }

  private describe(entries?: readonly BatchEntry[]): string {
    const where = `${this.context.options.functionName} <- ${this.context.options.streamName}/${this.shardId}`;
    const first = entries?.[0]?.record.sequenceNumber;
    return first === undefined ? where : `${where} (${entries?.length} record(s) from ${first})`;
  }
}
