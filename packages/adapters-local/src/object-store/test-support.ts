import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { isFsError } from './fs-utils';
import { TMP_FOLDER } from './layout';

/**
 * A fresh temp folder per test, removed after it. Call once at the top of a test file's `describe`.
 *
 * @example
 * const root = useTempRoot();
 * it('...', async () => { const buckets = new LocalBuckets({ root: await root() }); });
 */
export function useTempRoot(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-s3-'));
    made.push(dir);
    return dir;
  };
}

export function md5Hex(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Files left in the temp folder: must be none once every write has finished, failed or not. */
export async function leftoverTempFiles(root: string): Promise<string[]> {
  try {
    return await readdir(join(root, TMP_FOLDER));
  } catch (error) {
    if (isFsError(error, 'ENOENT')) return [];
    throw error;
  }
}
