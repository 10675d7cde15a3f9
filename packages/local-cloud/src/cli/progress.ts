import type { LocalCloud } from '../runtime/local-cloud';

function lagMs(cloud: LocalCloud): number {
  return Math.max(0, ...cloud.eventSourceMappings().map((m) => m.stats().total.millisBehindLatest));
}

/** One status line: what came in, what moved through each stage, and how far behind the stream is. */
export async function progressLine(cloud: LocalCloud, startedAt: number, produced: number): Promise<string> {
  const c = cloud.metrics.counters;
  const rows = Object.values(await cloud.warehouseRows()).reduce((a, b) => a + b, 0);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
  return [
    `[${seconds}s]`,
    `sent ${produced}`,
    `consumed ${c.recordsIn}`,
    `batches ${c.batches}`,
    `files ${c.objectsCreated}`,
    `partitions ${c.partitionsRegistered}`,
    `warehouse rows ${rows}`,
    `quarantined ${c.quarantined}`,
    `duplicates ${c.duplicatesInBatch + c.duplicatesAcrossBatches + c.warehouseRowsSkipped}`,
    `lag ${lagMs(cloud)} ms`,
  ].join(' | ');
}
