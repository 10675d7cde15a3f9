import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFileName, eventDate, parsePartitionedKey, partitionedKey } from './keys';

describe('lake keys', () => {
  it('round-trips partitioned keys', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('raw' as const, 'curated' as const),
        fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (zone, table, date) => {
          const dt = date.toISOString().slice(0, 10);
          const key = partitionedKey(zone, table, dt, 'f.parquet');
          expect(parsePartitionedKey(key)).toEqual({ zone, table, dt, fileName: 'f.parquet' });
        },
      ),
    );
  });

  it('names a batch by shard and sequence range, so a retry maps to the same key', () => {
    const batch = { shardId: 'shardId-000000000001', firstSequenceNumber: '10', lastSequenceNumber: '20' };
    expect(batchFileName(batch, 'parquet')).toBe('shardId-000000000001-10-20.parquet');
  });

  it('partitions by the UTC date of the event', () => {
    expect(eventDate('2026-11-25T23:30:00-02:00')).toBe('2026-11-26');
    expect(parsePartitionedKey('quarantine/dt=2026-11-25/x.ndjson')).toBeUndefined();
  });
});
