/**
 * Sequence numbers are 56-digit decimal strings, like the ones Kinesis hands out, laid out as
 *
 *   "4" | stream creation time in ms (13 digits) | shard index (6 digits) | record counter (36 digits)
 *
 * Fixed width makes string order equal numeric order, so callers may compare them either way. The
 * creation time tells a sequence number of a deleted stream from one of its same-named successor, and
 * the shard index lets GetShardIterator reject a number that belongs to another shard, as AWS does.
 * Counter 0 is the shard's StartingSequenceNumber, below every record.
 */
export const SEQUENCE_NUMBER_LENGTH = 56;

const CREATED_AT_DIGITS = 13;
const SHARD_INDEX_DIGITS = 6;
const COUNTER_DIGITS = 36;

export interface SequenceNumberParts {
  readonly streamCreatedAt: number;
  readonly shardIndex: number;
  readonly counter: bigint;
}

/**
 * @example
 * ```ts
 * formatSequenceNumber({ streamCreatedAt: 1764000000000, shardIndex: 1, counter: 7n });
 * // '4' + '1764000000000' + '000001' + '000…007' (56 digits)
 * ```
 */
export function formatSequenceNumber(parts: SequenceNumberParts): string {
  return (
    '4' +
    String(parts.streamCreatedAt).padStart(CREATED_AT_DIGITS, '0') +
    String(parts.shardIndex).padStart(SHARD_INDEX_DIGITS, '0') +
    parts.counter.toString().padStart(COUNTER_DIGITS, '0')
  );
}

/** The parts of a sequence number this store issued, or undefined for any other string. */
export function parseSequenceNumber(sequenceNumber: string): SequenceNumberParts | undefined {
  if (sequenceNumber.length !== SEQUENCE_NUMBER_LENGTH || !/^4\d+$/.test(sequenceNumber)) return undefined;
  const shardStart = 1 + CREATED_AT_DIGITS;
  const counterStart = shardStart + SHARD_INDEX_DIGITS;
  return {
    streamCreatedAt: Number(sequenceNumber.slice(1, shardStart)),
    shardIndex: Number(sequenceNumber.slice(shardStart, counterStart)),
    counter: BigInt(sequenceNumber.slice(counterStart)),
  };
}

/** Largest counter that still fits the fixed width. */
export const MAX_COUNTER = 10n ** BigInt(COUNTER_DIGITS) - 1n;
