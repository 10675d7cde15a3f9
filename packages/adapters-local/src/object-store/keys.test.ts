import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidBucketNameError, InvalidKeyError, KeyTooLongError } from './errors';
import { compareKeys, validateBucketName, validateKey } from './keys';

describe('validateKey', () => {
  it.each([
    'a',
    'curated/attendees/dt=2026-11-25/part-0.parquet',
    'with space/and+plus&amp?.txt',
    'ünïcödé/😀.json',
    '.hidden',
    'a/...',
  ])('accepts %j', (key) => {
    expect(() => validateKey(key)).not.toThrow();
  });

  it.each([
    ['', /empty/],
    ['/leading', /starts with "\/"/],
    ['a/../b', /"\.\." path segment/],
    ['..', /"\.\." path segment/],
    ['a/./b', /"\." path segment/],
    ['a//b', /empty path segment/],
    ['folder/', /empty path segment/],
    ['nul\0byte', /NUL/],
    [`${'x'.repeat(251)}/y`, /longer than 250 bytes/],
  ])('rejects %j', (key, message) => {
    expect(() => validateKey(key)).toThrow(InvalidKeyError);
    expect(() => validateKey(key)).toThrow(message);
  });

  it('rejects keys over 1024 UTF-8 bytes with the S3 code KeyTooLongError', () => {
    const key = `${'é/'.repeat(341)}ab`; // 3 * 341 + 2 = 1025 bytes, 684 characters
    expect(key.length).toBeLessThan(1024);
    expect(() => validateKey(key)).toThrow(KeyTooLongError);
    expect(() => validateKey(key.slice(0, -1))).not.toThrow();
  });
});

describe('validateBucketName', () => {
  it.each(['sluice-lake', 'abc', 'a.b-c1'])('accepts %j', (name) => {
    expect(() => validateBucketName(name)).not.toThrow();
  });

  it.each(['ab', 'Lake', '.s3meta', '-lake', 'lake-', 'a..b', '192.168.1.1', 'under_score', 'x'.repeat(64)])(
    'rejects %j',
    (name) => {
      expect(() => validateBucketName(name)).toThrow(InvalidBucketNameError);
    },
  );
});

describe('compareKeys', () => {
  it('orders keys by their UTF-8 bytes, as S3 lists them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const expected = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(Math.sign(compareKeys(a, b))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts astral characters after U+E000-U+FFFF, unlike UTF-16 order', () => {
    expect(['\u{1F600}', '\uFFFD', 'a'].sort(compareKeys)).toEqual(['a', '\uFFFD', '\u{1F600}']);
  });
});
