import {
  type DomainEvent,
  type EntityType,
  EVENT_TYPES,
  PIPELINE_SOURCES,
  type QuarantineReason,
} from '@sluice/contracts';
import { columnsOf } from '../lake/columns';
import { type BatchId, batchFileName, eventDate, partitionedKey, quarantineKey } from '../lake/keys';
import type { PublishPipelineEvents } from '../ports/event-publisher';
import type { ObjectStore } from '../ports/object-store';
import { decodeRecord, type IncomingRecord } from './decode';
import { type EncodeTable, toRow } from './encode';
import { type MaskingPolicy, maskEvent } from './masking';

export interface StreamBatchDependencies {
  readonly lake: ObjectStore;
  readonly encodeTable: EncodeTable;
  readonly publish: PublishPipelineEvents;
  readonly masking: MaskingPolicy;
}

export interface BatchSummary {
  readonly records: number;
  readonly valid: number;
  readonly quarantined: number;
  readonly duplicatesInBatch: number;
  readonly byReason: Partial<Record<QuarantineReason, number>>;
  readonly filesWritten: string[];
  /** Values masked in the curated copy, per entity type (for metrics). */
  readonly masked: Partial<Record<EntityType, number>>;
}

const PARQUET = 'application/vnd.apache.parquet';

function batchIdOf(records: readonly IncomingRecord[]): BatchId {
  const first = records[0] as IncomingRecord;
  const last = records[records.length - 1] as IncomingRecord;
  return { shardId: first.shardId, firstSequenceNumber: first.sequenceNumber, lastSequenceNumber: last.sequenceNumber };
}

function groupByTableAndDate(events: readonly DomainEvent[]): Map<string, DomainEvent[]> {
  const groups = new Map<string, DomainEvent[]>();
  for (const event of events) {
    const key = `${event.eventType}|${eventDate(event.occurredAt)}`;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

/**
 * One micro-batch from one shard: decode → validate → de-duplicate (by eventId, within the batch) →
 * mask → partition by event type and date → write raw, quarantine, then curated (curated last: its
 * arrival starts the catalog and warehouse flow). Object keys derive from the shard and sequence range,
 * so a retried batch overwrites its own files. Throws only on infrastructure failure; the edge then
 * reports the batch for retry.
 */
export function buildProcessBatch(deps: StreamBatchDependencies) {
  return async function processBatch(records: readonly IncomingRecord[]): Promise<BatchSummary> {
    if (records.length === 0) {
      return { records: 0, valid: 0, quarantined: 0, duplicatesInBatch: 0, byReason: {}, filesWritten: [], masked: {} };
    }
    const batch = batchIdOf(records);
    const seen = new Set<string>();
    const valid: DomainEvent[] = [];
    const invalid: { record: IncomingRecord; reason: QuarantineReason; errors: string[] }[] = [];
    let duplicatesInBatch = 0;
    for (const record of records) {
      const decoded = decodeRecord(record);
      if (!decoded.ok) invalid.push(decoded);
      else if (seen.has(decoded.event.eventId)) duplicatesInBatch++;
      else {
        seen.add(decoded.event.eventId);
        valid.push(decoded.event);
      }
    }

    const groups = groupByTableAndDate(valid);
    const filesWritten: string[] = [];
    const write = async (key: string, body: Uint8Array, contentType: string) => {
      await deps.lake.put(key, body, contentType);
      filesWritten.push(key);
    };
    const fileName = batchFileName(batch, 'parquet');
    for (const [group, events] of groups) {
      const [eventType, dt] = group.split('|') as [DomainEvent['eventType'], string];
      const columns = columnsOf(eventType);
      const rows = events.map((event) => toRow(event, columns));
      await write(
        partitionedKey('raw', EVENT_TYPES[eventType].table, dt, fileName),
        deps.encodeTable(columns, rows),
        PARQUET,
      );
    }

    const byReason: Partial<Record<QuarantineReason, number>> = {};
    if (invalid.length > 0) {
      const lines = invalid.map(({ record, reason, errors }) => {
        byReason[reason] = (byReason[reason] ?? 0) + 1;
        return JSON.stringify({
          reason,
          errors,
          shardId: record.shardId,
          sequenceNumber: record.sequenceNumber,
          partitionKey: record.partitionKey,
          approximateArrivalTimestamp: record.approximateArrivalTimestamp,
          payloadBase64: Buffer.from(record.data).toString('base64'),
        });
      });
      const arrival = new Date((records[0] as IncomingRecord).approximateArrivalTimestamp * 1000)
        .toISOString()
        .slice(0, 10);
      const key = quarantineKey(arrival, batchFileName(batch, 'ndjson'));
      await write(key, Buffer.from(`${lines.join('\n')}\n`), 'application/x-ndjson');
      await deps.publish([
        {
          source: PIPELINE_SOURCES.streamEtl,
          detailType: 'RecordsQuarantined',
          detail: { objectKey: key, count: invalid.length, byReason, shardId: batch.shardId },
        },
      ]);
    }

    const masked: Partial<Record<EntityType, number>> = {};
    for (const [group, events] of groups) {
      const [eventType, dt] = group.split('|') as [DomainEvent['eventType'], string];
      const columns = columnsOf(eventType);
      const rows = events.map((event) => {
        const result = maskEvent(event, deps.masking, 'curated');
        for (const [entity, count] of Object.entries(result.counts)) {
          if (count > 0) masked[entity as EntityType] = (masked[entity as EntityType] ?? 0) + count;
        }
        return toRow(result.masked, columns);
      });
      await write(
        partitionedKey('curated', EVENT_TYPES[eventType].table, dt, fileName),
        deps.encodeTable(columns, rows),
        PARQUET,
      );
    }

    return {
      records: records.length,
      valid: valid.length,
      quarantined: invalid.length,
      duplicatesInBatch,
      byReason,
      filesWritten,
      masked,
    };
  };
}
