import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { isEmail } from './email';

describe('EMAIL', () => {
  it.each([
    'ada@example.com',
    'ada.lovelace+etl@mail.example.co.uk',
    'O_Connor-99@corp.example.net',
    "o'brien@example.ie",
  ])('accepts %s', (value) => {
    expect(isEmail(value)).toBe(true);
    expect(found(`mail ${value} today`, 'EMAIL')).toEqual([value]);
  });

  it.each([
    '@handle',
    'ada@localhost',
    'ada@@example.com',
    'ada..lovelace@example.com',
    '.ada@example.com',
    'ada@example.c',
    'ada@-example.com',
    'ada@example.123',
  ])('rejects %s', (value) => {
    expect(isEmail(value)).toBe(false);
  });

  it('finds the address without surrounding punctuation', () => {
    expect(found('Reply to me (ada@example.com). Or <grace@example.org>, mailto:alan@example.net.', 'EMAIL')).toEqual([
      'ada@example.com',
      'grace@example.org',
      'alan@example.net',
    ]);
  });

  it('ignores social handles and bare "@"', () => {
    expect(found('thanks @ada, see you @ 5pm at the shop @home', 'EMAIL')).toEqual([]);
  });
});
