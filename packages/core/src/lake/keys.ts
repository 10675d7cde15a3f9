/**
 * Lake layout. Zones: `raw` (unmasked, restricted), `curated` (masked, what analysts and the warehouse
 * see), `quarantine` (invalid records with their reason), `reference` (static data joined in the stream),
 * `reports`. Partitions are Hive-style by event date: `curated/<table>/dt=YYYY-MM-DD/<file>`.
 */
export type Zone = 'raw' | 'curated' | 'quarantine' | 'reference' | 'reports';

export interface BatchId {
  readonly shardId: string;
  readonly firstSequenceNumber: string;
  readonly lastSequenceNumber: string;
}

/**
 * Deterministic object name for a batch: the same records (same shard and sequence range) always map to
 * the same key, so a retried batch overwrites its earlier output instead of duplicating it.
 */
export function batchFileName(batch: BatchId, extension: string): string {
  return `${batchKeyOf(batch)}.${extension}`;
}

/** `<shard>-<first>-<last>`: the same for every delivery of the same records (idempotency, metrics). */
export function batchKeyOf(batch: BatchId): string {
  return `${batch.shardId}-${batch.firstSequenceNumber}-${batch.lastSequenceNumber}`;
}

export function partitionedKey(zone: 'raw' | 'curated', table: string, dt: string, fileName: string): string {
  return `${zone}/${table}/dt=${dt}/${fileName}`;
}

export function partitionPrefix(zone: 'raw' | 'curated', table: string, dt: string): string {
  return `${zone}/${table}/dt=${dt}/`;
}

export function quarantineKey(processingDate: string, fileName: string): string {
  return `quarantine/dt=${processingDate}/${fileName}`;
}

export interface PartitionedKey {
  readonly zone: 'raw' | 'curated';
  readonly table: string;
  readonly dt: string;
  readonly fileName: string;
}

const PARTITIONED_KEY = /^(raw|curated)\/([a-z][a-z0-9_]*)\/dt=(\d{4}-\d{2}-\d{2})\/([^/]+)$/;

/** Parses `curated/<table>/dt=<date>/<file>`; undefined for any other key. */
export function parsePartitionedKey(key: string): PartitionedKey | undefined {
  const match = PARTITIONED_KEY.exec(key);
  if (!match) return undefined;
  const [, zone, table, dt, fileName] = match;
  return { zone: zone as 'raw' | 'curated', table: table as string, dt: dt as string, fileName: fileName as string };
}

const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[^+-]*Z$/;

/** UTC calendar date of an ISO timestamp (read straight from the text when it is already UTC). */
export function eventDate(occurredAt: string): string {
  return UTC_TIMESTAMP.test(occurredAt) ? occurredAt.slice(0, 10) : new Date(occurredAt).toISOString().slice(0, 10);
}
