import { describe, expect, it } from 'vitest';
import { isPlausibleDateOfBirth, parseDateOfBirth } from './date-of-birth';

const now = new Date('2026-06-01T00:00:00Z');

describe('DATE_OF_BIRTH (declared fields)', () => {
  it.each([
    ['1985-03-12', '1985-03-12'],
    ['1985-03-12T00:00:00Z', '1985-03-12'],
    ['1985/03/12', '1985-03-12'],
    ['12.03.1985', '1985-03-12'],
    ['12 March 1985', '1985-03-12'],
    ['March 12, 1985', '1985-03-12'],
    ['Mar 12th 1985', '1985-03-12'],
  ])('parses %s', (value, iso) => {
    expect(parseDateOfBirth(value, now)?.toISOString().slice(0, 10)).toBe(iso);
  });

  it('reads 03/04/1985 either way, and 13/04/1985 only day first', () => {
    expect(isPlausibleDateOfBirth('03/04/1985', now)).toBe(true);
    expect(parseDateOfBirth('13/04/1985', now)?.toISOString().slice(0, 10)).toBe('1985-04-13');
  });

  it('accepts Date objects in the past', () => {
    expect(isPlausibleDateOfBirth(new Date('1990-01-01'), now)).toBe(true);
  });

  it.each(['2030-01-01', '2026-06-02', '1990-02-30', '1990-13-01', '1850-01-01', 'unknown', 'yesterday', '12345', ''])(
    'rejects %s',
    (value) => {
      expect(isPlausibleDateOfBirth(value, now)).toBe(false);
    },
  );
});
