import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenHashKeyRanges, HASH_KEY_SPACE, MAX_HASH_KEY, partitionKeyHash, rangeIndexForHashKey } from './hash-keys';

describe('partitionKeyHash', () => {
  it('is the MD5 digest of the UTF-8 key read as a big-endian 128-bit integer', () => {
    // RFC 1321 test vectors.
    expect(partitionKeyHash('')).toBe(0xd41d8cd98f00b204e9800998ecf8427en);
    expect(partitionKeyHash('abc')).toBe(0x900150983cd24fb0d6963f7d28e17f72n);
  });

  it('hashes non-ASCII keys by their UTF-8 bytes', () => {
    // md5 of the bytes c3 a9, the UTF-8 encoding of U+00E9 (not of its Latin-1 byte e9).
    expect(partitionKeyHash('\u00e9')).toBe(0x66ddcd97cfdeabb2f6fb8a999b4bc76fn);
  });
});

describe('evenHashKeyRanges', () => {
  it('splits two shards at 2^127, as CreateStream does', () => {
    expect(evenHashKeyRanges(2)).toEqual([
      { startingHashKey: 0n, endingHashKey: (1n << 127n) - 1n },
      { startingHashKey: 1n << 127n, endingHashKey: MAX_HASH_KEY },
    ]);
  });

  it('covers 0..2^128-1 contiguously with ranges that differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (shardCount) => {
        const ranges = evenHashKeyRanges(shardCount);
        expect(ranges).toHaveLength(shardCount);
        expect(ranges[0]?.startingHashKey).toBe(0n);
        expect(ranges[shardCount - 1]?.endingHashKey).toBe(MAX_HASH_KEY);
        const sizes = ranges.map((range) => range.endingHashKey - range.startingHashKey + 1n);
        ranges.slice(1).forEach((range, index) => {
          expect(range.startingHashKey).toBe((ranges[index]?.endingHashKey ?? -2n) + 1n);
        });
        const floor = HASH_KEY_SPACE / BigInt(shardCount);
        for (const size of sizes) expect(size === floor || size === floor + 1n).toBe(true);
      }),
    );
  });
});

describe('rangeIndexForHashKey', () => {
  it('finds the one range that contains the key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.bigInt({ min: 0n, max: MAX_HASH_KEY }), (shardCount, hashKey) => {
        const ranges = evenHashKeyRanges(shardCount);
        const index = rangeIndexForHashKey(ranges, hashKey);
        const range = ranges[index];
        expect(range).toBeDefined();
        expect(hashKey >= (range?.startingHashKey ?? 0n) && hashKey <= (range?.endingHashKey ?? -1n)).toBe(true);
      }),
    );
  });

  it('puts range boundaries in the right shard', () => {
    const ranges = evenHashKeyRanges(3);
    ranges.forEach((range, index) => {
      expect(rangeIndexForHashKey(ranges, range.startingHashKey)).toBe(index);
      expect(rangeIndexForHashKey(ranges, range.endingHashKey)).toBe(index);
    });
  });
});
