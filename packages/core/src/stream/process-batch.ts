import type { DomainEvent, EntityType, EventType, QuarantineReason } from '@sluice/contracts';
import { type BatchId, batchKeyOf } from '../lake/keys';
import type { EnrichEvents, EnrichedEvent, ReferenceTables } from '../ports/enrichment';
import type { PublishPipelineEvents } from '../ports/event-publisher';
import type { IdempotencyStore } from '../ports/idempotency';
import type { ObjectStore } from '../ports/object-store';
import type { IncomingRecord } from './decode';
import { deduplicate } from './deduplicate';
import type { EncodeTable } from './encode';
import { enrichEvents, withEnrichedColumns } from './enrich';
import { groupBy } from './group-by';
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
    const batchKey = batchKeyOf(batch);

    const deduplicated = await deduplicate(
      prepared.events,
      batchKey,
      deps.idempotency,
      (eventType) => pipelineConfigFor(config, eventType).deduplicateAcrossBatches,
    );

    const byType = groupBy(deduplicated.unique, (prepared) => prepared.event.eventType);
    const reference = deps.enrichment ? await deps.enrichment.referenceTables() : {};
    const toWrite: EventToWrite[] = [];
    for (const [eventType, group] of byType) {
      const settings = pipelineConfigFor(config, eventType);
      const events: DomainEvent[] = group.map((p) => p.event);
      const enriched: readonly EnrichedEvent[] =
        deps.enrichment && settings.enrich
          ? enrichEvents(deps.enrichment.enrich, eventType, events, reference)
          : (events as EnrichedEvent[]);
      group.forEach((prepared, index) => {
        const event = enriched[index] ?? (prepared.event as EnrichedEvent);
        toWrite.push({
          eventType,
          occurredAt: prepared.event.occurredAt,
          raw: settings.writeRaw ? event : undefined,
          curated: withEnrichedColumns(prepared.masked, event, eventType),
        });
      });
    }

    const written = await writeZones(deps, batch, handled, toWrite, prepared.rejected);
    if (deps.idempotency && deduplicated.toRecord.length > 0) {
      await deps.idempotency.record(deduplicated.toRecord, batchKey);
    }

    const byEventType: Partial<Record<EventType, EventTypeCounts>> = {};
    for (const [eventType, valid] of groupBy(prepared.events, (p) => p.event.eventType)) {
      const writtenCount = byType.get(eventType)?.length ?? 0;
      byEventType[eventType] = { valid: valid.length, duplicates: valid.length - writtenCount, written: writtenCount };
    }
    return {
      batchKey,
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
