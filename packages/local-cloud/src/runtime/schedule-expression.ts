/**
 * EventBridge schedule expressions: `rate(5 minutes)` and the six-field `cron(min hour dom month dow year)`
 * (UTC; `*`, `?`, lists, ranges, `/` steps, month and weekday names). L, W and # are not supported and
 * are refused with an error rather than misread.
 */
export type Schedule = { kind: 'rate'; everyMs: number } | { kind: 'cron'; fields: number[][] };

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
// [min, max, names offset] per cron field: minutes, hours, day of month, month, day of week (1 = SUN), year.
const RANGES: [number, number, string[] | undefined, number][] = [
  [0, 59, undefined, 0],
  [0, 23, undefined, 0],
  [1, 31, undefined, 0],
  [1, 12, MONTHS, 1],
  [1, 7, DAYS, 1],
  [1970, 2199, undefined, 0],
];

function parseField(text: string, index: number): number[] {
  const [min, max, names, offset] = RANGES[index] as [number, number, string[] | undefined, number];
  if (text === '*' || text === '?') return range(min, max, 1);
  if (/[LW#]/.test(text)) throw new Error(`cron field "${text}": L, W and # are not supported locally`);
  const value = (token: string) => {
    const byName = names?.indexOf(token.toUpperCase()) ?? -1;
    const number = byName >= 0 ? byName + offset : Number(token);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new Error(`cron field "${text}": ${token} is out of range`);
    return number;
  };
  return text.split(',').flatMap((part) => {
    const [span = '', step] = part.split('/');
    const [from, to] =
      span === '*'
        ? [min, max]
        : span.includes('-')
          ? span.split('-').map(value)
          : [value(span), step ? max : value(span)];
    return range(from as number, to as number, step ? Number(step) : 1);
  });
}

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate)
    return { kind: 'rate', everyMs: Number(rate[1]) * (UNITS[(rate[2] as string).replace(/s$/, '')] as number) };
  const cron = /^cron\((.+)\)$/.exec(expression);
  const parts = cron?.[1]?.trim().split(/\s+/);
  if (parts?.length !== 6) throw new Error(`not a schedule expression: ${expression}`);
  return { kind: 'cron', fields: parts.map(parseField) };
}

/** The first run strictly after `after`. */
export function nextRun(schedule: Schedule, after: Date): Date {
  if (schedule.kind === 'rate') return new Date(after.getTime() + schedule.everyMs);
  const [minutes, hours, days, months, weekdays, years] = schedule.fields as [
    number[],
    number[],
    number[],
    number[],
    number[],
    number[],
  ];
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  for (let i = 0; i < 366 * 24 * 60; i++) {
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    if (
      minutes.includes(t.getUTCMinutes()) &&
      hours.includes(t.getUTCHours()) &&
      days.includes(t.getUTCDate()) &&
      months.includes(t.getUTCMonth() + 1) &&
      weekdays.includes(t.getUTCDay() + 1) &&
      years.includes(t.getUTCFullYear())
    ) {
      return new Date(t.getTime());
    }
  }
  throw new Error('no run within a year');
}
