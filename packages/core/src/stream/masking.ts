import { type DomainEvent, type EntityType, EVENT_TYPES, sensitiveFields } from '@sluice/contracts';
import {
  type EntityCounts,
  maskRecord,
  parseSensitiveDataPolicy,
  type SensitiveDataPolicy,
  type Sink,
} from '@sluice/sensitive-data';

/** The detection and masking policy (actions per entity type and per sink); see @sluice/sensitive-data. */
export type MaskingPolicy = SensitiveDataPolicy;

/**
 * The privacy-first default policy: nothing identifying reaches the curated zone or the warehouse
 * unmasked; e-mails and phones become keyed tokens (same input → same token, so analysts can still join
 * and count distinct), names are redacted, free text is scanned.
 */
export function defaultMaskingPolicy(hmacKey: string): MaskingPolicy {
  return parseSensitiveDataPolicy({ hmacKey });
}

// The annotations of a schema never change: read them once per event type, not once per event.
const annotationsByType = new Map<DomainEvent['eventType'], Record<string, EntityType>>();
function annotationsOf(eventType: DomainEvent['eventType']): Record<string, EntityType> {
  let fields = annotationsByType.get(eventType);
  if (!fields) {
    fields = sensitiveFields(EVENT_TYPES[eventType].schema);
    annotationsByType.set(eventType, fields);
  }
  return fields;
}

/** A masked copy of the event for one sink, and how many values of each entity type were masked. */
export function maskEvent(
  event: DomainEvent,
  policy: MaskingPolicy,
  sink: Sink = 'curated',
): { masked: Record<string, unknown>; counts: EntityCounts['counts'] } {
  const { masked, counts } = maskRecord(event, annotationsOf(event.eventType), policy, sink);
  return { masked, counts };
}
