import type { EventType } from '@sluice/contracts';
import type { IdempotencyStore } from '../ports/idempotency';
import type { PreparedEvent } from './record-stages';

export interface DeduplicatedEvents {
  readonly unique: PreparedEvent[];
  readonly duplicatesInBatch: number;
  readonly duplicatesAcrossBatches: number;
  /** Event ids this batch writes first, to record in the idempotency store once its objects are written. */
  readonly toRecord: string[];
}

/**
 * Keeps the first occurrence of each eventId in the batch, then drops events an earlier batch already
 * wrote (recorded under another batch key). Events recorded under this batch's own key are a retry of
 * this very batch: they are kept, and rewritten to the same objects.
 */
export async function deduplicate(
  events: readonly PreparedEvent[],
  batchKey: string,
  store: IdempotencyStore | undefined,
  acrossBatches: (eventType: EventType) => boolean,
): Promise<DeduplicatedEvents> {
  const seen = new Set<string>();
  const firstOccurrences: PreparedEvent[] = [];
  for (const prepared of events) {
    if (seen.has(prepared.event.eventId)) continue;
    seen.add(prepared.event.eventId);
    firstOccurrences.push(prepared);
  }
  const duplicatesInBatch = events.length - firstOccurrences.length;
  if (!store) return { unique: firstOccurrences, duplicatesInBatch, duplicatesAcrossBatches: 0, toRecord: [] };

  const checked = firstOccurrences.filter((p) => acrossBatches(p.event.eventType)).map((p) => p.event.eventId);
  const recorded = checked.length > 0 ? await store.findRecorded(checked) : new Map<string, string>();
  const unique = firstOccurrences.filter((p) => {
    const by = recorded.get(p.event.eventId);
    return by === undefined || by === batchKey;
  });
  return {
    unique,
    duplicatesInBatch,
    duplicatesAcrossBatches: firstOccurrences.length - unique.length,
    toRecord: checked.filter((id) => !recorded.has(id)),
  };
}
