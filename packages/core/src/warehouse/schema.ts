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

export const MATERIALIZED_VIEWS: readonly MaterializedView[] = [
  {
    name: 'mv_attendees_by_country',
    sql: 'SELECT country, COUNT(*) AS attendees FROM attendee_registered GROUP BY country',
  },
];
