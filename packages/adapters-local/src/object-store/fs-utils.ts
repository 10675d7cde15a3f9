import type { Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';

/** Whether `error` is a Node file-system error with one of the given codes (ENOENT, ENOTDIR, ...). */
export function isFsError(error: unknown, ...codes: string[]): error is NodeJS.ErrnoException {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/** The file opened for reading, or undefined when nothing is at `path`. */
export async function openIfExists(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if (isFsError(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** The stats of the regular file at `path`, or undefined when there is none (or it is a folder). */
export async function statFile(path: string): Promise<Stats | undefined> {
  const stats = await statIfExists(path);
  return stats?.isFile() ? stats : undefined;
}

export async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isFsError(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}
