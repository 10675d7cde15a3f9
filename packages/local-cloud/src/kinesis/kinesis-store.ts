import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { lockDirectory } from './directory-lock';
import {
  InvalidArgumentError,
  KinesisStoreClosedError,
  LimitExceededError,
  ResourceInUseError,
  ResourceNotFoundError,
} from './errors';
import {
  evenHashKeyRanges,
  type HashKeyRange,
  MAX_HASH_KEY,
  partitionKeyHash,
  rangeIndexForHashKey,
} from './hash-keys';
import { checkPutRecordsLimits, KINESIS_LIMITS, STREAM_NAME_PATTERN, validationError, violation } from './limits';
import { Shard } from './shard';
import type { StoredRecord } from './shard-log';
import type {
  FailureInjector,
  GetRecordsResult,
  KinesisStoreOptions,
  PinnedShardPosition,
  PutRecordErrorCode,
  PutRecordsEntry,
  PutRecordsResultEntry,
  RecordsAppendedEvent,
  RecordsAppendedListener,
  RecoveredLog,
  ShardPosition,
  StreamDescription,
} from './store-types';
import { readCatalog, type StreamEntry, writeCatalog } from './stream-catalog';

/** Local streams live in one fixed account and region, like kinesalite's, so ARNs are predictable. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'us-east-1';

/**
 * @example
 * ```ts
 * streamArn('events'); // 'arn:aws:kinesis:us-east-1:000000000000:stream/events'
 * ```
 */
export function streamArn(streamName: string): string {
  return `arn:aws:kinesis:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stream/${streamName}`;
}

const STREAMS_DIRECTORY = 'streams';

interface OpenStream {
  readonly entry: StreamEntry;
  readonly ranges: readonly HashKeyRange[];
  readonly shards: readonly Shard[];
}

/**
 * A durable, file-backed Kinesis data stream store: the state behind the local Kinesis endpoint, and
 * usable in-process. Unlike kinesalite it keeps every record on disk (one append-only NDJSON log per
 * shard plus a small JSON catalog), so the local cloud resumes after a crash with nothing acknowledged
 * lost. Operations are synchronous, hence atomic with respect to each other.
 *
 * @example
 * ```ts
 * const store = await KinesisStore.open('.sluice/kinesis');
 * store.createStream('events', 2);
 * const [result] = store.putRecords('events', [{ data: Buffer.from('{}'), partitionKey: 'a-1' }]);
 * if (result && 'shardId' in result) {
 *   const page = store.getRecords('events', result.shardId, { type: 'TRIM_HORIZON' }, 100);
 *   // page.records, then store.getRecords('events', result.shardId, page.nextPosition, 100)
 * }
 * store.close();
 * ```
 */
export class KinesisStore {
  private readonly streams = new Map<string, OpenStream>();
  private readonly listeners = new Set<RecordsAppendedListener>();
  private readonly now: () => number;
  private readonly fsync: boolean;
  private readonly shardLimit: number;
  private readonly failureInjector: FailureInjector | undefined;
  private releaseLock: (() => void) | undefined;

  /** Logs whose cut-off last line (an unacknowledged append interrupted by a crash) was dropped on open. */
  readonly recoveredLogs: readonly RecoveredLog[];

  private constructor(
    private readonly dir: string,
    options: KinesisStoreOptions,
    releaseLock: () => void,
    recoveredLogs: RecoveredLog[],
  ) {
    this.now = options.now ?? Date.now;
    this.fsync = options.fsync ?? false;
    this.shardLimit = options.shardLimit ?? 500;
    this.failureInjector = options.failureInjector;
    this.releaseLock = releaseLock;
    this.recoveredLogs = recoveredLogs;
  }

