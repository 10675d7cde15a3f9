import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './event-pattern';

const onField = (matcher: unknown) => ({ detail: { field: [matcher] } });
const withField = (value: unknown) => ({ detail: { field: value } });
const escapeWildcard = (text: string) => text.replace(/[\\*]/g, (char) => `\\${char}`);

describe('event pattern properties', () => {
  it('a wildcard without * behaves as exact equality', () => {
    const literal = fc.string().filter((text) => !text.includes('*') && !text.includes('\\'));
    fc.assert(
      fc.property(literal, fc.string(), (expression, value) => {
        expect(matchesPattern(onField({ wildcard: expression }), withField(value))).toBe(expression === value);
        expect(matchesPattern(onField({ wildcard: expression }), withField(expression))).toBe(true);
      }),
    );
  });

  it('an escaped string matches itself as a wildcard, and only itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, other) => {
        const pattern = onField({ wildcard: escapeWildcard(text) });
        expect(matchesPattern(pattern, withField(text))).toBe(true);
        expect(matchesPattern(pattern, withField(other))).toBe(other === text);
      }),
    );
  });

  it('prefix* as a wildcard agrees with the prefix operator', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (prefix, value) => {
        const asWildcard = matchesPattern(onField({ wildcard: `${escapeWildcard(prefix)}*` }), withField(value));
        expect(asWildcard).toBe(matchesPattern(onField({ prefix }), withField(value)));
        expect(asWildcard).toBe(value.startsWith(prefix));
      }),
    );
  });

  it('*middle* as a wildcard matches exactly the strings containing middle', () => {
    // An empty middle would make "**", which EventBridge rejects.
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (middle, value) => {
        const pattern = onField({ wildcard: `*${escapeWildcard(middle)}*` });
        expect(matchesPattern(pattern, withField(value))).toBe(value.includes(middle));
      }),
    );
  });

  it('anything-but a string is the negation of matching it exactly, for string values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (excluded, value) => {
        const exact = matchesPattern(onField(excluded), withField(value));
        expect(matchesPattern(onField({ 'anything-but': excluded }), withField(value))).toBe(!exact);
      }),
    );
  });

  it('a numeric range agrees with plain comparisons inside the numeric domain', () => {
    const bound = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(bound, bound, bound, (a, b, value) => {
        fc.pre(a < b);
        const pattern = onField({ numeric: ['>', a, '<=', b] });
        expect(matchesPattern(pattern, withField(value))).toBe(value > a && value <= b);
      }),
    );
  });
});
