import { regions } from './countries';
import type { QuestionIntent, ValueFilter } from './parse-question';
import { sqlDate, sqlIdentifier, sqlString } from './sql-text';
import type { DimensionField, MeasureField } from './topic';

export type ChartKind = 'bar' | 'line' | 'number';

export interface QuerySpec {
  readonly sql: string;
  readonly chart: ChartKind;
  /** Result column with the category (absent for a single number). */
  readonly categoryColumn?: string;
  readonly valueColumn: string;
}

/** Rows beyond this are not returned for a grouping without "top N". */
export const MAX_GROUPS = 200;

// One row per attendee, so joining check-ins or feedback to their attendee never multiplies rows.
const ATTENDEE_JOIN =
  'JOIN (SELECT attendee_id, MIN(country) AS country, MIN(ticket_type) AS ticket_type FROM attendee_registered GROUP BY attendee_id) AS a ON a.attendee_id = f.attendee_id';

export class IncompatibleFieldsError extends Error {
  override readonly name = 'IncompatibleFieldsError';
}

/** Where a dimension's column is, seen from the measure's fact table `f` (or the joined attendee `a`). */
function columnOf(dimension: DimensionField, measure: MeasureField): { expr: string; needsJoin: boolean } {
  const column = sqlIdentifier(dimension.column);
  if (dimension.tables.includes(measure.table)) return { expr: `f.${column}`, needsJoin: false };
  if (dimension.tables.includes('attendee_registered')) return { expr: `a.${column}`, needsJoin: true };
  const words = (id: string) => id.replaceAll('_', ' ');
  throw new IncompatibleFieldsError(
    `${words(measure.label)} cannot be split or filtered by ${words(dimension.label)}: ${words(dimension.label)} ` +
      `belongs to ${dimension.tables.map(words).join(' and ')} events, ${words(measure.label)} to ${words(measure.table)}.`,
  );
}

function aggregate(measure: MeasureField): string {
  if (measure.aggregation === 'count') return 'COUNT(*)';
  const column = `f.${sqlIdentifier(measure.column ?? '')}`;
  if (measure.aggregation === 'sum') return `ROUND(SUM(${column}), 2)`;
  // CAST: Redshift's AVG of an integer column is an integer.
  return `ROUND(AVG(CAST(${column} AS DOUBLE PRECISION)), 2)`;
}

function regionCase(column: string): string {
  const continents = ['Africa', 'Americas', 'Antarctic', 'Asia', 'Europe', 'Oceania'];
  const all = regions();
  const arms = continents.map((name) => {
    const codes = all.get(name.toLowerCase())?.codes ?? [];
    return `WHEN ${column} IN (${codes.map(sqlString).join(', ')}) THEN ${sqlString(name)}`;
  });
  return `CASE ${arms.join(' ')} ELSE 'Unknown' END`;
}

function filterCondition(filter: ValueFilter, measure: MeasureField): { sql: string; needsJoin: boolean } {
  const { expr, needsJoin } = columnOf(filter.dimension, measure);
  return { sql: `${expr} IN (${filter.values.map(sqlString).join(', ')})`, needsJoin };
}

/**
 * The SQL of an intent, portable between Redshift and DuckDB. Identifiers come from the topic only; values
 * from its whitelists (see sql-text.ts). Throws IncompatibleFieldsError when a field does not apply to
 * the measure (sessions of a registration, say).
 */
export function buildSql(intent: QuestionIntent): QuerySpec {
  const { measure } = intent;
  const value = sqlIdentifier(measure.label);
  let needsJoin = false;
  const where: string[] = [];
  for (const filter of intent.filters) {
    const condition = filterCondition(filter, measure);
    needsJoin ||= condition.needsJoin;
    where.push(condition.sql);
  }
  if (intent.dateRange?.from) where.push(`f.dt >= ${sqlDate(intent.dateRange.from)}`);
  if (intent.dateRange?.to) where.push(`f.dt < ${sqlDate(intent.dateRange.to)}`);

  let category: { expr: string; name: string } | undefined;
  const group = intent.groupBy;
  if (group && 'dimension' in group) {
    const column = columnOf(group.dimension, measure);
    needsJoin ||= column.needsJoin;
    const expr = group.dimension.id === 'region' ? regionCase(column.expr) : column.expr;
    category = { expr, name: sqlIdentifier(group.dimension.id === 'region' ? 'region' : group.dimension.label) };
  } else if (group && 'granularity' in group) {
    const id = group.granularity.id;
    category = { expr: id === 'day' ? 'f.dt' : `CAST(DATE_TRUNC('${id}', f.dt) AS DATE)`, name: id };
  }

  const from = `FROM ${sqlIdentifier(measure.table)} AS f${needsJoin ? ` ${ATTENDEE_JOIN}` : ''}`;
  const whereSql = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  if (!category) {
    return { sql: `SELECT ${aggregate(measure)} AS ${value} ${from}${whereSql}`, chart: 'number', valueColumn: value };
  }
  const isTime = group !== undefined && 'granularity' in group;
  const order = intent.rank
    ? `${value} ${intent.rank.direction.toUpperCase()}, ${category.name}`
    : isTime
      ? category.name
      : `${value} DESC, ${category.name}`;
  const limit = intent.rank?.limit ?? MAX_GROUPS;
  return {
    sql: `SELECT ${category.expr} AS ${category.name}, ${aggregate(measure)} AS ${value} ${from}${whereSql} GROUP BY ${category.expr} ORDER BY ${order} LIMIT ${limit}`,
    chart: isTime ? 'line' : 'bar',
    categoryColumn: category.name,
    valueColumn: value,
  };
}
