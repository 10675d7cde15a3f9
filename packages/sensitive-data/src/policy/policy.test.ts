import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from '../errors';
import { TEST_KEY, testPolicy } from '../test-support';
import { parseSensitiveDataPolicy } from './policy';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseSensitiveDataPolicy(input);
  } catch (error) {
    if (error instanceof InvalidPolicyError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseSensitiveDataPolicy', () => {
  it('needs an HMAC key of at least 32 characters and has no default for it', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^hmacKey: /)]);
    expect(problemsOf({ hmacKey: 'short' })).toEqual(['hmacKey: must be at least 32 characters']);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      hmacKey: TEST_KEY,
      phoneRegions: ['US', 'XX'],
      customPatterns: [
        { name: 'EMAIL', pattern: 'x' },
        { name: 'BROKEN', pattern: '(' },
        { name: 'lower', pattern: 'x' },
      ],
      sinks: {
        curated: { actions: { CREDIT_CARD: { action: 'partial', keepLeft: 8 }, NOPE: 'redact' } },
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'customPatterns.0.name: EMAIL is built in',
        expect.stringMatching(/^customPatterns\.1\.pattern: custom pattern BROKEN: not a valid regular expression/),
        'customPatterns.2.name: must be UPPER_SNAKE_CASE',
        'phoneRegions: unknown region XX',
        'sinks.curated.actions.CREDIT_CARD: cards keep at most the first 6 and last 4 digits',
        'sinks.curated.actions.NOPE: unknown entity NOPE',
      ]),
    );
  });

  it('rejects unknown keys instead of ignoring them', () => {
    expect(problemsOf({ hmacKey: TEST_KEY, sinks: { archive: {} } })).toHaveLength(1);
  });

  it('defaults to nothing identifying unmasked in curated and warehouse, and no free text in logs', () => {
    const policy = testPolicy();
    for (const sink of ['curated', 'warehouse'] as const) {
      for (const entity of [
        'EMAIL',
        'PHONE_NUMBER',
        'CREDIT_CARD',
        'IBAN',
        'IP_ADDRESS',
        'MAC_ADDRESS',
        'US_SSN',
        'PERSON_NAME',
        'DATE_OF_BIRTH',
        'SOME_CUSTOM',
      ]) {
        expect(['hash', 'redact', 'partial', 'omit']).toContain(policy.actionFor(sink, entity).kind);
      }
      expect(policy.freeTextAction(sink)).toBe('scan');
    }
    expect(policy.actionFor('curated', 'EMAIL')).toEqual({ kind: 'hash' });
    expect(policy.actionFor('curated', 'CREDIT_CARD')).toEqual({
      kind: 'partial',
      keepLeft: 0,
      keepRight: 4,
      keepDomain: false,
    });
    expect(policy.actionFor('logs', 'EMAIL')).toEqual({ kind: 'redact' });
    expect(policy.freeTextAction('logs')).toBe('omit');
  });

  it('overrides one sink and entity at a time, filling partial settings from the entity defaults', () => {
    const policy = testPolicy({
      sinks: {
        warehouse: { actions: { EMAIL: { action: 'partial', keepLeft: 2 }, IBAN: 'partial' }, otherEntities: 'omit' },
      },
    });
    expect(policy.actionFor('warehouse', 'EMAIL')).toEqual({
      kind: 'partial',
      keepLeft: 2,
      keepRight: 0,
      keepDomain: true,
    });
    expect(policy.actionFor('warehouse', 'IBAN')).toEqual({
      kind: 'partial',
      keepLeft: 2,
      keepRight: 4,
      keepDomain: false,
    });
    expect(policy.actionFor('warehouse', 'EMPLOYEE_ID')).toEqual({ kind: 'omit' });
    expect(policy.actionFor('curated', 'EMAIL')).toEqual({ kind: 'hash' });
  });

  it('knows built-in and custom entities', () => {
    const policy = testPolicy({ customPatterns: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] });
    expect(policy.isKnownEntity('EMAIL')).toBe(true);
    expect(policy.isKnownEntity('EMPLOYEE_ID')).toBe(true);
    expect(policy.isKnownEntity('FREE_TEXT')).toBe(false);
    expect(policy.isKnownEntity('NOPE')).toBe(false);
  });

  it('does not expose the key', () => {
    expect(JSON.stringify(testPolicy())).not.toContain(TEST_KEY);
  });
});
