import { createEventGenerator } from '@sluice/local-cloud';
import { expect, it } from 'vitest';
import { reconcile } from '../../local-cloud/src/cli/reconciliation';
import { startLocalRun, warehouseEventIds } from '../src/support/local-run';

/**
 * KNOWN FAILURE — not run in CI (this folder is outside the test include of vitest.config.ts).
 * Run: npx vitest run --config packages/proof/known-failures/vitest.config.ts
 *
 * When Lambda delivers a stream-etl batch twice (at-least-once), the pipeline stays exactly right — the second
 * delivery overwrites the same objects and the warehouse skips the file — but the local cloud's reconciliation
 * (`npm run local -- --events N`) reports it as NOT BALANCED: `duplicatesDropped` sums stream-etl's per-invocation
 * EMF metric DuplicatesInBatch, which both deliveries emit, so `unaccounted` goes negative. Seen: 1,000 events,
 * every batch delivered twice → produced 1000, loaded 958, quarantined 28, duplicatesDropped 28 (14 real),
 * unaccounted −14. Move this file to ../test/ once it passes.
 */
it('balances the reconciliation when every stream-etl batch is delivered twice', async () => {
  const run = await startLocalRun({ faults: { duplicateDelivery: { every: 1 } } });
  try {
    const records = createEventGenerator({ seed: 3 }).take(1_000);
    await run.put(records);
    await run.cloud.idle();
    expect(run.cloud.faults.counts.duplicateDeliveries).toBeGreaterThan(0);
    const ids = await warehouseEventIds(run.cloud);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
    expect(await reconcile(run.cloud)).toMatchObject({ unaccounted: 0, duplicateRowsInWarehouse: 0 });
  } finally {
    await run.dispose();
  }
}, 200_000);
