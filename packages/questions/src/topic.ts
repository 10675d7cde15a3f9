import { TICKET_TYPES } from '@sluice/contracts';

/** A warehouse fact table the topic reads. `f` is its alias in generated SQL. */
export type FactTable = 'attendee_registered' | 'session_checked_in' | 'feedback_submitted';

export type Aggregation = 'count' | 'sum' | 'avg';

/** Something to count or aggregate: "attendees", "check-ins", "average rating". */
export interface MeasureField {
  readonly id: string;
  /** Friendly name, also the result column. */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly table: FactTable;
  /** The default aggregation (QuickSight Q's "default aggregation"). */
  readonly aggregation: Aggregation;
  /** The column aggregated; none for count. */
  readonly column?: string;
}

/**
 * Something to group or filter by. `column` lives on `tables`; a measure on another fact table reaches it
 * through the attendee (joined on attendee_id), which only works for attendee columns.
 */
export interface DimensionField {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
  /** The fact tables that have `column`. */
  readonly tables: readonly FactTable[];
  readonly column: string;
  /** The measure asked for when a question names only this dimension ("top sessions" → check-ins). */
  readonly defaultMeasure: string;
  /** Values a question may name, with their synonyms; the stored value is the key. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Values not listed above that are still allowed, as a whole-token pattern (session ids). */
  readonly valuePattern?: RegExp;
}

/** Time granularity: the grouping column is derived from the partition date `dt` (a UTC date on every fact). */
export interface Granularity {
  readonly id: 'day' | 'week' | 'month';
  readonly synonyms: readonly string[];
}

export interface Topic {
  readonly name: string;
  readonly measures: readonly MeasureField[];
  readonly dimensions: readonly DimensionField[];
  readonly granularities: readonly Granularity[];
  /** Example questions shown when a question cannot be placed. */
  readonly examples: readonly string[];
}

const ticketSynonyms: Record<string, readonly string[]> = {
  standard: ['standard', 'regular', 'normal', 'general admission'],
  vip: ['vip', 'v.i.p.', 'very important person'],
  student: ['student', 'students'],
  speaker: ['speaker', 'speakers'],
  sponsor: ['sponsor', 'sponsors'],
};

/** The conference topic over Sluice's warehouse: what analysts can ask about, in their words. */
export const CONFERENCE_TOPIC: Topic = {
  name: 'Conference attendance',
  measures: [
    {
      id: 'attendees',
      label: 'attendees',
      synonyms: ['attendees', 'attendee', 'people', 'participants', 'participant', 'visitors', 'delegates', 'guests'],
      table: 'attendee_registered',
      aggregation: 'count',
    },
    {
      id: 'registrations',
      label: 'registrations',
      synonyms: [
        'registrations',
        'registration',
        'signups',
        'sign ups',
        'signup',
        'tickets',
        'tickets sold',
        'ticket sales',
        'sales',
        'registered',
      ],
      table: 'attendee_registered',
      aggregation: 'count',
    },
    {
      id: 'revenue',
      label: 'revenue',
      synonyms: ['revenue', 'income', 'turnover', 'ticket revenue', 'money'],
      table: 'attendee_registered',
      aggregation: 'sum',
      column: 'price',
    },
    {
      id: 'check_ins',
      label: 'check_ins',
      synonyms: ['check ins', 'checkins', 'check in', 'checkin', 'checked in', 'attendance', 'visits', 'scans'],
      table: 'session_checked_in',
      aggregation: 'count',
    },
    {
      id: 'feedback',
      label: 'feedback',
      synonyms: ['feedback', 'feedbacks', 'reviews', 'review', 'responses', 'comments', 'feedback volume'],
      table: 'feedback_submitted',
      aggregation: 'count',
    },
    {
      id: 'average_rating',
      label: 'average_rating',
      synonyms: ['average rating', 'avg rating', 'mean rating', 'rating', 'ratings', 'score', 'satisfaction'],
      table: 'feedback_submitted',
      aggregation: 'avg',
      column: 'rating',
    },
  ],
  dimensions: [
    {
      id: 'country',
      label: 'country',
      synonyms: ['country', 'countries', 'nation', 'nations', 'nationality'],
      tables: ['attendee_registered'],
      column: 'country',
      defaultMeasure: 'attendees',
    },
    {
      id: 'region',
      label: 'region',
      synonyms: ['region', 'regions', 'continent', 'continents'],
      tables: ['attendee_registered'],
      column: 'country',
      defaultMeasure: 'attendees',
    },
    {
      id: 'ticket_type',
      label: 'ticket_type',
      synonyms: ['ticket type', 'ticket types', 'type of ticket', 'ticket category', 'pass type', 'ticket kind'],
      tables: ['attendee_registered'],
      column: 'ticket_type',
      defaultMeasure: 'registrations',
      values: Object.fromEntries(TICKET_TYPES.map((type) => [type, ticketSynonyms[type] ?? [type]])),
    },
    {
      id: 'session',
      label: 'session',
      synonyms: ['session', 'sessions', 'talk', 'talks', 'presentation', 'presentations'],
      tables: ['session_checked_in', 'feedback_submitted'],
      column: 'session_id',
      defaultMeasure: 'check_ins',
      valuePattern: /^sess-\d{1,6}$/,
    },
    {
      id: 'room',
      label: 'room',
      synonyms: ['room', 'rooms', 'hall', 'halls', 'venue'],
      tables: ['session_checked_in'],
      column: 'room',
      defaultMeasure: 'check_ins',
    },
    {
      id: 'stars',
      label: 'rating',
      synonyms: ['stars', 'star rating', 'rating value'],
      tables: ['feedback_submitted'],
      column: 'rating',
      defaultMeasure: 'feedback',
    },
  ],
  granularities: [
    { id: 'day', synonyms: ['day', 'days', 'daily', 'date', 'dates', 'over time'] },
    { id: 'week', synonyms: ['week', 'weeks', 'weekly'] },
    { id: 'month', synonyms: ['month', 'months', 'monthly'] },
  ],
  examples: [
    'show me attendees by country',
    'registrations per day last week',
    'top 5 sessions by check-ins in Europe',
    'how many VIP tickets',
    'average rating by session',
    'feedback per day',
    'revenue by ticket type in Germany',
  ],
};
