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
  /** What each stream-etl line added, by batch key: a batch delivered again replaces its numbers. */
  private readonly byBatch = new Map<string, Record<string, number>>();

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
      const eventType = typeof signal.values.EventType === 'string' ? signal.values.EventType : undefined;
      const added: Record<string, number> = eventType
        ? {
            valid: n(signal.values.RecordsValid),
            duplicates: n(signal.values.Duplicates),
            written: n(signal.values.RecordsOut),
          }
        : {
            batches: 1,
            recordsIn: n(signal.values.RecordsIn),
            recordsValid: n(signal.values.RecordsValid),
            quarantined: n(signal.values.RecordsQuarantined),
            duplicatesInBatch: n(signal.values.DuplicatesInBatch),
            duplicatesAcrossBatches: n(signal.values.DuplicatesAcrossBatches),
          };
      // At-least-once delivery: the same records (same batch key) processed again count once.
      const batchKey =
        typeof signal.values.BatchKey === 'string' ? `${eventType ?? ''}|${signal.values.BatchKey}` : undefined;
      const previous = batchKey ? this.byBatch.get(batchKey) : undefined;
      if (batchKey) this.byBatch.set(batchKey, added);
      // A per-event-type line breaks down a batch already counted by its service line.
      if (eventType && !c.byEventType[eventType]) c.byEventType[eventType] = { valid: 0, duplicates: 0, written: 0 };
      const target = (eventType ? c.byEventType[eventType] : c) as unknown as Record<string, number>;
      for (const [name, value] of Object.entries(added)) {
        target[name] = (target[name] ?? 0) + value - (previous?.[name] ?? 0);
      }
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
