import type { z } from 'zod';
import { AttendeeRegisteredV1, type EventType, FeedbackSubmittedV1, SessionCheckedInV1 } from './attendee-events';

/** How an event type lands in the lake and the warehouse. Adding an event type = a schema + one entry here. */
export interface EventTypeMapping {
  readonly schema: z.ZodObject;
  /** Table name in the Glue catalog and the warehouse (snake_case). */
  readonly table: string;
  /** Current schema version written by producers. */
  readonly schemaVersion: number;
  /**
   * Columns the stream's enrichment SQL adds from reference data (`services/stream-etl/.../enrichment/<table>.sql`).
   * Declared here so the catalog and the warehouse know them; the stream checks the SQL produces exactly these.
   */
  readonly enrichedColumns: readonly EnrichedColumn[];
}

export interface EnrichedColumn {
  /** camelCase, as the event's own fields; the column is its snake_case form (`countryName` → `country_name`). */
  readonly field: string;
  readonly type: 'string' | 'double' | 'int';
  readonly description: string;
}

const SESSION_COLUMNS: readonly EnrichedColumn[] = [
  { field: 'sessionTitle', type: 'string', description: 'Title of the session (reference: sessions)' },
  { field: 'sessionTrack', type: 'string', description: 'Track of the session (reference: sessions)' },
];

export const EVENT_TYPES: Readonly<Record<EventType, EventTypeMapping>> = {
  AttendeeRegistered: {
    schema: AttendeeRegisteredV1,
    table: 'attendee_registered',
    schemaVersion: 1,
    enrichedColumns: [
      { field: 'countryName', type: 'string', description: 'Country name (reference: countries)' },
      {
        field: 'region',
        type: 'string',
        description: 'World region of the country, e.g. Europe (reference: countries)',
      },
    ],
  },
  SessionCheckedIn: {
    schema: SessionCheckedInV1,
    table: 'session_checked_in',
    schemaVersion: 1,
    enrichedColumns: SESSION_COLUMNS,
  },
  FeedbackSubmitted: {
    schema: FeedbackSubmittedV1,
    table: 'feedback_submitted',
    schemaVersion: 1,
    enrichedColumns: SESSION_COLUMNS,
  },
};

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value);
}

/** The event type whose table is `table`, if any. */
export function eventTypeForTable(table: string): EventType | undefined {
  return EVENT_TYPE_NAMES.find((name) => EVENT_TYPES[name].table === table);
}
