/**
 * Test fixtures for the warehouse, catalog and lake-query tests: valid events of every type, written as
 * curated Parquet files exactly as the stream writes them (columnsOf + toRow + encodeParquet).
 * Not exported from the package.
 */
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, type EventType, type FeedbackSubmittedV1, type SessionCheckedInV1 } from '@sluice/contracts';
import { type ColumnDefinition, columnsOf, partitionedKey, toRow } from '@sluice/core';
import { writeParquetFile } from '../../duckdb/test-support/lake-fixtures';

export { attendeeRegistered, temporaryDirectory } from '../../duckdb/test-support/lake-fixtures';

let sequence = 0;

export function sessionCheckedIn(overrides: Partial<SessionCheckedInV1> = {}): SessionCheckedInV1 {
  sequence++;
  return {
    eventId: randomUUID(),
    eventType: 'SessionCheckedIn',
    schemaVersion: 1,
    occurredAt: '2026-11-25T10:05:00.000Z',
    attendeeId: `att-${sequence}`,
    sessionId: 'sess-keynote',
    room: 'Main hall',
    ...overrides,
  };
}

export function feedbackSubmitted(overrides: Partial<FeedbackSubmittedV1> = {}): FeedbackSubmittedV1 {
  sequence++;
  return {
    eventId: randomUUID(),
    eventType: 'FeedbackSubmitted',
    schemaVersion: 1,
    occurredAt: '2026-11-25T11:00:00.000Z',
    attendeeId: `att-${sequence}`,
    sessionId: 'sess-keynote',
    rating: 5,
    ...overrides,
  };
}

/**
 * Writes events of one type as one curated file of partition `dt`; returns its object key. `columns`
 * defaults to the contract's, and may be a modified list (a contract with a new or retyped field).
 */
export function writeEventsFile(
  lakeRoot: string,
  eventType: EventType,
  dt: string,
  fileName: string,
  events: readonly Record<string, unknown>[],
  columns: readonly ColumnDefinition[] = columnsOf(eventType),
): Promise<string> {
  const key = partitionedKey('curated', EVENT_TYPES[eventType].table, dt, fileName);
  const rows = events.map((event) => toRow(event, columns));
  return writeParquetFile(lakeRoot, key, columns, rows);
}
