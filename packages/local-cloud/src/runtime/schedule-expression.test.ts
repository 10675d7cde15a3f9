import { describe, expect, it } from 'vitest';
import { nextRun, parseSchedule } from './schedule-expression';

describe('schedule expressions', () => {
  it('runs cron(0 6 * * ? *) daily at 06:00 UTC', () => {
    const schedule = parseSchedule('cron(0 6 * * ? *)');
    expect(nextRun(schedule, new Date('2026-11-25T05:59:30Z')).toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(nextRun(schedule, new Date('2026-11-25T06:00:00Z')).toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  it('understands weekday names, ranges and steps', () => {
    const schedule = parseSchedule('cron(0/15 9-17 ? * MON-FRI *)');
    // 2026-11-28 is a Saturday: the next run is Monday 09:00.
    expect(nextRun(schedule, new Date('2026-11-27T17:50:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(nextRun(schedule, new Date('2026-11-30T09:00:00Z')).toISOString()).toBe('2026-11-30T09:15:00.000Z');
  });

  it('runs rate() expressions at fixed intervals and refuses what it cannot read', () => {
    expect(nextRun(parseSchedule('rate(5 minutes)'), new Date(0)).getTime()).toBe(300_000);
    expect(() => parseSchedule('cron(0 6 L * ? *)')).toThrow(/not supported/);
    expect(() => parseSchedule('every day')).toThrow(/not a schedule expression/);
  });
});
