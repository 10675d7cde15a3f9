import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSequenceNumber, MAX_COUNTER, parseSequenceNumber, SEQUENCE_NUMBER_LENGTH } from './sequence-numbers';

const parts = fc.record({
  streamCreatedAt: fc.integer({ min: 0, max: 9_999_999_999_999 }),
  shardIndex: fc.integer({ min: 0, max: 999_999 }),
  counter: fc.bigInt({ min: 0n, max: MAX_COUNTER }),
});

describe('sequence numbers', () => {
  it('are 56-digit decimal strings with no leading zero, like the ones Kinesis issues', () => {
    fc.assert(
      fc.property(parts, (value) => {
        const sequenceNumber = formatSequenceNumber(value);
        expect(sequenceNumber).toHaveLength(SEQUENCE_NUMBER_LENGTH);
        expect(sequenceNumber).toMatch(/^[1-9]\d{55}$/);
      }),
    );
  });

  it('parse back to the parts they were made from', () => {
    fc.assert(
      fc.property(parts, (value) => {
        expect(parseSequenceNumber(formatSequenceNumber(value))).toEqual(value);
      }),
    );
  });

  it('order the same as strings and as BigInts, following the counter within a shard', () => {
    fc.assert(
      fc.property(parts, fc.bigInt({ min: 0n, max: MAX_COUNTER }), (value, otherCounter) => {
        const a = formatSequenceNumber(value);
        const b = formatSequenceNumber({ ...value, counter: otherCounter });
        expect(a < b).toBe(value.counter < otherCounter);
        expect(BigInt(a) < BigInt(b)).toBe(value.counter < otherCounter);
      }),
    );
  });

  it('parse nothing this store did not issue', () => {
    expect(parseSequenceNumber('0')).toBeUndefined();
    expect(parseSequenceNumber(`5${'0'.repeat(55)}`)).toBeUndefined();
    expect(parseSequenceNumber(`4${'0'.repeat(56)}`)).toBeUndefined();
    expect(parseSequenceNumber(`4${'0'.repeat(54)}x`)).toBeUndefined();
  });
});
