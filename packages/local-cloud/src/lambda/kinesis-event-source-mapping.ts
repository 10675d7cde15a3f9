import { resolve as resolvePath } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_ACCOUNT_ID } from '../kinesis';
import { CheckpointStore } from './checkpoint-store';
import { CheckpointDirectoryInUseError, MappingStateError, MappingStoppedError } from './errors';
import { type ResolvedMappingOptions, resolveMappingOptions } from './mapping-options';
import { type MappingContext, ShardPoller, zeroCounters } from './shard-poller';
import type { EventSourceMappingStats, KinesisEventSourceMappingOptions, MappingCounters } from './types';

type Phase = 'created' | 'running' | 'stopping' | 'stopped';

interface IdleWaiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Checkpoint directories of running mappings in this process: two mappings on one would both deliver every record. */
const directoriesInUse = new Set<string>();

/**
 * The local Lambda event-source mapping for a Kinesis stream, with AWS's semantics: one poller and one
 * batch in flight per shard; a batch when `batchSize` records, the batching window or 6 MB of payload
 * is reached; retries, bisection on function error, maximum retry attempts and record age, on-failure
 * records, ReportBatchItemFailures; checkpoints on disk so a restart resumes where it stopped.
 *
 * @example
 * ```ts
 * const mapping = new KinesisEventSourceMapping({
 *   store,
 *   streamName: 'events',
 *   functionName: 'stream-etl-local-process',
 *   invoke: (event) => handler(event, context),
 *   batchSize: 100,
 *   maximumBatchingWindowInSeconds: 1,
 *   bisectBatchOnFunctionError: true,
 *   maximumRetryAttempts: 3,
 *   maximumRecordAgeInSeconds: 3600,
 *   reportBatchItemFailures: true,
 *   startingPosition: 'TRIM_HORIZON',
 *   onFailure: async (record) => quarantine.push(record),
 *   checkpointDir: '.sluice/checkpoints/process/events',
 * });
 * mapping.start();
 * await mapping.idle(); // every shard caught up, nothing in flight
 * await mapping.stop(); // lets the in-flight batch finish
 * ```
 */
export class KinesisEventSourceMapping {
  private readonly options: ResolvedMappingOptions;
  private readonly stopController = new AbortController();
  private readonly idleWaiters = new Set<IdleWaiter>();
  private phase: Phase = 'created';
  private pollers: ShardPoller[] = [];
  private finished: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  /** Validates the options (InvalidEventSourceMappingError lists every problem); touches nothing yet. */
  constructor(options: KinesisEventSourceMappingOptions) {
    this.options = resolveMappingOptions(options);
  }

  /** The ARN on-failure records name the function by. */
  get functionArn(): string {
    return `arn:aws:lambda:${this.options.region}:${LOCAL_ACCOUNT_ID}:function:${this.options.functionName}`;
  }

  /**
   * Reads the checkpoints, then starts one poller per shard. Throws (and starts nothing) if the stream
   * does not exist, a checkpoint is corrupt, or another running mapping uses `checkpointDir`.
   */
  start(): void {
    if (this.phase !== 'created') throw new MappingStateError('start() may be called once; create a new mapping');
    const { store, streamName, checkpointDir } = this.options;
    const directory = resolvePath(checkpointDir);
    if (directoriesInUse.has(directory)) throw new CheckpointDirectoryInUseError(directory);
    directoriesInUse.add(directory);
    const releaseDirectory = () => directoriesInUse.delete(directory);
    try {
      const stream = store.describeStream(streamName);
      const checkpoints = new CheckpointStore(
        checkpointDir,
        { streamArn: stream.streamArn, streamCreationTimestamp: stream.streamCreationTimestamp },
        { fsync: this.options.fsyncCheckpoints, now: this.options.now },
      );
      const context: MappingContext = {
        store,
        options: this.options,
        streamArn: stream.streamArn,
        functionArn: this.functionArn,
        invokeIdentityArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${this.options.functionName}-role`,
        checkpoints,
        isStopping: () => this.phase !== 'running',
        pause: (ms) => this.pause(ms),
        onChange: () => this.settleIdleWaiters(),
      };
      this.pollers = stream.shards.map((shard) => new ShardPoller(context, shard.shardId));
      const pollersById = new Map(this.pollers.map((poller) => [poller.shardId, poller]));
      // Called inside putRecords: only wakes a poller, which cannot throw into the producer.
      const unsubscribe = store.onRecordsAppended((event) => {
        if (event.streamName === streamName) pollersById.get(event.shardId)?.wake();
      });
      this.release = () => {
        unsubscribe();
        releaseDirectory();
      };
    } catch (error) {
      releaseDirectory();
      throw error;
    }
    this.phase = 'running';
    this.finished = Promise.all(this.pollers.map((poller) => poller.run())).then(() => undefined);
  }

  /**
   * Stops polling: a batch in flight finishes (and is checkpointed, or left for the next start if it
   * failed), nothing new is invoked, and the promise resolves once every poller has exited. A function
   * that never returns holds this up unless `timeoutMs` is set. Idempotent.
   */
  async stop(): Promise<void> {
    if (this.phase === 'created') {
      this.phase = 'stopped';
      return;
    }
    if (this.phase === 'running') {
      this.phase = 'stopping';
      this.stopController.abort();
      for (const poller of this.pollers) poller.wake();
      this.rejectIdleWaiters(new MappingStoppedError());
    }
    await this.finished;
    this.release?.();
    this.release = undefined;
    this.phase = 'stopped';
  }

  /**
   * Resolves once every shard has caught up with its newest record and no batch is in flight or
   * gathering. Never resolves while a batch keeps failing (it is not caught up); rejects with
   * MappingStoppedError if the mapping stops first.
   */
  idle(): Promise<void> {
    if (this.phase === 'created') return Promise.reject(new MappingStateError('idle() before start()'));
    if (this.phase !== 'running') return Promise.reject(new MappingStoppedError());
    return new Promise((resolve, reject) => {
      this.idleWaiters.add({ resolve, reject });
      this.settleIdleWaiters();
    });
  }

  /** Counters, checkpoint and lag per shard, and totals. */
  stats(): EventSourceMappingStats {
    const shards = this.pollers.map((poller) => poller.stats());
    const total: MappingCounters & { millisBehindLatest: number; iteratorAgeMs: number } = {
      ...zeroCounters(),
      millisBehindLatest: 0,
      iteratorAgeMs: 0,
    };
    for (const shard of shards) {
      for (const key of Object.keys(zeroCounters()) as (keyof MappingCounters)[]) total[key] += shard[key];
      total.millisBehindLatest = Math.max(total.millisBehindLatest, shard.millisBehindLatest);
      total.iteratorAgeMs = Math.max(total.iteratorAgeMs, shard.iteratorAgeMs);
    }
    return { shards, total };
  }

  private async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.stopController.signal });
    } catch {
      // Aborted by stop(): the caller checks isStopping next.
    }
  }

  private settleIdleWaiters(): void {
    if (this.idleWaiters.size === 0) return;
    let idle: boolean;
    try {
      idle = this.pollers.every((poller) => poller.isIdle());
    } catch (error) {
      this.rejectIdleWaiters(error);
      return;
    }
    if (!idle) return;
    const waiters = [...this.idleWaiters];
    this.idleWaiters.clear();
    for (const waiter of waiters) waiter.resolve();
  }

  private rejectIdleWaiters(error: unknown): void {
    const waiters = [...this.idleWaiters];
    this.idleWaiters.clear();
    for (const waiter of waiters) waiter.reject(error);
  }
}
