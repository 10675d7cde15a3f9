import type { LocalCloud } from '../runtime/local-cloud';

export interface Reconciliation {
  /** Records in the stream (every producer, every run on this data directory). */
  readonly produced: number;
  /** Rows in the warehouse's fact tables, each eventId once. */
  readonly loaded: number;
  /** Records in the lake's quarantine zone, each with its reason. */
  readonly quarantined: number;
  /** Dropped by eventId: within a batch (stream-etl) plus rows the warehouse MERGE skipped. */
  readonly duplicatesDropped: number;
  readonly unaccounted: number;
  /** Warehouse rows sharing an event id with another row: anything but 0 breaks exactly-once. */
  readonly duplicateRowsInWarehouse: number;
  readonly byReason: Record<string, number>;
}

async function countStream(cloud: LocalCloud): Promise<number> {
  const stream = cloud.streamName();
  let total = 0;
  for (const shard of cloud.store.describeStream(stream).shards) {
    let position: Parameters<typeof cloud.store.getRecords>[2] = { type: 'TRIM_HORIZON' };
    for (;;) {
      const page = cloud.store.getRecords(stream, shard.shardId, position, 10_000);
      total += page.records.length;
      if (page.records.length === 0) break;
      position = page.nextPosition;
    }
  }
  return total;
}

async function countQuarantine(cloud: LocalCloud): Promise<{ count: number; byReason: Record<string, number> }> {
  const lake = cloud.buckets.bucket(cloud.lakeBucket());
  const byReason: Record<string, number> = {};
  let count = 0;
  for (const object of await lake.list('quarantine/')) {
    const body = Buffer.from((await lake.get(object.key))?.body ?? []).toString('utf8');
    for (const line of body.split('\n')) {
      if (!line) continue;
      const { reason } = JSON.parse(line) as { reason: string };
      byReason[reason] = (byReason[reason] ?? 0) + 1;
      count++;
    }
  }
  return { count, byReason };
}

/** produced = loaded + quarantined + duplicates dropped, each side measured from where it lives. */
export async function reconcile(cloud: LocalCloud): Promise<Reconciliation> {
  const produced = await countStream(cloud);
  const loaded = Object.values(await cloud.warehouseRows()).reduce((a, b) => a + b, 0);
  const { count: quarantined, byReason } = await countQuarantine(cloud);
  const { duplicatesInBatch, duplicatesAcrossBatches, warehouseRowsSkipped } = cloud.metrics.counters;
  // Dropped by stream-etl (in a batch, or by the idempotency store across batches) or by the warehouse MERGE.
  const duplicatesDropped = duplicatesInBatch + duplicatesAcrossBatches + warehouseRowsSkipped;
  return {
    produced,
    loaded,
    quarantined,
    duplicatesDropped,
    unaccounted: produced - loaded - quarantined - duplicatesDropped,
    duplicateRowsInWarehouse: await cloud.warehouseDuplicateRows(),
    byReason,
  };
}
