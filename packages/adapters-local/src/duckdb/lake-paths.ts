import { isAbsolute, join, resolve } from 'node:path';
import { LakePathError } from './errors';

// DuckDB expands these in file arguments (globs); a lake key must never widen into a pattern by accident.
const GLOB_CHARACTERS = /[*?[\]{}]/;

function checkRelativeKey(key: string, what: string): void {
  if (key.length === 0 || key.startsWith('/') || key.split('/').some((segment) => segment === '..')) {
    throw new LakePathError(`${what} ${JSON.stringify(key)} does not stay inside the lake`);
  }
  if (GLOB_CHARACTERS.test(key)) {
    throw new LakePathError(`${what} ${JSON.stringify(key)} contains a glob character (* ? [ ] { })`);
  }
}

/**
 * Object key of the lake bucket → its file: the local object store keeps key `K` as `<lakeRoot>/K`.
 *
 * @example
 * localPathOfKey('/data/lake', 'curated/t/dt=2026-11-25/a.parquet'); // '/data/lake/curated/t/dt=2026-11-25/a.parquet'
 */
export function localPathOfKey(lakeRoot: string, key: string): string {
  checkRelativeKey(key, 'object key');
  return join(resolve(lakeRoot), key);
}

/**
 * Catalog location → local directory. `s3://<bucket>/<prefix>` maps to `<lakeRoot>/<prefix>` (the local
 * cloud has one lake bucket, whatever its name); an absolute local path is taken as it is.
 */
export function localPathOfLocation(lakeRoot: string, location: string): string {
  const s3 = /^s3:\/\/[^/]+\/(.*)$/.exec(location);
  if (s3) {
    const prefix = (s3[1] ?? '').replace(/\/+$/, '');
    if (prefix === '') return resolve(lakeRoot);
    checkRelativeKey(prefix, 'location');
    return join(resolve(lakeRoot), prefix);
  }
  if (isAbsolute(location)) {
    if (GLOB_CHARACTERS.test(location)) {
      throw new LakePathError(`location ${JSON.stringify(location)} contains a glob character (* ? [ ] { })`);
    }
    return resolve(location);
  }
  throw new LakePathError(
    `location ${JSON.stringify(location)} is neither s3://<bucket>/<prefix> nor an absolute path`,
  );
}
