import { InvalidArgumentError } from './errors';
import { validationError, violation } from './limits';
import { formatSequenceNumber, MAX_COUNTER, parseSequenceNumber } from './sequence-numbers';
import { ShardLog, type StoredRecord } from './shard-log';
import type { PinnedShardPosition, PutRecordsEntry, ShardPosition } from './store-types';

/** The stream a shard belongs to, as far as the shard needs to know. */
export interface ShardOwner {
  readonly name: string;
  /** Part of every sequence number, so numbers of a deleted same-named stream are told apart. */
  readonly createdAt: number;
  readonly accountId: string;
}

/**
 * One shard of an open stream: its durable log, the sequence numbers it hands out next, and the
 * translation of iterator positions into places in the log.
 */
export class Shard {
  readonly shardId: string;
  readonly startingSequenceNumber: string;
  private nextCounter: bigint;
  private lastArrival: number;

  private constructor(
    readonly index: number,
    private readonly owner: ShardOwner,
    private readonly log: ShardLog,
  ) {
    this.shardId = `shardId-${String(index).padStart(12, '0')}`;
    this.startingSequenceNumber = formatSequenceNumber({
      streamCreatedAt: owner.createdAt,
      shardIndex: index,
      counter: 0n,
    });
    const last = log.length - 1;
    this.nextCounter = last < 0 ? 1n : (parseSequenceNumber(log.sequenceNumberAt(last))?.counter ?? 0n) + 1n;
    this.lastArrival = last < 0 ? 0 : log.arrivalAt(last);
  }

  /** Loads the shard's log from `logPath` (see ShardLog.load for the repair of a cut-off line). */
  static load(index: number, owner: ShardOwner, logPath: string, options: { fsync: boolean }) {
    const { log, droppedTailBytes } = ShardLog.load(logPath, options);
    return { shard: new Shard(index, owner, log), droppedTailBytes };
  }

  /** How many records the shard holds. */
  get length(): number {
    return this.log.length;
  }

  /** Sequence number of the newest record, or undefined while the shard is empty. */
  get latestSequenceNumber(): string | undefined {
    return this.log.length === 0 ? undefined : this.log.sequenceNumberAt(this.log.length - 1);
  }

  /**
   * Up to `limit` records from position `start`, stopping before the data passes `maxBytes` (but
   * always one record if there is one), and the position after the last one returned.
   */
  read(start: number, limit: number, maxBytes: number): { records: StoredRecord[]; end: number } {
    let end = start;
    let bytes = 0;
    while (end < this.log.length && end - start < limit) {
      bytes += this.log.dataLengthAt(end);
      if (bytes > maxBytes && end > start) break;
      end++;
    }
    return { records: this.log.read(start, end), end };
  }

  /**
   * Gives records their sequence numbers and arrival time, without writing them: the caller appends
   * the result with `append` before it tells anyone the numbers.
   */
  stamp(records: readonly PutRecordsEntry[], arrival: number): StoredRecord[] {
    if (this.nextCounter + BigInt(records.length) > MAX_COUNTER) {
      throw new Error(`${this.shardId} of ${this.owner.name} has run out of sequence numbers`);
    }
    // Never backwards within a shard, even if the clock is, so AT_TIMESTAMP can binary-search.
    const approximateArrivalTimestamp = Math.max(arrival, this.lastArrival);
    return records.map((record, offset) => ({
      sequenceNumber: formatSequenceNumber({
        streamCreatedAt: this.owner.createdAt,
        shardIndex: this.index,
        counter: this.nextCounter + BigInt(offset),
      }),
      partitionKey: record.partitionKey,
      data: record.data,
      approximateArrivalTimestamp,
    }));
  }

  /** Makes stamped records durable, then readable. */
  append(stamped: readonly StoredRecord[]): void {
    const last = stamped[stamped.length - 1];
    if (last === undefined) return;
    this.log.append(stamped);
    this.nextCounter += BigInt(stamped.length);
    this.lastArrival = last.approximateArrivalTimestamp;
  }

  /** Index in `records` of the first record at or after `position`. */
  indexOf(position: ShardPosition): number {
    switch (position.type) {
      case 'TRIM_HORIZON':
        return 0;
      case 'LATEST':
        return this.log.length;
      case 'AT_SEQUENCE_NUMBER':
        this.assertIssuedHere(position.value);
        return this.firstIndex((at) => this.log.sequenceNumberAt(at) >= position.value);
      case 'AFTER_SEQUENCE_NUMBER':
        this.assertIssuedHere(position.value);
        return this.firstIndex((at) => this.log.sequenceNumberAt(at) > position.value);
      case 'AT_TIMESTAMP':
        return this.firstIndex((at) => this.log.arrivalAt(at) >= position.value);
    }
  }

  /** The pinned position just before record `index` (the starting sequence number when index is 0). */
  pinnedBefore(index: number): PinnedShardPosition {
    const value = index > 0 ? this.log.sequenceNumberAt(index - 1) : this.startingSequenceNumber;
    return { type: 'AFTER_SEQUENCE_NUMBER', value };
  }

  /** 0 when nothing is left from `index` on, else the age of record `index`. */
  millisBehindAt(index: number, now: number): number {
    return index >= this.log.length ? 0 : Math.max(0, now - this.log.arrivalAt(index));
  }

  /** AWS rejects sequence numbers it did not issue for this shard; so does this store. */
  private assertIssuedHere(sequenceNumber: string): void {
    if (!/^(0|[1-9]\d{0,128})$/.test(sequenceNumber)) {
      throw validationError([
        violation(
          sequenceNumber,
          'startingSequenceNumber',
          'Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})',
        ),
      ]);
    }
    const parts = parseSequenceNumber(sequenceNumber);
    if (
      parts === undefined ||
      parts.streamCreatedAt !== this.owner.createdAt ||
      parts.shardIndex !== this.index ||
      parts.counter >= this.nextCounter
    ) {
      throw new InvalidArgumentError(
        `StartingSequenceNumber ${sequenceNumber} used in GetShardIterator on shard ${this.shardId} in stream ` +
          `${this.owner.name} under account ${this.owner.accountId} is invalid because it did not come from this stream.`,
      );
    }
  }

  /** Binary search for the first record position satisfying a predicate that is false, then true, along the log. */
  private firstIndex(isAtOrAfter: (position: number) => boolean): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (isAtOrAfter(middle)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
