import type { Token } from './tokens';

/** A range of partition dates: `from` inclusive, `to` exclusive (ISO dates, UTC). */
export interface DateRange {
  readonly from?: string;
  readonly to?: string;
  readonly label: string;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

function utcMidnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** Monday of the ISO week that contains `day` (UTC midnight ms). */
function mondayOf(day: number): number {
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}

/**
 * Reads a time expression at `tokens[at]`, relative to `now` (so answers are deterministic for a given
 * clock). Returns the range and how many tokens it used, or undefined if no expression starts there.
 */
export function readDateRange(
  tokens: readonly Token[],
  at: number,
  now: Date,
): { range: DateRange; length: number } | undefined {
  const word = (offset: number) => tokens[at + offset]?.text ?? '';
  const today = utcMidnight(now);
  const tomorrow = today + DAY_MS;
  const two = `${word(0)} ${word(1)}`;
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const previousMonthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);

  if (word(0) === 'today') return { range: { from: iso(today), to: iso(tomorrow), label: 'today' }, length: 1 };
  if (word(0) === 'yesterday') {
    return { range: { from: iso(today - DAY_MS), to: iso(today), label: 'yesterday' }, length: 1 };
  }
  if (two === 'this week') return { range: { from: iso(mondayOf(today)), to: iso(tomorrow), label: two }, length: 2 };
  if (two === 'last week' || two === 'previous week') {
    const monday = mondayOf(today);
    return { range: { from: iso(monday - 7 * DAY_MS), to: iso(monday), label: 'last week' }, length: 2 };
  }
  if (two === 'past week') {
    return { range: { from: iso(today - 6 * DAY_MS), to: iso(tomorrow), label: 'the past 7 days' }, length: 2 };
  }
  if (two === 'this month') return { range: { from: iso(monthStart), to: iso(tomorrow), label: two }, length: 2 };
  if (two === 'last month' || two === 'previous month') {
    return { range: { from: iso(previousMonthStart), to: iso(monthStart), label: 'last month' }, length: 2 };
  }
  if ((word(0) === 'last' || word(0) === 'past') && /^\d{1,3}$/.test(word(1)) && /^days?$/.test(word(2))) {
    const days = Number(word(1));
    if (days >= 1) {
      const from = iso(today - (days - 1) * DAY_MS);
      return { range: { from, to: iso(tomorrow), label: `the last ${days} days` }, length: 3 };
    }
  }
  if ((word(0) === 'since' || word(0) === 'after') && isIsoDate(word(1))) {
    const from = word(0) === 'since' ? word(1) : iso(Date.parse(`${word(1)}T00:00:00Z`) + DAY_MS);
    return { range: { from, label: `${word(0)} ${word(1)}` }, length: 2 };
  }
  if (word(0) === 'before' && isIsoDate(word(1))) return { range: { to: word(1), label: two }, length: 2 };
  if (word(0) === 'between' && isIsoDate(word(1)) && word(2) === 'and' && isIsoDate(word(3))) {
    const to = iso(Date.parse(`${word(3)}T00:00:00Z`) + DAY_MS);
    return { range: { from: word(1), to, label: `${word(1)} to ${word(3)}` }, length: 4 };
  }
  if (isIsoDate(word(0))) {
    const to = iso(Date.parse(`${word(0)}T00:00:00Z`) + DAY_MS);
    return { range: { from: word(0), to, label: `on ${word(0)}` }, length: 1 };
  }
  return undefined;
}
