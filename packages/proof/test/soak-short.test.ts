import { describe, expect, it } from 'vitest';
import { runSoak } from '../src/soak/soak';

/**
 * The soak in short form (the full five minutes runs in `npm run bench`): 30 s at 200 events/s. The bounds are
 * generous on purpose — CI machines are shared, and a few structures grow per event by design (the local
 * Kinesis index, ~32 B a record; the local idempotency store, ~100 B an event id; the soak's own tally of valid
 * ids) — but a leak of whole batches (a 1 MB batch every ~2.5 s is ~25 MB/min per shard, more with the Parquet
 * buffers behind it) or a pipeline that falls steadily behind still breaks them.
 */
describe('soak, short form', () => {
  it('keeps memory flat and lag bounded at 200 events/s for 30 s, and loses nothing', async () => {
    const result = await runSoak({ rate: 200, durationSeconds: 30, warmupSeconds: 10, gcEverySamples: 2 });
    const { samples: _samples, ...summary } = result;
    process.stdout.write(`soak (short): ${JSON.stringify(summary)}\n`);
    expect(result.produced).toBe(6_000);
    expect(result.warehouseRows).toBe(result.uniqueValidEvents);
    // Flat: the heap that survives a full GC grows less than 40 MB a minute; RSS stays well under 1.5 GB.
    expect(result.liveHeapSlopeMbPerMinute).toBeLessThan(40);
    expect(result.rssPeakMb).toBeLessThan(1_500);
    // Bounded: never more than 20 s behind the stream's tip, nor more than 20 s worth of records (the batching window is 5 s).
    expect(result.lagMaxMs).toBeLessThan(20_000);
    expect(result.recordsBehindMax).toBeLessThan(200 * 20);
  }, 180_000);
});
