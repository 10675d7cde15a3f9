import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the progress view and the reconciliation read, summed from the pipeline's own signals. */
export interface PipelineCounters {
  /** From stream-etl's EMF lines. */
  batches: number;
  recordsIn: number;
  recordsValid: number;
  quarantined: number;
  duplicatesInBatch: number;
  duplicatesAcrossBatches: number;
  /** stream-etl's per-event-type lines: events valid, dropped as duplicates, written to the lake. */
  byEventType: Record<string, { valid: number; duplicates: number; written: number }>;
  /** From EventBridge: Object Created, PartitionsRegistered, WarehouseLoaded. */
  objectsCreated: number;
  partitionsRegistered: number;
  warehouseRowsInserted: number;
  warehouseRowsSkipped: number;
  warehouseLoads: number;
  catalogFailures: number;
}

const EMPTY: PipelineCounters = {
  batches: 0,
  recordsIn: 0,
  recordsValid: 0,
  quarantined: 0,
  duplicatesInBatch: 0,
  duplicatesAcrossBatches: 0,
  byEventType: {},
  objectsCreated: 0,
  partitionsRegistered: 0,
  warehouseRowsInserted: 0,
  warehouseRowsSkipped: 0,
  warehouseLoads: 0,
  catalogFailures: 0,
};

type Signal =
  | { kind: 'emf'; values: Record<string, unknown> }
  | { kind: 'event'; detailType: string; detail: Record<string, unknown> };

/**
 * Counters persisted as an append-only signal journal in the data directory, so a restarted local cloud
 * reports totals across runs (like CloudWatch keeps metrics across deployments).
 */
export class PipelineMetrics {
  private readonly file: string;
  readonly counters: PipelineCounters = { ...EMPTY, byEventType: {} };

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'pipeline-signals.ndjson');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          this.apply(JSON.parse(line) as Signal);
        } catch {
          // a line torn by a crash carries no signal
        }
      }
    }
  }

  record(signal: Signal): void {
    appendFileSync(this.file, `${JSON.stringify(signal)}\n`);
    this.apply(signal);
  }

  private apply(signal: Signal): void {
    const c = this.counters;
    const n = (value: unknown) => (typeof value === 'number' ? value : 0);
    if (signal.kind === 'emf') {
      if (signal.values.Service !== 'stream-etl') return;
      if (typeof signal.values.EventType === 'string') {
        // A per-event-type breakdown of a batch already counted by its service line.
        const type = c.byEventType[signal.values.EventType] ?? { valid: 0, duplicates: 0, written: 0 };
        c.byEventType[signal.values.EventType] = type;
        type.valid += n(signal.values.RecordsValid);
        type.duplicates += n(signal.values.Duplicates);
        type.written += n(signal.values.RecordsOut);
        return;
      }
      c.batches++;
      c.recordsIn += n(signal.values.RecordsIn);
      c.recordsValid += n(signal.values.RecordsValid);
      c.quarantined += n(signal.values.RecordsQuarantined);
      c.duplicatesInBatch += n(signal.values.DuplicatesInBatch);
      c.duplicatesAcrossBatches += n(signal.values.DuplicatesAcrossBatches);
      return;
    }
    switch (signal.detailType) {
      case 'Object Created':
        c.objectsCreated++;
        break;
      case 'PartitionsRegistered':
        c.partitionsRegistered += n(signal.detail.newPartitions);
        break;
      case 'WarehouseLoaded':
        c.warehouseLoads++;
        c.warehouseRowsInserted += n(signal.detail.rowsInserted);
        c.warehouseRowsSkipped += n(signal.detail.rowsSkipped);
        break;
      case 'CatalogUpdateFailed':
        c.catalogFailures++;
        break;
    }
  }
}
