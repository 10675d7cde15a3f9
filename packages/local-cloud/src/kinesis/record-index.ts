/** Where a record's line sits in its shard log, and what the store must know without reading it. */
export interface IndexEntry {
  readonly sequenceNumber: string;
  /** Epoch milliseconds. */
  readonly approximateArrivalTimestamp: number;
  /** Byte offset of the line (its first byte) in the log file. */
  readonly lineOffset: number;
  /** Bytes of the line, newline included. */
  readonly lineLength: number;
  /** Bytes of the decoded record data, for the 10 MiB page limit of GetRecords. */
  readonly dataLength: number;
}

const INITIAL_CAPACITY = 1024;
/** "4" | creation time | shard index: the part all sequence numbers of one shard share. */
const PREFIX_LENGTH = 20;
const COUNTER_DIGIT_COUNT = 36;
const REGULAR_PREFIX = /^4\d{19}$/;
const COUNTER_DIGITS = /^\d{36}$/;
const MAX_COMPACT_COUNTER = (1n << 64n) - 1n;

/**
 * The in-memory index of one shard log, column by column in typed arrays: about 32 bytes a record
 * and no object per record, so a long-running local cloud does not grow its heap with every record
 * (payloads and partition keys stay on disk). A sequence number is kept as its counter, relative to
 * the prefix the shard's first record has; one that does not fit that shape (a hand-edited log, say)
 * is kept whole on the side, so any log the store accepted before still round-trips exactly.
 */
export class RecordIndex {
  private count = 0;
  private counters = new BigUint64Array(INITIAL_CAPACITY);
  private arrivals = new Float64Array(INITIAL_CAPACITY);
  private offsets = new Float64Array(INITIAL_CAPACITY);
  private lineLengths = new Uint32Array(INITIAL_CAPACITY);
  private dataLengths = new Uint32Array(INITIAL_CAPACITY);
  private prefix: string | undefined;
  private readonly irregular = new Map<number, string>();

  get length(): number {
    return this.count;
  }

  push(entry: IndexEntry): void {
    if (this.count === this.counters.length) this.grow();
    const at = this.count;
    this.prefix ??= entry.sequenceNumber.slice(0, PREFIX_LENGTH);
    const counter = this.compactCounter(entry.sequenceNumber);
    if (counter === undefined) this.irregular.set(at, entry.sequenceNumber);
    else this.counters[at] = counter;
    this.arrivals[at] = entry.approximateArrivalTimestamp;
    this.offsets[at] = entry.lineOffset;
    this.lineLengths[at] = entry.lineLength;
    this.dataLengths[at] = entry.dataLength;
    this.count++;
  }

  sequenceNumberAt(index: number): string {
    this.assertInRange(index);
    const irregular = this.irregular.get(index);
    if (irregular !== undefined) return irregular;
    return `${this.prefix}${(this.counters[index] as bigint).toString().padStart(COUNTER_DIGIT_COUNT, '0')}`;
  }

  arrivalAt(index: number): number {
    this.assertInRange(index);
    return this.arrivals[index] as number;
  }

  lineOffsetAt(index: number): number {
    this.assertInRange(index);
    return this.offsets[index] as number;
  }

  lineLengthAt(index: number): number {
    this.assertInRange(index);
    return this.lineLengths[index] as number;
  }

  dataLengthAt(index: number): number {
    this.assertInRange(index);
    return this.dataLengths[index] as number;
  }

  /** The counter to store, or undefined if `sequenceNumber` must be kept whole. */
  private compactCounter(sequenceNumber: string): bigint | undefined {
    // Only what formats back to the very same string: the shared prefix, then exactly 36 digits.
    const prefix = this.prefix as string;
    if (!REGULAR_PREFIX.test(prefix) || !sequenceNumber.startsWith(prefix)) return undefined;
    const digits = sequenceNumber.slice(PREFIX_LENGTH);
    if (!COUNTER_DIGITS.test(digits)) return undefined;
    const counter = BigInt(digits);
    return counter <= MAX_COMPACT_COUNTER ? counter : undefined;
  }

  private grow(): void {
    const capacity = this.counters.length * 2;
    this.counters = copyInto(new BigUint64Array(capacity), this.counters);
    this.arrivals = copyInto(new Float64Array(capacity), this.arrivals);
    this.offsets = copyInto(new Float64Array(capacity), this.offsets);
    this.lineLengths = copyInto(new Uint32Array(capacity), this.lineLengths);
    this.dataLengths = copyInto(new Uint32Array(capacity), this.dataLengths);
  }

  private assertInRange(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`record index ${index} is outside 0..${this.count - 1}`);
    }
  }
}

function copyInto<T extends { set(source: T): void }>(target: T, source: T): T {
  target.set(source);
  return target;
}
