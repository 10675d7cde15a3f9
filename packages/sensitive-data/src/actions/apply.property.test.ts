import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MaskAction } from '../policy/actions';
import { parseSensitiveDataPolicy } from '../policy/policy';
import { realisticValues, TEST_KEY, testPolicy } from '../test-support';
import type { SensitiveEntity } from '../types';
import { applyAction } from './apply';

const entityAndValue = fc.oneof(
  ...Object.entries(realisticValues).map(([entity, values]) =>
    values.map((value) => ({ entity: entity as SensitiveEntity, value })),
  ),
);

const maskingAction: fc.Arbitrary<MaskAction> = fc.oneof(
  fc.constant<MaskAction>({ kind: 'omit' }),
  fc.constant<MaskAction>({ kind: 'redact' }),
  fc.constant<MaskAction>({ kind: 'hash' }),
  fc.record({
    kind: fc.constant('partial' as const),
    keepLeft: fc.integer({ min: 0, max: 64 }),
    keepRight: fc.integer({ min: 0, max: 64 }),
    keepDomain: fc.boolean(),
  }),
);

describe('masking actions (properties)', () => {
  const policy = testPolicy();

  it('no output of omit, redact, partial or hash contains the original value', () => {
    fc.assert(
      fc.property(entityAndValue, maskingAction, ({ entity, value }, action) => {
        const masked = applyAction(value, entity, action, policy);
        if (action.kind === 'omit') expect(masked).toBeUndefined();
        else expect(masked?.includes(value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('no output contains the original value, even for arbitrary strings of realistic length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 40 }), maskingAction, (value, action) => {
        const masked = applyAction(value, 'CUSTOM_SECRET', action, policy);
        expect(masked === undefined || !masked.includes(value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('partial masks of cards never keep more than the first 6 and last 4 digits', () => {
    fc.assert(
      fc.property(realisticValues.CREDIT_CARD, fc.nat(20), fc.nat(20), (card, keepLeft, keepRight) => {
        const masked = applyAction(
          card,
          'CREDIT_CARD',
          { kind: 'partial', keepLeft, keepRight, keepDomain: false },
          policy,
        );
        const kept = (masked ?? '').replace(/[^0-9]/g, '');
        expect(kept.length).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('hashing is deterministic: the same value and key give the same token', () => {
    const again = parseSensitiveDataPolicy({ hmacKey: TEST_KEY });
    fc.assert(
      fc.property(entityAndValue, ({ entity, value }) => {
        const token = applyAction(value, entity, { kind: 'hash' }, policy);
        expect(token).toMatch(/^tok_[0-9a-f]{32}$/);
        expect(applyAction(value, entity, { kind: 'hash' }, again)).toBe(token);
      }),
    );
  });

  it('different keys give different tokens', () => {
    const other = parseSensitiveDataPolicy({ hmacKey: 'another-key-0123456789abcdef012345' });
    fc.assert(
      fc.property(entityAndValue, ({ entity, value }) => {
        expect(applyAction(value, entity, { kind: 'hash' }, other)).not.toBe(
          applyAction(value, entity, { kind: 'hash' }, policy),
        );
      }),
    );
  });

  it('different values give different tokens', () => {
    fc.assert(
      fc.property(realisticValues.EMAIL, realisticValues.EMAIL, (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        expect(applyAction(a, 'EMAIL', { kind: 'hash' }, policy)).not.toBe(
          applyAction(b, 'EMAIL', { kind: 'hash' }, policy),
        );
      }),
    );
  });

  it('tokens join equal things written differently: emails by case, phones by format, cards by grouping', () => {
    const hash = (value: string, entity: SensitiveEntity) => applyAction(value, entity, { kind: 'hash' }, policy);
    expect(hash(' Ada@Example.COM', 'EMAIL')).toBe(hash('ada@example.com', 'EMAIL'));
    expect(hash('+44 20 7946 0958', 'PHONE_NUMBER')).toBe(hash('0044 (0)20 7946 0958', 'PHONE_NUMBER'));
    expect(hash('4111 1111 1111 1111', 'CREDIT_CARD')).toBe(hash('4111-1111-1111-1111', 'CREDIT_CARD'));
    expect(hash('de89 3704 0044 0532 0130 00', 'IBAN')).toBe(hash('DE89370400440532013000', 'IBAN'));
    expect(hash('00-1A-2B-3C-4D-5E', 'MAC_ADDRESS')).toBe(hash('001a.2b3c.4d5e', 'MAC_ADDRESS'));
  });

  it('tokens of different entities differ for the same text', () => {
    expect(applyAction('536221234', 'US_SSN', { kind: 'hash' }, policy)).not.toBe(
      applyAction('536221234', 'PHONE_NUMBER', { kind: 'hash' }, policy),
    );
  });

  it('audit leaves the value as it is', () => {
    expect(applyAction('ada@example.com', 'EMAIL', { kind: 'audit' }, policy)).toBe('ada@example.com');
  });

  it('redact names the entity, and falls back to stars when the value is the entity name', () => {
    expect(applyAction('ada@example.com', 'EMAIL', { kind: 'redact' }, policy)).toBe('[EMAIL]');
    expect(applyAction('EMAIL', 'EMAIL', { kind: 'redact' }, policy)).toBe('*****');
  });
});
