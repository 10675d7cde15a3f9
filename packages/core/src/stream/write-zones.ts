import { EVENT_TYPES, type EventType, PIPELINE_SOURCES, type QuarantineReason } from '@sluice/contracts';
import { columnsOf } from '../lake/columns';
import { type BatchId, batchFileName, eventDate, partitionedKey, quarantineKey } from '../lake/keys';
import type { PublishPipelineEvents } from '../ports/event-publisher';
import type { ObjectStore } from '../ports/object-store';
import type { IncomingRecord } from './decode';
import { type EncodeTable, toRow } from './encode';
import { groupBy } from './group-by';
import type { RejectedRecord } from './record-stages';

const PARQUET = 'application/vnd.apache.parquet';

/** One event on its way to the lake: the enriched event for the raw zone, its masked copy for curated. */
export interface EventToWrite {
  readonly eventType: EventType;
  readonly occurredAt: string;
  /** Undefined when the event type does not write the raw zone. */
  readonly raw: Record<string, unknown> | undefined;
  readonly curated: Record<string, unknown>;
}

interface ZoneWriter {
  readonly lake: ObjectStore;
  readonly encodeTable: EncodeTable;
  readonly publish: PublishPipelineEvents;
}

function partitions(events: readonly EventToWrite[]): Map<string, EventToWrite[]> {
  return groupBy(events, (event) => `${event.eventType}|${eventDate(event.occurredAt)}`);
}

/**
 * Partition → write: raw Parquet, the quarantine NDJSON (reason, errors, shard, sequence number, original
 * payload), then curated Parquet. One object per zone, table and event date, named after the batch.
 */
export async function writeZones(
  deps: ZoneWriter,
  batch: BatchId,
  records: readonly IncomingRecord[],
  events: readonly EventToWrite[],
  rejected: readonly RejectedRecord[],
): Promise<{ files: string[]; byReason: Partial<Record<QuarantineReason, number>> }> {
  const files: string[] = [];
  const fileName = batchFileName(batch, 'parquet');
  const groups = partitions(events);
  const writeTable = async (
    zone: 'raw' | 'curated',
    pick: (event: EventToWrite) => Record<string, unknown> | undefined,
  ) => {
    for (const [group, members] of groups) {
      const [eventType, dt] = group.split('|') as [EventType, string];
      const columns = columnsOf(eventType);
      const rows = members.flatMap((member) => {
        const source = pick(member);
        return source ? [toRow(source, columns)] : [];
      });
      if (rows.length === 0) continue;
      const key = partitionedKey(zone, EVENT_TYPES[eventType].table, dt, fileName);
      await deps.lake.put(key, deps.encodeTable(columns, rows), PARQUET);
      files.push(key);
    }
  };

  await writeTable('raw', (event) => event.raw);

  const byReason: Partial<Record<QuarantineReason, number>> = {};
  if (rejected.length > 0) {
    const lines = rejected.map(({ record, reason, errors }) => {
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
    await deps.lake.put(key, Buffer.from(`${lines.join('\n')}\n`), 'application/x-ndjson');
    files.push(key);
    await deps.publish([
      {
        source: PIPELINE_SOURCES.streamEtl,
        detailType: 'RecordsQuarantined',
        detail: { objectKey: key, count: rejected.length, byReason, shardId: batch.shardId },
      },
    ]);
  }

  await writeTable('curated', (event) => event.curated);
  return { files, byReason };
}
