import { createHash } from 'node:crypto';

/** 2^128: Kinesis hash keys are unsigned 128-bit integers. */
export const HASH_KEY_SPACE = 1n << 128n;
export const MAX_HASH_KEY = HASH_KEY_SPACE - 1n;

/** An inclusive range of hash keys owned by one shard. */
export interface HashKeyRange {
  readonly startingHashKey: bigint;
  readonly endingHashKey: bigint;
}

/**
 * The hash key Kinesis derives from a partition key: the MD5 digest of its UTF-8 bytes read as a
 * big-endian unsigned 128-bit integer. Consumers rely on this to predict shard placement.
 *
 * @example
 * ```ts
 * partitionKeyHash('attendee-42'); // 0n..2n ** 128n - 1n
 * ```
 */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

/**
 * Splits the hash key space evenly over `shardCount` shards, the way CreateStream does: shard i starts
 * at floor(i * 2^128 / n), and the last one ends at 2^128 - 1, so the ranges are contiguous and
 * cover every key exactly once.
 *
 * @example
 * ```ts
 * evenHashKeyRanges(2)[1]; // { startingHashKey: 2n ** 127n, endingHashKey: 2n ** 128n - 1n }
 * ```
 */
export function evenHashKeyRanges(shardCount: number): HashKeyRange[] {
  const n = BigInt(shardCount);
  return Array.from({ length: shardCount }, (_, index) => {
    const i = BigInt(index);
    return {
      startingHashKey: (i * HASH_KEY_SPACE) / n,
      endingHashKey: ((i + 1n) * HASH_KEY_SPACE) / n - 1n,
    };
  });
}

/** Index of the range containing `hashKey` (binary search: ranges are sorted and contiguous). */
export function rangeIndexForHashKey(ranges: readonly HashKeyRange[], hashKey: bigint): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const range = ranges[middle];
    if (range !== undefined && range.startingHashKey <= hashKey) low = middle;
    else high = middle - 1;
  }
  return low;
}
