import { describe, expect, it } from 'vitest';
import { detectValue } from './detect-value';

describe('detectValue', () => {
  it.each([
    ['ada@example.com', 'EMAIL'],
    ['+44 20 7946 0958', 'PHONE_NUMBER'],
    ['(415) 555-2671', 'PHONE_NUMBER'],
    ['4111 1111 1111 1111', 'CREDIT_CARD'],
    [4111111111111111, 'CREDIT_CARD'],
    ['DE89 3704 0044 0532 0130 00', 'IBAN'],
    ['2001:db8::1', 'IP_ADDRESS'],
    ['00:1a:2b:3c:4d:5e', 'MAC_ADDRESS'],
    ['536221234', 'US_SSN'],
    ['Ada Lovelace', 'PERSON_NAME'],
    ['1985-03-12', 'DATE_OF_BIRTH'],
  ] as const)('accepts %s as %s without context words', (value, entity) => {
    expect(detectValue(value, entity, { now: new Date('2026-01-01') })?.entity).toBe(entity);
  });

  it.each([
    ['not an email', 'EMAIL'],
    ['2026-11-25', 'PHONE_NUMBER'],
    ['4111 1111 1111 1112', 'CREDIT_CARD'],
    ['DE89 3704 0044 0532 0130 01', 'IBAN'],
    ['1.2.3', 'IP_ADDRESS'],
    ['666-12-3456', 'US_SSN'],
    ['N/A', 'PERSON_NAME'],
    ['2099-01-01', 'DATE_OF_BIRTH'],
    [null, 'EMAIL'],
    [{ email: 'ada@example.com' }, 'EMAIL'],
  ] as const)('rejects %s as %s', (value, entity) => {
    expect(detectValue(value, entity, { now: new Date('2026-01-01') })).toBeUndefined();
  });

  it('matches a whole value against a custom pattern, with its validator', () => {
    const customPatterns = [{ name: 'LOYALTY_CARD', pattern: 'L\\d{8}', validate: 'luhn' as const }];
    expect(detectValue('L00000018', 'LOYALTY_CARD', { customPatterns })?.entity).toBe('LOYALTY_CARD');
    expect(detectValue('L00000019', 'LOYALTY_CARD', { customPatterns })).toBeUndefined();
    expect(detectValue('x L00000018', 'LOYALTY_CARD', { customPatterns })).toBeUndefined();
    expect(detectValue('L00000018', 'UNKNOWN_PATTERN', { customPatterns })).toBeUndefined();
  });
});
