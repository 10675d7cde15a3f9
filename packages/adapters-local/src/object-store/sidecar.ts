import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isFsError } from './fs-utils';
import type { ObjectChecksum, ObjectHeaders, ObjectInfo } from './object-info';

/**
 * The JSON kept at `<root>/.s3meta/<bucket>/<key>.json`. `file` records which file it describes (inode,
 * size, mtime): a sidecar whose file was replaced behind the store's back (a crash between the two
 * renames, or a tool such as DuckDB writing into the lake directly) is detected as stale and rebuilt.
 */
export interface Sidecar {
  readonly version: 1;
  readonly etag: string;
  readonly size: number;
  readonly contentType: string;
  readonly lastModified: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly headers: ObjectHeaders;
  readonly checksum?: ObjectChecksum;
  readonly file: { readonly ino: number; readonly size: number; readonly mtimeMs: number };
}

/** The identity of a data file, as recorded in its sidecar. */
export function fileIdentity(stats: Pick<Stats, 'ino' | 'size' | 'mtimeMs'>): Sidecar['file'] {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

export function describesFile(sidecar: Sidecar, stats: Pick<Stats, 'ino' | 'size' | 'mtimeMs'>): boolean {
  return sidecar.file.ino === stats.ino && sidecar.file.size === stats.size && sidecar.file.mtimeMs === stats.mtimeMs;
}

/** The sidecar at `path`, or undefined when it is missing or unreadable (it is then rebuilt). */
export async function readSidecar(path: string): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isFsError(error, 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG')) return undefined;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isSidecar(parsed) ? parsed : undefined;
  } catch {
    // A torn or hand-edited sidecar is only a cache miss: the object's bytes are the truth.
    return undefined;
  }
}

function isSidecar(value: unknown): value is Sidecar {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Sidecar>;
  return (
    candidate.version === 1 &&
    typeof candidate.etag === 'string' &&
    typeof candidate.size === 'number' &&
    typeof candidate.contentType === 'string' &&
    typeof candidate.lastModified === 'string' &&
    typeof candidate.metadata === 'object' &&
    typeof candidate.headers === 'object' &&
    typeof candidate.file?.ino === 'number'
  );
}

export function toObjectInfo(key: string, sidecar: Sidecar): ObjectInfo {
  return {
    key,
    size: sidecar.size,
    etag: sidecar.etag,
    contentType: sidecar.contentType,
    lastModified: new Date(sidecar.lastModified),
    metadata: sidecar.metadata,
    headers: sidecar.headers,
    ...(sidecar.checksum ? { checksum: sidecar.checksum } : {}),
  };
}

/** S3 keeps Last-Modified in whole seconds; doing the same keeps HEAD and LIST in agreement. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
