import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partialMask, tokenize } from './masking';

describe('masking', () => {
  it('tokens are deterministic per key, so analysts can join and count distinct', () => {
    expect(tokenize('ada@example.com', 'k1', 'EMAIL')).toBe(tokenize('ada@example.com', 'k1', 'EMAIL'));
    expect(tokenize('ada@example.com', 'k1', 'EMAIL')).not.toBe(tokenize('ada@example.com', 'k2', 'EMAIL'));
  });

  it('no token or partial mask contains the original value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 80 }), fc.string({ minLength: 1 }), (value, key) => {
        expect(tokenize(value, key, 'EMAIL').includes(value)).toBe(false);
        expect(partialMask(value).includes(value)).toBe(false);
      }),
    );
  });

  it('partial masks keep at most a quarter of the value, and at most two characters', () => {
    expect(partialMask('+31612345678')).toBe('**********78');
    expect(partialMask('abc')).toBe('***');
  });
});
