import type { DomainEvent, EntityType, QuarantineReason } from '@sluice/contracts';
import { errorMessage } from '../observability/log';
import { decodeRecord, type IncomingRecord } from './decode';
import { type MaskingPolicy, maskEvent } from './masking';

/** A record that passed decode → validate → mask: the event, and its masked copy for the curated zone. */
export interface PreparedEvent {
  readonly index: number;
  readonly record: IncomingRecord;
  readonly event: DomainEvent;
  readonly masked: Record<string, unknown>;
}

export interface RejectedRecord {
  readonly record: IncomingRecord;
  readonly reason: QuarantineReason;
  readonly errors: string[];
}

export interface PreparedRecords {
  readonly events: PreparedEvent[];
  readonly rejected: RejectedRecord[];
  /** How many records (from the start of the batch) this invocation handles; the rest go back to Kinesis. */
  readonly handled: number;
  /** The sequence number Lambda must retry from, when a poison record cut the batch. */
  readonly retryFrom?: string;
  readonly poisonError?: string;
  readonly masked: Partial<Record<EntityType, number>>;
}

/**
 * The per-record stages. Invalid input is a value (quarantined with its reason). A record that makes a
 * stage throw is a poison record: if it is the batch's first record (Lambda retried from it), it is
 * quarantined as PROCESSING_ERROR; otherwise the batch is cut just before it, the records before it are
 * written, and the batch reports a failure at its sequence number, so Lambda checkpoints there and
 * retries from it. Nothing is dropped, and the shard is blocked for one retry at most.
 */
export function prepareRecords(
  records: readonly IncomingRecord[],
  masking: MaskingPolicy,
  maskStage: typeof maskEvent = maskEvent,
): PreparedRecords {
  const events: PreparedEvent[] = [];
  const rejected: RejectedRecord[] = [];
  const masked: Partial<Record<EntityType, number>> = {};
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as IncomingRecord;
    try {
      const decoded = decodeRecord(record);
      if (!decoded.ok) {
        rejected.push(decoded);
        continue;
      }
      const result = maskStage(decoded.event, masking, 'curated');
      for (const [entity, count] of Object.entries(result.counts)) {
        if (count > 0) masked[entity as EntityType] = (masked[entity as EntityType] ?? 0) + count;
      }
      events.push({ index, record, event: decoded.event, masked: result.masked });
    } catch (error) {
      if (index === 0) {
        rejected.push({ record, reason: 'PROCESSING_ERROR', errors: [errorMessage(error)] });
        continue;
      }
      return {
        events,
        rejected,
        handled: index,
        retryFrom: record.sequenceNumber,
        poisonError: errorMessage(error),
        masked,
      };
    }
  }
  return { events, rejected, handled: records.length, masked };
}