  /**
   * Opens (creating if needed) the store in `dir` and rebuilds the in-memory index from its logs.
   * Fails with KinesisStoreLockedError if a live store already holds the directory, and with
   * KinesisStoreCorruptError if a log is damaged anywhere but in its cut-off last line.
   */
  static async open(dir: string, options: KinesisStoreOptions = {}): Promise<KinesisStore> {
    mkdirSync(join(dir, STREAMS_DIRECTORY), { recursive: true });
    const releaseLock = lockDirectory(dir);
    try {
      const recovered: RecoveredLog[] = [];
      const store = new KinesisStore(dir, options, releaseLock, recovered);
      for (const entry of readCatalog(dir)) store.streams.set(entry.name, store.loadStream(entry, recovered));
      store.removeOrphanedLogDirectories();
      return store;
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  /** Releases the directory. Later calls throw KinesisStoreClosedError. Idempotent. */
  close(): void {
    this.releaseLock?.();
    this.releaseLock = undefined;
    this.listeners.clear();
  }

  /** Creates an ACTIVE stream with `shardCount` shards splitting the hash key space evenly. */
  createStream(streamName: string, shardCount: number): StreamDescription {
    this.assertOpen();
    const violations: string[] = [];
    if (!STREAM_NAME_PATTERN.test(streamName)) {
      violations.push(
        violation(streamName, 'streamName', 'Member must match [a-zA-Z0-9_.-]+ and have length 1 to 128'),
      );
    }
    if (!Number.isInteger(shardCount) || shardCount < 1) {
      violations.push(violation(shardCount, 'shardCount', 'Member must have value greater than or equal to 1'));
    }
    if (violations.length > 0) throw validationError(violations);
    if (this.streams.has(streamName)) {
      throw new ResourceInUseError(`Stream ${streamName} under account ${LOCAL_ACCOUNT_ID} already exists.`);
    }
    const shardsInUse = [...this.streams.values()].reduce((sum, stream) => sum + stream.shards.length, 0);
    if (shardsInUse + shardCount > this.shardLimit) {
      throw new LimitExceededError(
        `This request would exceed the shard limit for the account ${LOCAL_ACCOUNT_ID} in ${LOCAL_REGION}. ` +
          `Current limit of shards is ${this.shardLimit}, current number of shards is ${shardsInUse}.`,
      );
    }
    const createdAt = this.now();
    const entry: StreamEntry = {
      name: streamName,
      shardCount,
      createdAt,
      logDirectory: `${STREAMS_DIRECTORY}/${streamName}-${createdAt}`,
    };
    // Directory first, catalog second: a crash in between leaves an orphan directory that the next
    // open removes, never a catalogued stream without its directory.
    mkdirSync(join(this.dir, entry.logDirectory), { recursive: true });
    writeCatalog(this.dir, [...this.entries(), entry]);
    this.streams.set(streamName, this.loadStream(entry, []));
    return this.describeStream(streamName);
  }

  /** Deletes the stream and its records. */
  deleteStream(streamName: string): void {
    const stream = this.stream(streamName);
    this.streams.delete(streamName);
    // Catalog first: a crash before the directory is removed leaves an orphan, removed on next open.
    writeCatalog(this.dir, this.entries());
    rmSync(join(this.dir, stream.entry.logDirectory), { recursive: true, force: true });
  }

  /** Stream names in ascending order, as ListStreams returns them. */
  listStreams(): string[] {
    this.assertOpen();
    return [...this.streams.keys()].sort();
  }

  describeStream(streamName: string): StreamDescription {
    const stream = this.stream(streamName);
    return {
      streamName,
      streamArn: streamArn(streamName),
      streamStatus: 'ACTIVE',
      streamCreationTimestamp: stream.entry.createdAt,
      retentionPeriodHours: KINESIS_LIMITS.retentionPeriodHours,
      shards: stream.shards.map((shard) => {
        const range = stream.ranges[shard.index] as HashKeyRange;
        return {
          shardId: shard.shardId,
          hashKeyRange: {
            startingHashKey: range.startingHashKey.toString(),
            endingHashKey: range.endingHashKey.toString(),
          },
          sequenceNumberRange: { startingSequenceNumber: shard.startingSequenceNumber },
        };
      }),
    };
  }

  /**
   * Appends records, routed as Kinesis routes them (MD5 of the partition key, or the explicit hash
   * key, into the shard whose range contains it). Outcomes come back in request order; records the
   * failure injector picks fail alone, exactly as PutRecords reports partial failures. Records are
   * durable before this returns.
   */
  putRecords(streamName: string, records: readonly PutRecordsEntry[]): PutRecordsResultEntry[] {
    this.assertOpen();
    checkPutRecordsLimits(records);
    const stream = this.stream(streamName);
    const hashKeys = records.map((record) =>
      record.explicitHashKey === undefined
        ? partitionKeyHash(record.partitionKey)
        : parseExplicitHashKey(record.explicitHashKey),
    );
    const results: PutRecordsResultEntry[] = [];
    const accepted = new Map<Shard, { record: PutRecordsEntry; index: number }[]>();
    records.forEach((record, index) => {
      const shard = stream.shards[rangeIndexForHashKey(stream.ranges, hashKeys[index] as bigint)] as Shard;
      const failure = this.failureInjector?.(record, index);
      if (failure !== undefined) {
        results[index] = { errorCode: failure, errorMessage: failureMessage(failure, shard, streamName) };
        return;
      }
      const forShard = accepted.get(shard) ?? [];
      if (forShard.length === 0) accepted.set(shard, forShard);
      forShard.push({ record, index });
    });

    const arrival = this.now();
    const appended: RecordsAppendedEvent[] = [];
    try {
      for (const [shard, entries] of accepted) {
        const stamped = shard.stamp(
          entries.map((entry) => entry.record),
          arrival,
        );
        shard.append(stamped);
        entries.forEach((entry, offset) => {
          const sequenceNumber = (stamped[offset] as StoredRecord).sequenceNumber;
          results[entry.index] = { shardId: shard.shardId, sequenceNumber };
        });
        appended.push(appendedEvent(streamName, shard, stamped));
      }
    } catch (error) {
      // Earlier shards' records are readable even though a later write failed: wake the pollers, and
      // let the write failure, not a listener's, be what the caller sees.
      try {
        this.notify(appended);
      } catch (listenerError) {
        throw new AggregateError([error, listenerError], 'append failed, and so did onRecordsAppended listeners');
      }
      throw error;
    }
    this.notify(appended);
    return results;
  }

  /**
   * Reads up to `limit` records (and at most 10 MiB of data, but always one record if there is one)
   * from `position`. Continue with `nextPosition`; an empty page with `millisBehindLatest` 0 means the
   * reader is caught up.
   */
  getRecords(
    streamName: string,
    shardId: string,
    position: ShardPosition,
    limit: number = KINESIS_LIMITS.maxGetRecordsLimit,
  ): GetRecordsResult {
    if (!Number.isInteger(limit) || limit < 1 || limit > KINESIS_LIMITS.maxGetRecordsLimit) {
      throw validationError([
        violation(limit, 'limit', `Member must have value between 1 and ${KINESIS_LIMITS.maxGetRecordsLimit}`),
      ]);
    }
    const shard = this.shard(streamName, shardId);
    const { records, end } = shard.read(shard.indexOf(position), limit, KINESIS_LIMITS.maxGetRecordsBytes);
    return {
      records,
      nextPosition: shard.pinnedBefore(end),
      millisBehindLatest: shard.millisBehindAt(end, this.now()),
    };
  }

  /** Pins LATEST or AT_TIMESTAMP to the current point in the shard, as GetShardIterator does. */
  resolvePosition(streamName: string, shardId: string, position: ShardPosition): PinnedShardPosition {
    const shard = this.shard(streamName, shardId);
    return shard.pinnedBefore(shard.indexOf(position));
  }

  /** Sequence number of the newest record in the shard, or undefined while it is empty. */
  latestSequenceNumber(streamName: string, shardId: string): string | undefined {
    return this.shard(streamName, shardId).latestSequenceNumber;
  }

  /** How far a reader at `position` is behind the tip: 0 when caught up, else the oldest unread record's age. */
  millisBehindLatest(streamName: string, shardId: string, position: ShardPosition): number {
    const shard = this.shard(streamName, shardId);
    return shard.millisBehindAt(shard.indexOf(position), this.now());
  }

  /**
   * Calls `listener` after each append (once per shard per PutRecords call), so an in-process poller
   * can wait for records instead of polling. Returns the function that unsubscribes it. A throwing
   * listener makes `putRecords` throw after the records are already durable, like a lost response.
   */
  onRecordsAppended(listener: RecordsAppendedListener): () => void {
    this.assertOpen();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(events: readonly RecordsAppendedEvent[]): void {
    const errors: unknown[] = [];
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          errors.push(error);
        }
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'onRecordsAppended listeners failed');
  }

  private stream(streamName: string): OpenStream {
    this.assertOpen();
    const stream = this.streams.get(streamName);
    if (stream === undefined) {
      throw new ResourceNotFoundError(`Stream ${streamName} under account ${LOCAL_ACCOUNT_ID} not found.`);
    }
    return stream;
  }

  private shard(streamName: string, shardId: string): Shard {
    const shard = this.stream(streamName).shards.find((candidate) => candidate.shardId === shardId);
    if (shard === undefined) {
      throw new ResourceNotFoundError(
        `Shard ${shardId} in stream ${streamName} under account ${LOCAL_ACCOUNT_ID} does not exist`,
      );
    }
    return shard;
  }

  private entries(): StreamEntry[] {
    return [...this.streams.values()].map((stream) => stream.entry);
  }

  private assertOpen(): void {
    if (this.releaseLock === undefined) throw new KinesisStoreClosedError();
  }

  private loadStream(entry: StreamEntry, recovered: RecoveredLog[]): OpenStream {
    const owner = { name: entry.name, createdAt: entry.createdAt, accountId: LOCAL_ACCOUNT_ID };
    const shards = Array.from({ length: entry.shardCount }, (_, index) => {
      const path = join(this.dir, entry.logDirectory, `shardId-${String(index).padStart(12, '0')}.ndjson`);
      const { shard, droppedTailBytes } = Shard.load(index, owner, path, { fsync: this.fsync });
      if (droppedTailBytes > 0) recovered.push({ path, droppedTailBytes });
      return shard;
    });
    return { entry, ranges: evenHashKeyRanges(entry.shardCount), shards };
  }

  private removeOrphanedLogDirectories(): void {
    const inUse = new Set(this.entries().map((entry) => entry.logDirectory));
    for (const name of readdirSync(join(this.dir, STREAMS_DIRECTORY))) {
      const relative = `${STREAMS_DIRECTORY}/${name}`;
      if (!inUse.has(relative)) rmSync(join(this.dir, relative), { recursive: true, force: true });
    }
  }
}

function appendedEvent(streamName: string, shard: Shard, stamped: readonly StoredRecord[]): RecordsAppendedEvent {
  return {
    streamName,
    shardId: shard.shardId,
    count: stamped.length,
    lastSequenceNumber: stamped[stamped.length - 1]?.sequenceNumber ?? '',
  };
}

function parseExplicitHashKey(value: string): bigint {
  if (!/^(0|[1-9]\d{0,38})$/.test(value)) {
    throw validationError([
      violation(value, 'explicitHashKey', 'Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})'),
    ]);
  }
  const hashKey = BigInt(value);
  if (hashKey > MAX_HASH_KEY) {
    throw new InvalidArgumentError(
      `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${value}`,
    );
  }
  return hashKey;
}

function failureMessage(code: PutRecordErrorCode, shard: Shard, streamName: string): string {
  return code === 'InternalFailure'
    ? 'Internal service failure.'
    : `Rate exceeded for shard ${shard.shardId} in stream ${streamName} under account ${LOCAL_ACCOUNT_ID}.`;
}
