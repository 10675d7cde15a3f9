import {
  type DomainEvent,
  type EntityType,
  EVENT_TYPES,
  type EventType,
  type QuarantineReason,
} from '@sluice/contracts';
import { type BatchId, batchFileName } from '../lake/keys';
import type { EnrichEvents, EnrichedEvent, ReferenceTables } from '../ports/enrichment';
import type { PublishPipelineEvents } from '../ports/event-publisher';
import type { IdempotencyStore } from '../ports/idempotency';
import type { ObjectStore } from '../ports/object-store';
import type { IncomingRecord } from './decode';
import { deduplicate } from './deduplicate';
import type { EncodeTable } from './encode';
import { enrichEvents, withEnrichedColumns } from './enrich';
import type { MaskingPolicy, maskEvent } from './masking';
import { pipelineConfigFor, StreamPipelineConfig } from './pipeline-config';
import { prepareRecords } from './record-stages';
import { type EventToWrite, writeZones } from './write-zones';

export interface StreamBatchDependencies {
  readonly lake: ObjectStore;
  readonly encodeTable: EncodeTable;
  readonly publish: PublishPipelineEvents;
  readonly masking: MaskingPolicy;
  /** The enrichment SQL and the reference tables it joins; without it, enriched columns are null. */
  readonly enrichment?: {
    readonly enrich: EnrichEvents;
    readonly referenceTables: () => Promise<ReferenceTables>;
  };
  /** De-duplication across batches; without it, only within a batch (the warehouse still MERGEs by eventId). */
  readonly idempotency?: IdempotencyStore;
  readonly config?: StreamPipelineConfig;
  /** The masking stage (replaceable in tests to simulate a poison record). */
  readonly maskStage?: typeof maskEvent;
}

export interface EventTypeCounts {
  readonly valid: number;
  readonly duplicates: number;
  readonly written: number;
}

export interface BatchSummary {
  /** `<shard>-<first>-<last>`: the same for every delivery of the same records. */
  readonly batchKey: string;
  readonly records: number;
  readonly valid: number;
  readonly quarantined: number;
  readonly duplicatesInBatch: number;
  readonly duplicatesAcrossBatches: number;
  readonly byReason: Partial<Record<QuarantineReason, number>>;
  readonly byEventType: Partial<Record<EventType, EventTypeCounts>>;
  readonly filesWritten: string[];
  /** Values masked in the curated copy, per entity type (for metrics). */
  readonly masked: Partial<Record<EntityType, number>>;
  /** Set when a poison record cut the batch: report it as the batch item failure, so Lambda retries from it. */
  readonly retryFrom?: string;
  readonly poisonError?: string;
}

function batchIdOf(records: readonly IncomingRecord[]): BatchId {
  const first = records[0] as IncomingRecord;
  const last = records[records.length - 1] as IncomingRecord;
  return { shardId: first.shardId, firstSequenceNumber: first.sequenceNumber, lastSequenceNumber: last.sequenceNumber };
}

const EMPTY: BatchSummary = {
  batchKey: '',
  records: 0,
  valid: 0,
  quarantined: 0,
  duplicatesInBatch: 0,
  duplicatesAcrossBatches: 0,
  byReason: {},
  byEventType: {},
  filesWritten: [],
  masked: {},
};

/**
 * One micro-batch from one shard, as composable stages: decode → validate → (mask, per record, so a poison
 * record is found before anything is written) → de-duplicate (in the batch, then across batches) → enrich
 * (SQL over reference data) → partition by event type and date → write raw, quarantine, then curated
 * (curated last: its arrival starts the catalog and warehouse flow) → record the written eventIds.
 * Object keys derive from the shard and sequence range, so a retried batch overwrites its own files.
 * Throws only on infrastructure failure; the edge then reports the batch for retry.
 */
export function buildProcessBatch(deps: StreamBatchDependencies) {
  const config = deps.config ?? StreamPipelineConfig.parse({});
  return async function processBatch(records: readonly IncomingRecord[]): Promise<BatchSummary> {
    if (records.length === 0) return EMPTY;
    const prepared = prepareRecords(records, deps.masking, deps.maskStage);
    const handled = records.slice(0, prepared.handled);
    const batch = batchIdOf(handled);
    const batchKey = batchFileName(batch, 'batch');

    const deduplicated = await deduplicate(
      prepared.events,
      batchKey,
      deps.idempotency,
      (eventType) => pipelineConfigFor(config, eventType).deduplicateAcrossBatches,
    );

    const byType = new Map<EventType, typeof deduplicated.unique>();
    for (const event of deduplicated.unique) {
      const group = byType.get(event.event.eventType);
      if (group) group.push(event);
      else byType.set(event.event.eventType, [event]);
    }
    const reference = deps.enrichment ? await deps.enrichment.referenceTables() : {};
    const toWrite: EventToWrite[] = [];
    for (const [eventType, group] of byType) {
      const events: DomainEvent[] = group.map((p) => p.event);
      const enriched: readonly EnrichedEvent[] =
        deps.enrichment && pipelineConfigFor(config, eventType).enrich
          ? enrichEvents(deps.enrichment.enrich, eventType, events, reference)
          : (events as EnrichedEvent[]);
      group.forEach((prepared, index) => {
        const event = enriched[index] ?? (prepared.event as EnrichedEvent);
        toWrite.push({
          eventType,
          occurredAt: prepared.event.occurredAt,
          raw: pipelineConfigFor(config, eventType).writeRaw ? event : undefined,
          curated: withEnrichedColumns(prepared.masked, event, eventType),
        });
      });
    }

    const written = await writeZones(deps, batch, handled, toWrite, prepared.rejected);
    if (deps.idempotency && deduplicated.toRecord.length > 0) {
      await deps.idempotency.record(deduplicated.toRecord, batchKey);
    }

    const byEventType: Partial<Record<EventType, EventTypeCounts>> = {};
    for (const eventType of Object.keys(EVENT_TYPES) as EventType[]) {
      const valid = prepared.events.filter((p) => p.event.eventType === eventType).length;
      if (valid === 0) continue;
      const writtenCount = byType.get(eventType)?.length ?? 0;
      byEventType[eventType] = { valid, duplicates: valid - writtenCount, written: writtenCount };
    }
    return {
      batchKey: batchKey.replace(/\.batch$/, ''),
      records: handled.length,
      valid: prepared.events.length,
      quarantined: prepared.rejected.length,
      duplicatesInBatch: deduplicated.duplicatesInBatch,
      duplicatesAcrossBatches: deduplicated.duplicatesAcrossBatches,
      byReason: written.byReason,
      byEventType,
      filesWritten: written.files,
      masked: prepared.masked,
      ...(prepared.retryFrom ? { retryFrom: prepared.retryFrom, poisonError: prepared.poisonError } : {}),
    };
  };
}
