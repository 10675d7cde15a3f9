import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartialAction } from '../policy/actions';
import { realisticValues } from '../test-support';
import type { SensitiveEntity } from '../types';
import { partialMask } from './partial';

const keep = (keepLeft: number, keepRight: number, keepDomain = false): PartialAction => ({
  kind: 'partial',
  keepLeft,
  keepRight,
  keepDomain,
});

describe('partialMask', () => {
  it('keeps the asked characters and the separators', () => {
    expect(partialMask('+44 20 7946 0958', keep(0, 4), 'PHONE_NUMBER')).toBe('+** ** **** 0958');
    expect(partialMask('536-22-1234', keep(0, 4), 'US_SSN')).toBe('***-**-1234');
  });

  it('never shows a card beyond the first 6 and last 4 digits', () => {
    expect(partialMask('4111 1111 1111 1111', keep(6, 4), 'CREDIT_CARD')).toBe('4111 11** **** 1111');
    expect(partialMask('4111 1111 1111 1111', keep(12, 12), 'CREDIT_CARD')).toBe('4111 11** **** 1111');
  });

  it('keeps the domain of an email when asked', () => {
    expect(partialMask('ada@example.com', keep(1, 0, true), 'EMAIL')).toBe('a**@example.com');
    expect(partialMask('ada@example.com', keep(1, 0, false), 'EMAIL')).toBe('a**@*******.***');
    expect(partialMask('a@example.com', keep(1, 0, true), 'EMAIL')).toBe('*@example.com');
  });

  it('always masks at least a third, trimming the left first', () => {
    expect(partialMask('123456', keep(3, 3), 'ACCOUNT')).toBe('1**456');
    expect(partialMask('abc', keep(5, 5), 'ACCOUNT')).toBe('*bc');
  });

  it('masks values without letters or digits entirely', () => {
    expect(partialMask('-+-', keep(1, 1), 'ACCOUNT')).toBe('***');
  });

  it('never reproduces a realistic value, whatever it is asked to keep (property)', () => {
    const entityAndValue = fc.oneof(
      ...Object.entries(realisticValues).map(([entity, values]) =>
        values.map((value) => ({ entity: entity as SensitiveEntity, value })),
      ),
    );
    fc.assert(
      fc.property(entityAndValue, fc.nat(40), fc.nat(40), fc.boolean(), ({ entity, value }, left, right, domain) => {
        const masked = partialMask(value, keep(left, right, domain), entity);
        expect(masked.includes(value)).toBe(false);
        const significant = Array.from(value).filter((char) => /[\p{L}\p{N}]/u.test(char)).length;
        const hidden = Array.from(masked).filter(
          (char, index) => char === '*' && Array.from(value)[index] !== '*',
        ).length;
        // A third of the letters and digits stay hidden; with keepDomain, a third of the local part.
        const maskedPart = entity === 'EMAIL' && domain ? value.slice(0, value.lastIndexOf('@')) : value;
        const counted = maskedPart === value ? significant : maskedPart.replace(/[^\p{L}\p{N}]/gu, '').length;
        expect(hidden).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(counted / 3)));
      }),
      { numRuns: 2000 },
    );
  });
});
