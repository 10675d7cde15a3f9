const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MAXIMUM_AGE_YEARS = 130;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

function monthFromName(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** A calendar date in UTC, or undefined when the day does not exist (no 31 April, no 29 February 2023). */
function calendarDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? date : undefined;
}

function candidates(value: string): Date[] {
  const trimmed = value.trim();
  const iso = ISO.exec(trimmed) ?? YEAR_FIRST.exec(trimmed);
  if (iso) return [calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))].filter((d) => d !== undefined);
  const numeric = DAY_OR_MONTH_FIRST.exec(trimmed);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    // 03/04/1985 is 3 April in most of the world and 4 March in the US: either reading will do.
    return [calendarDate(year, b, a), calendarDate(year, a, b)].filter((d) => d !== undefined);
  }
  const dayFirst = DAY_MONTH_NAME.exec(trimmed);
  if (dayFirst) {
    const month = monthFromName(dayFirst[2] ?? '');
    return month ? [calendarDate(Number(dayFirst[3]), month, Number(dayFirst[1]))].filter((d) => d !== undefined) : [];
  }
  const monthFirst = MONTH_NAME_DAY.exec(trimmed);
  if (monthFirst) {
    const month = monthFromName(monthFirst[1] ?? '');
    return month
      ? [calendarDate(Number(monthFirst[3]), month, Number(monthFirst[2]))].filter((d) => d !== undefined)
      : [];
  }
  return [];
}

/**
 * The date a declared birth-date value names, when it is a real calendar date in the past and at most 130
 * years ago. Accepts ISO dates (with or without a time), YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY (with "/", "."
 * or "-"), "12 March 1985", "March 12, 1985" and `Date` objects.
 *
 * @example
 * parseDateOfBirth('1985-03-12', new Date('2026-01-01')); // 1985-03-12T00:00:00.000Z
 * parseDateOfBirth('2030-01-01', new Date('2026-01-01')); // undefined: in the future
 */
export function parseDateOfBirth(value: unknown, now: Date = new Date()): Date | undefined {
  const dates = value instanceof Date ? [value] : typeof value === 'string' ? candidates(value) : [];
  const earliest = Date.UTC(now.getUTCFullYear() - MAXIMUM_AGE_YEARS, now.getUTCMonth(), now.getUTCDate());
  return dates.find(
    (date) => !Number.isNaN(date.getTime()) && date.getTime() < now.getTime() && date.getTime() >= earliest,
  );
}

/** Whether a declared value is a plausible date of birth (see {@link parseDateOfBirth}). */
export function isPlausibleDateOfBirth(value: unknown, now: Date = new Date()): boolean {
  return parseDateOfBirth(value, now) !== undefined;
}
