import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KinesisStoreCorruptError } from './errors';

/** What the store remembers about a stream besides its records. */
export interface StreamEntry {
  readonly name: string;
  readonly shardCount: number;
  /** Epoch milliseconds; also part of every sequence number of the stream. */
  readonly createdAt: number;
  /** Relative to the store directory; unique per incarnation so a re-created stream starts empty. */
  readonly logDirectory: string;
}

interface CatalogFile {
  formatVersion: 1;
  streams: StreamEntry[];
}

export const CATALOG_FILE = 'kinesis-streams.json';

export function readCatalog(dir: string): StreamEntry[] {
  const path = join(dir, CATALOG_FILE);
  if (!existsSync(path)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KinesisStoreCorruptError(`${path}: not JSON`, { cause: error });
  }
  if (!isCatalogFile(parsed)) throw new KinesisStoreCorruptError(`${path}: not a stream catalog (formatVersion 1)`);
  return parsed.streams;
}

/**
 * Replaces the catalog atomically (write a temporary file, fsync, rename): a crash leaves either the
 * old or the new catalog, never half of one.
 */
export function writeCatalog(dir: string, streams: readonly StreamEntry[]): void {
  const path = join(dir, CATALOG_FILE);
  const temporary = `${path}.tmp`;
  const file: CatalogFile = { formatVersion: 1, streams: [...streams] };
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

function isCatalogFile(value: unknown): value is CatalogFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return file.formatVersion === 1 && Array.isArray(file.streams) && file.streams.every(isStreamEntry);
}

function isStreamEntry(value: unknown): value is StreamEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.name === 'string' &&
    Number.isInteger(entry.shardCount) &&
    typeof entry.createdAt === 'number' &&
    typeof entry.logDirectory === 'string'
  );
}
