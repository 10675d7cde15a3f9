import { describe, expect, it } from 'vitest';
import { isPlausiblePersonName } from './person-name';

describe('PERSON_NAME (declared fields)', () => {
  it.each(['Ada Lovelace', "Siobhán O'Connor-Smith", 'José María García', 'J. R. R. Tolkien', '李小龍', 'Prince'])(
    'accepts %s',
    (value) => {
      expect(isPlausiblePersonName(value)).toBe(true);
    },
  );

  it.each([
    'N/A',
    'unknown',
    '12345',
    'ada@example.com',
    'Order #4821',
    '-',
    'A',
    'R2-D2',
    'one two three four five six seven',
  ])('rejects %s', (value) => {
    expect(isPlausiblePersonName(value)).toBe(false);
  });
});
