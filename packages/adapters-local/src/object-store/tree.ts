import { readdir, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isFsError } from './fs-utils';
import { compareKeys } from './keys';

/**
 * Every regular file under `bucketDir` whose key starts with `prefix`, sorted as S3 sorts keys. Only the
 * folders that can hold such keys are read, so listing one partition of a large lake stays cheap.
 * Symbolic links and other special files are not objects and are skipped.
 */
export async function listKeys(bucketDir: string, prefix: string): Promise<string[]> {
  const baseKey = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const keys: string[] = [];
  await collect(join(bucketDir, ...baseKey.split('/')), baseKey, prefix, keys);
  return keys.sort(compareKeys);
}

async function collect(dir: string, dirKey: string, prefix: string, into: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The prefix names a folder that does not exist (or is a file): nothing under it.
    if (isFsError(error, 'ENOENT', 'ENOTDIR')) return;
    throw error;
  }
  for (const entry of entries) {
    const key = dirKey + entry.name;
    if (entry.isFile()) {
      if (key.startsWith(prefix)) into.push(key);
    } else if (entry.isDirectory()) {
      const childKey = `${key}/`;
      if (childKey.startsWith(prefix) || prefix.startsWith(childKey)) {
        await collect(join(dir, entry.name), childKey, prefix, into);
      }
    }
  }
}

/** Whether any regular file exists under `dir`; stops at the first one. */
export async function containsFiles(dir: string): Promise<boolean> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isFsError(error, 'ENOENT')) return false;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) return true;
    if (await containsFiles(join(dir, entry.name))) return true;
  }
  return false;
}

/**
 * Removes the folders left empty above a deleted file, up to (not including) `stopDir`: S3 has no
 * folders, so an emptied "folder" must vanish from listings. Stops at the first folder still in use.
 */
export async function pruneEmptyFolders(fromDir: string, stopDir: string): Promise<void> {
  let dir = fromDir;
  while (dir.startsWith(`${stopDir}/`)) {
    try {
      await rmdir(dir);
    } catch (error) {
      if (isFsError(error, 'ENOTEMPTY', 'EEXIST', 'ENOENT', 'EBUSY')) return;
      throw error;
    }
    dir = dirname(dir);
  }
}

/**
 * Removes `dir` and the empty folders inside it with `rmdir` only, so a file that appears meanwhile
 * (a concurrent upload) makes this fail with ENOTEMPTY instead of being deleted.
 */
export async function removeEmptyTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory()) await removeEmptyTree(join(dir, entry.name));
  }
  await rmdir(dir);
}
