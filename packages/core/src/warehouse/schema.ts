import { EVENT_TYPE_NAMES, EVENT_TYPES } from '@sluice/contracts';
import { type ColumnDefinition, columnsOf } from '../lake/columns';

export interface FactTable {
  readonly table: string;
  readonly columns: readonly ColumnDefinition[];
}

/** One fact table per event type, with the contract's columns plus the partition date `dt`. */
export function factTables(): FactTable[] {
  return EVENT_TYPE_NAMES.map((eventType) => ({ table: EVENT_TYPES[eventType].table, columns: columnsOf(eventType) }));
}

export interface MaterializedView {
  readonly name: string;
  /** Portable SQL (runs on Redshift and DuckDB). */
  readonly sql: string;
}

/**
 * The warehouse's materialized views, rebuilt after every load. The SQL is the common subset of Redshift
 * and DuckDB (no `::` casts, no FILTER clauses, no AVG over integers, which Redshift truncates), so the
 * same text runs on both and the lake query engine answers the same question with the same statement.
 */
export const MATERIALIZED_VIEWS: readonly MaterializedView[] = [
  {
    name: 'mv_attendees_by_country',
    sql: 'SELECT country, COUNT(*) AS attendees FROM attendee_registered GROUP BY country',
  },
  {
    // dt is the UTC date of occurred_at (the lake partition the row came from).
    name: 'mv_registrations_per_day',
    sql: 'SELECT dt, COUNT(*) AS registrations FROM attendee_registered GROUP BY dt',
  },
  {
    // One row per session that has check-ins or feedback: a UNION ALL of both counts, summed, because an
    // outer join would rule out Redshift's incremental refresh. Sums are cast back to BIGINT (Redshift sums
    // into NUMERIC, DuckDB into HUGEINT); the average is over ratings as doubles.
    name: 'mv_session_popularity',
    sql: [
      'SELECT session_id, CAST(SUM(check_ins) AS BIGINT) AS check_ins,',
      '  CAST(SUM(feedback_count) AS BIGINT) AS feedback_count,',
      '  CASE WHEN SUM(feedback_count) > 0 THEN ROUND(SUM(rating_sum) / SUM(feedback_count), 2) END AS average_rating',
      'FROM (',
      '  SELECT session_id, COUNT(*) AS check_ins, 0 AS feedback_count, CAST(0 AS DOUBLE PRECISION) AS rating_sum',
      '  FROM session_checked_in GROUP BY session_id',
      '  UNION ALL',
      '  SELECT session_id, 0 AS check_ins, COUNT(*) AS feedback_count, SUM(CAST(rating AS DOUBLE PRECISION)) AS rating_sum',
      '  FROM feedback_submitted GROUP BY session_id',
      ') AS per_source',
      'GROUP BY session_id',
    ].join('\n'),
  },
];
