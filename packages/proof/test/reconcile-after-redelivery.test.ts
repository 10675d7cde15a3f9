import { createEventGenerator } from '@sluice/local-cloud';
import { expect, it } from 'vitest';
import { reconcile } from '../../local-cloud/src/cli/reconciliation';
import { startLocalRun, warehouseEventIds } from '../src/support/local-run';

/**
 * When Lambda delivers a stream-etl batch twice (at-least-once), the pipeline stays exactly right — the second
 * delivery overwrites the same objects and the warehouse skips the file — and so must the reconciliation of
 * `npm run local -- --events N`: stream-etl's metric lines carry the batch key, and the local cloud counts a
 * batch delivered again once. (Found by the proof suite: the sum of per-invocation metrics read −14 for 1,000
 * events before.)
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
