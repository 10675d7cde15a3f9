import type { z } from 'zod';
import { AttendeeRegisteredV1, type EventType, FeedbackSubmittedV1, SessionCheckedInV1 } from './attendee-events';

/** How an event type lands in the lake and the warehouse. Adding an event type = a schema + one entry here. */
export interface EventTypeMapping {
  readonly schema: z.ZodObject;
  /** Table name in the Glue catalog and the warehouse (snake_case). */
  readonly table: string;
  /** Current schema version written by producers. */
  readonly schemaVersion: number;
}

export const EVENT_TYPES: Readonly<Record<EventType, EventTypeMapping>> = {
  AttendeeRegistered: { schema: AttendeeRegisteredV1, table: 'attendee_registered', schemaVersion: 1 },
  SessionCheckedIn: { schema: SessionCheckedInV1, table: 'session_checked_in', schemaVersion: 1 },
  FeedbackSubmitted: { schema: FeedbackSubmittedV1, table: 'feedback_submitted', schemaVersion: 1 },
};

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value);
}

/** The event type whose table is `table`, if any. */
export function eventTypeForTable(table: string): EventType | undefined {
  return EVENT_TYPE_NAMES.find((name) => EVENT_TYPES[name].table === table);
}
