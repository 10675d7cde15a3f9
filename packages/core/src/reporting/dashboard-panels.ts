import type { Row, Warehouse } from '../ports/warehouse';

export type PanelChart = 'bar' | 'line' | 'doughnut';

/** One chart of the dashboard: the warehouse query behind it and which columns it plots. */
export interface DashboardPanel {
  /** Also the API route: GET /api/<id>. */
  readonly id: string;
  readonly title: string;
  readonly chart: PanelChart;
  readonly categoryColumn: string;
  readonly valueColumns: readonly string[];
  /** Portable SQL (Redshift and DuckDB), on the materialized views where one fits. */
  readonly sql: string;
}

export interface PanelData {
  readonly panel: DashboardPanel;
  readonly rows: Row[];
}

/**
 * The warehouse panels of the dashboard, queried directly (no copy) on every refresh. Exported as a list
 * so the dashboard benchmark measures exactly these statements.
 */
export const DASHBOARD_PANELS: readonly DashboardPanel[] = [
  {
    id: 'attendees-by-country',
    title: 'Attendees by country (top 15)',
    chart: 'bar',
    categoryColumn: 'country',
    valueColumns: ['attendees'],
    sql: 'SELECT country, attendees FROM mv_attendees_by_country ORDER BY attendees DESC, country LIMIT 15',
  },
  {
    id: 'registrations-per-day',
    title: 'Registrations per day',
    chart: 'line',
    categoryColumn: 'day',
    valueColumns: ['registrations'],
    sql: 'SELECT dt AS day, registrations FROM mv_registrations_per_day ORDER BY dt',
  },
  {
    id: 'ticket-types',
    title: 'Ticket types',
    chart: 'doughnut',
    categoryColumn: 'ticket_type',
    valueColumns: ['registrations'],
    sql: 'SELECT ticket_type, COUNT(*) AS registrations FROM attendee_registered GROUP BY ticket_type ORDER BY registrations DESC, ticket_type',
  },
  {
    id: 'top-sessions',
    title: 'Top sessions by check-ins',
    chart: 'bar',
    categoryColumn: 'session',
    valueColumns: ['check_ins'],
    sql: 'SELECT session_id AS session, check_ins FROM mv_session_popularity WHERE check_ins > 0 ORDER BY check_ins DESC, session_id LIMIT 10',
  },
  {
    id: 'feedback-volume',
    title: 'Feedback per day',
    chart: 'line',
    categoryColumn: 'day',
    valueColumns: ['feedback', 'average_rating'],
    sql: 'SELECT dt AS day, COUNT(*) AS feedback, ROUND(AVG(CAST(rating AS DOUBLE PRECISION)), 2) AS average_rating FROM feedback_submitted GROUP BY dt ORDER BY dt',
  },
];

/** Numbers and dates as JSON-friendly values: counts as numbers, dates as ISO dates. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Runs one panel's query against the warehouse. */
export async function runPanel(warehouse: Warehouse, panel: DashboardPanel): Promise<PanelData> {
  const rows = await warehouse.query(panel.sql);
  return {
    panel,
    rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)]))),
  };
}

export function findPanel(id: string): DashboardPanel | undefined {
  return DASHBOARD_PANELS.find((panel) => panel.id === id);
}
