import { lstat, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KeyConflictError } from './errors';
import { isFsError } from './fs-utils';

/**
 * Fails with KeyConflictError if a sidecar cannot be placed at `target` (it is a folder, or a parent is a
 * file). Checked before the object's own rename, so a conflict in the sidecar tree changes nothing.
 */
export async function assertSidecarTargetFree(target: string, key: string): Promise<void> {
  try {
    if ((await lstat(target)).isDirectory()) throw new KeyConflictError(key);
  } catch (error) {
    if (isFsError(error, 'ENOTDIR')) throw new KeyConflictError(key, { cause: error });
    if (!isFsError(error, 'ENOENT')) throw error;
  }
}

/**
 * Renames a finished temp file over `target`: atomic on one file system, so readers see the old bytes or
 * the new ones. Parent folders are created only when the rename says they are missing (overwrites, the
 * common case, cost one call), and again if a concurrent delete prunes them meanwhile. A target that is a
 * folder, or under a file, is a key conflict (`a` beside `a/b`).
 */
export async function renameIntoPlace(from: string, target: string, key: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, target);
      return;
    } catch (error) {
      if (isFsError(error, 'ENOENT') && attempt < 4) {
        await createParentFolders(target, key);
        continue;
      }
      if (isFsError(error, 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'EEXIST'))
        throw new KeyConflictError(key, { cause: error });
      throw error;
    }
  }
}

async function createParentFolders(target: string, key: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    if (isFsError(error, 'ENOTDIR', 'EEXIST')) throw new KeyConflictError(key, { cause: error });
    throw error;
  }
}
