import { type DomainEvent, EVENT_TYPES, type EventType } from '@sluice/contracts';
import { SluiceError } from '../errors';
import type { EnrichEvents, EnrichedEvent, ReferenceTables } from '../ports/enrichment';

export class EnrichmentError extends SluiceError {
  constructor(eventType: EventType, problem: string, options?: { cause?: unknown }) {
    super('ENRICHMENT', `enrichment of ${eventType}: ${problem}`, options);
  }
}

const TYPE_CHECKS = {
  string: (value: unknown) => typeof value === 'string',
  double: (value: unknown) => typeof value === 'number',
  int: (value: unknown) => Number.isInteger(value),
} as const;

/**
 * Runs the event type's enrichment and checks what it returned against the contract: one row per event, in
 * order, every declared enriched column present with its declared type (or null). A join that drops or
 * multiplies events, or a SQL that forgets a column, fails here with a message saying so, not downstream.
 */
export function enrichEvents(
  enrich: EnrichEvents,
  eventType: EventType,
  events: readonly DomainEvent[],
  reference: ReferenceTables,
): EnrichedEvent[] {
  let output: EnrichedEvent[];
  try {
    output = enrich(eventType, events, reference);
  } catch (error) {
    throw new EnrichmentError(eventType, (error as Error).message, { cause: error });
  }
  if (output.length !== events.length) {
    throw new EnrichmentError(
      eventType,
      `the SQL returned ${output.length} rows for ${events.length} events; it must return exactly one row per event (check the join keys are unique)`,
    );
  }
  const columns = EVENT_TYPES[eventType].enrichedColumns;
  output.forEach((row, index) => {
    if (row.eventId !== events[index]?.eventId) {
      throw new EnrichmentError(
        eventType,
        `row ${index} is event ${row.eventId}, expected ${events[index]?.eventId}: keep the batch's order`,
      );
    }
    for (const { field, type } of columns) {
      const value = row[field];
      if (value === undefined) {
        if (!(field in row))
          throw new EnrichmentError(eventType, `the SQL does not return the declared column ${field}`);
        row[field] = null;
      } else if (value !== null && !TYPE_CHECKS[type](value)) {
        throw new EnrichmentError(eventType, `column ${field} is ${typeof value}, declared ${type}`);
      }
    }
  });
  return output;
}

/** Copies the enriched columns onto the masked copy of an event (they come from reference data, not people). */
export function withEnrichedColumns(
  masked: Record<string, unknown>,
  enriched: EnrichedEvent,
  eventType: EventType,
): Record<string, unknown> {
  const copy = { ...masked };
  for (const { field } of EVENT_TYPES[eventType].enrichedColumns) copy[field] = enriched[field] ?? null;
  return copy;
}
