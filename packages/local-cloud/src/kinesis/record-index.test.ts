import { describe, expect, it } from 'vitest';
import { RecordIndex } from './record-index';
import { formatSequenceNumber } from './sequence-numbers';

const sequenceNumber = (counter: bigint, shardIndex = 3) =>
  formatSequenceNumber({ streamCreatedAt: 1_764_000_000_000, shardIndex, counter });

function entry(sequence: string, at: number) {
  return {
    sequenceNumber: sequence,
    approximateArrivalTimestamp: at,
    lineOffset: at * 10,
    lineLength: 10,
    dataLength: at,
  };
}

describe('RecordIndex', () => {
  it('gives back exactly what was pushed, past several growths of its columns', () => {
    const index = new RecordIndex();
    const sequences = Array.from({ length: 5000 }, (_, n) => sequenceNumber(BigInt(n * 7 + 1)));
    sequences.forEach((sequence, n) => {
      index.push(entry(sequence, n));
    });

    expect(index.length).toBe(5000);
    for (const n of [0, 1, 1023, 1024, 2048, 4999]) {
      expect(index.sequenceNumberAt(n)).toBe(sequences[n]);
      expect([index.arrivalAt(n), index.lineOffsetAt(n), index.lineLengthAt(n), index.dataLengthAt(n)]).toEqual([
        n,
        n * 10,
        10,
        n,
      ]);
    }
  });

  it('keeps sequence numbers whole that do not share the first prefix or whose counter passes 64 bits', () => {
    const index = new RecordIndex();
    const odd = [
      sequenceNumber(1n),
      sequenceNumber(2n, 4), // another shard's prefix
      sequenceNumber(10n ** 30n), // counter beyond 2^64
      '49'.padEnd(56, '0').replace(/0$/, 'x'), // not digits at all
    ];
    odd.forEach((sequence, n) => {
      index.push(entry(sequence, n));
    });

    expect(odd.map((_, n) => index.sequenceNumberAt(n))).toEqual(odd);
  });

  it('refuses positions outside the records it holds', () => {
    const index = new RecordIndex();
    index.push(entry(sequenceNumber(1n), 0));

    expect(() => index.sequenceNumberAt(1)).toThrow(RangeError);
    expect(() => index.arrivalAt(-1)).toThrow(RangeError);
  });
});
