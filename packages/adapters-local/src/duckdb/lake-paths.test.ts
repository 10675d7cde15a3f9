import { describe, expect, it } from 'vitest';
import { LakePathError } from './errors';
import { localPathOfKey, localPathOfLocation } from './lake-paths';

describe('lake paths', () => {
  it('maps an object key to <lakeRoot>/<key>', () => {
    expect(localPathOfKey('/data/lake/', 'curated/t/dt=2026-11-25/a.parquet')).toBe(
      '/data/lake/curated/t/dt=2026-11-25/a.parquet',
    );
  });

  it('maps s3://<bucket>/<prefix> to <lakeRoot>/<prefix>, whatever the bucket', () => {
    expect(localPathOfLocation('/data/lake', 's3://sluice-lake/curated/t/dt=2026-11-25/')).toBe(
      '/data/lake/curated/t/dt=2026-11-25',
    );
    expect(localPathOfLocation('/data/lake', 's3://other/')).toBe('/data/lake');
  });

  it('takes an absolute local location as it is', () => {
    expect(localPathOfLocation('/data/lake', '/elsewhere/t/')).toBe('/elsewhere/t');
  });

  it.each([
    ['a key escaping the lake', () => localPathOfKey('/data/lake', 'curated/../../etc/passwd')],
    ['an absolute key', () => localPathOfKey('/data/lake', '/etc/passwd')],
    ['a glob in a key', () => localPathOfKey('/data/lake', 'curated/t/dt=2026-11-25/*.parquet')],
    ['a location escaping the lake', () => localPathOfLocation('/data/lake', 's3://b/curated/../../x/')],
    ['a relative location', () => localPathOfLocation('/data/lake', 'curated/t/')],
  ])('refuses %s', (_what, map) => {
    expect(map).toThrow(LakePathError);
  });
});
