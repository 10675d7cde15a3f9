import { describe, expect, it } from 'vitest';
import { S3Error } from './s3-error';
import { parseTarget } from './target';

describe('parseTarget', () => {
  it.each([
    ['/', undefined, undefined],
    ['/lake', 'lake', undefined],
    ['/lake/', 'lake', undefined],
    ['/lake/a%20b/c%2Bd.json?x-id=GetObject', 'lake', 'a b/c+d.json'],
    ['/lake/dir/%2e%2e/x', 'lake', 'dir/../x'],
    ['/lake/%E2%9C%93', 'lake', '✓'],
  ])('reads %s path-style', (url, bucket, key) => {
    const target = parseTarget(url, '127.0.0.1:9000');
    expect(target.bucket).toBe(bucket);
    expect(target.key).toBe(key);
  });

  it('keeps query parameters', () => {
    const target = parseTarget('/lake?list-type=2&prefix=a%2Fb&delimiter=%2F', '127.0.0.1:9000');
    expect(target.query.get('prefix')).toBe('a/b');
    expect(target.query.get('delimiter')).toBe('/');
  });

  it('reads the bucket from a virtual host', () => {
    expect(parseTarget('/a/b.json', 'lake.localhost:9000')).toMatchObject({ bucket: 'lake', key: 'a/b.json' });
    expect(parseTarget('/', 'lake.localhost')).toMatchObject({ bucket: 'lake' });
    expect(parseTarget('/lake/k', 'localhost:9000')).toMatchObject({ bucket: 'lake', key: 'k' });
  });

  it('answers InvalidURI for broken percent-encoding', () => {
    expect(() => parseTarget('/lake/%zz', undefined)).toThrow(S3Error);
  });
});
