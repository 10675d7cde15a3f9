import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { isUsSsn, isValidSsnNumber } from './us-ssn';

const ssns = (text: string) => found(text, 'US_SSN');

describe('US_SSN', () => {
  it('finds the dashed form on its own', () => {
    expect(ssns('The form is attached, 536-22-1234 is on page two.')).toEqual(['536-22-1234']);
  });

  it('finds spaced and bare forms next to an SSN word', () => {
    expect(ssns('SSN: 536221234')).toEqual(['536221234']);
    expect(ssns('social security number 536 22 1234.')).toEqual(['536 22 1234']);
    expect(ssns('SSN#536-22-1234')).toEqual(['536-22-1234']);
  });

  it('a bare 9-digit number needs an SSN word', () => {
    expect(ssns('Reference 536221234 attached')).toEqual([]);
    expect(ssns('Got 536221234 in the letter')).toEqual([]);
    expect(ssns('My SSN is on file. Reference 536221234.')).toEqual([]);
  });

  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '123-00-4567', '123-45-0000', '078-05-1120'])(
    'rejects %s (ranges the SSA never issues)',
    (value) => {
      expect(isValidSsnNumber(value)).toBe(false);
      expect(ssns(`SSN ${value}`)).toEqual([]);
    },
  );

  it('rejects a dashed number after an identifier word, or inside a longer number', () => {
    expect(ssns('part 536-22-1234 is out of stock')).toEqual([]);
    expect(ssns('serial 1-536-22-1234-9')).toEqual([]);
  });

  it('validates declared values', () => {
    expect(isUsSsn('536-22-1234')).toBe(true);
    expect(isUsSsn('536221234')).toBe(true);
    expect(isUsSsn('536-221234')).toBe(false);
  });
});
