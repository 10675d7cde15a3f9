import type { DomainEvent, EventType } from '@sluice/contracts';
import type { CellValue } from '../stream/encode';

/** An event with the columns the enrichment SQL added (declared per event type in the contract). */
export type EnrichedEvent = DomainEvent & Record<string, CellValue | undefined>;

/** Reference tables by name (`countries`, `sessions`), each a list of rows with snake_case columns. */
export type ReferenceTables = Readonly<Record<string, readonly Record<string, unknown>[]>>;

/**
 * Joins one event type's events of a micro-batch with reference data (the service's `<table>.sql`).
 * Returns one enriched event per input event, in input order.
 */
export type EnrichEvents = (
  eventType: EventType,
  events: readonly DomainEvent[],
  reference: ReferenceTables,
) => EnrichedEvent[];
