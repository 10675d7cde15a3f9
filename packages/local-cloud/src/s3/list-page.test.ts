import { compareKeys } from '@sluice/adapters-local';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continuationToken, listPage, resumePointOf } from './list-page';
import { S3Error } from './s3-error';

describe('listPage', () => {
  const keys = ['a/1', 'a/2', 'a/b/3', 'a-b', 'b', 'c/1'].sort(compareKeys);

  it('rolls up keys after the prefix at the first delimiter', () => {
    expect(listPage(keys, { prefix: '', delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: ['a-b', 'b'],
      commonPrefixes: ['a/', 'c/'],
      isTruncated: false,
      last: 'c/',
    });
    expect(listPage(['a/1', 'a/2', 'a/b/3'], { prefix: 'a/', delimiter: '/', maxKeys: 1000 })).toMatchObject({
      keys: ['a/1', 'a/2'],
      commonPrefixes: ['a/b/'],
    });
  });

  it('counts keys and common prefixes together against maxKeys', () => {
    const page = listPage(keys, { prefix: '', delimiter: '/', maxKeys: 2 });
    expect(page).toEqual({ keys: ['a-b'], commonPrefixes: ['a/'], isTruncated: true, last: 'a/' });
  });

  it('returns an empty, untruncated page for maxKeys 0', () => {
    expect(listPage(keys, { prefix: '', maxKeys: 0 })).toEqual({ keys: [], commonPrefixes: [], isTruncated: false });
  });

  it('resumes after a common prefix without repeating it or its keys', () => {
    expect(listPage(keys, { prefix: '', delimiter: '/', maxKeys: 1000, resumeAfter: 'a/' })).toMatchObject({
      keys: ['b'],
      commonPrefixes: ['c/'],
    });
  });

  it('visits every item exactly once when paged, for any keys, delimiter and page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[ab/.-]{1,6}$/), { maxLength: 40 }),
        fc.constantFrom(undefined, '/', '.', 'ab'),
        fc.integer({ min: 1, max: 5 }),
        (unsorted, delimiter, maxKeys) => {
          const sorted = [...unsorted].sort(compareKeys);
          const all = listPage(sorted, { prefix: '', maxKeys: 10_000, ...(delimiter ? { delimiter } : {}) });
          const seen: string[] = [];
          let resumeAfter: string | undefined;
          for (let guard = 0; guard < 100; guard++) {
            const page = listPage(sorted, {
              prefix: '',
              maxKeys,
              ...(delimiter ? { delimiter } : {}),
              ...(resumeAfter === undefined ? {} : { resumeAfter }),
            });
            seen.push(...page.keys, ...page.commonPrefixes);
            if (!page.isTruncated) break;
            resumeAfter = page.last;
          }
          expect(seen.sort(compareKeys)).toEqual([...all.keys, ...all.commonPrefixes].sort(compareKeys));
        },
      ),
    );
  });
});

describe('continuation tokens', () => {
  it('round-trip any resume point', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (point) => {
        expect(resumePointOf(continuationToken(point))).toBe(point);
      }),
    );
  });

  it('reject tokens this endpoint did not issue', () => {
    expect(() => resumePointOf('not a token!')).toThrow(S3Error);
    expect(() => resumePointOf('')).toThrow(S3Error);
  });
});
