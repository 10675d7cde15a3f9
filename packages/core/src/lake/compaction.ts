import { createHash } from 'node:crypto';
import { eventTypeForTable } from '@sluice/contracts';
import type { Log } from '../observability/log';
import type { ObjectStore, StoredObject } from '../ports/object-store';
import type { CellValue, EncodeTable, TableRow } from '../stream/encode';
import { columnsOf } from './columns';
import { parsePartitionedKey } from './keys';

/** Parquet bytes → rows keyed by column name (timestamps as epoch milliseconds). */
export type DecodeTable = (bytes: Uint8Array) => Record<string, CellValue>[];

export interface CompactionDependencies {
  readonly lake: ObjectStore;
  readonly encodeTable: EncodeTable;
  readonly decodeTable: DecodeTable;
  readonly deleteObject: (key: string) => Promise<unknown>;
  readonly log: Log;
}

export interface CompactionOptions {
  /** The processing day (UTC date); partitions at least `graceDays` older are closed. */
  readonly today: string;
  /** Late events may still arrive this many days after their date (Kinesis keeps 24 h by default). */
  readonly graceDays: number;
  /** A closed partition with fewer files than this is left as it is. */
  readonly minFiles: number;
  /** Merge a partition only while its files total less than this (one output file per partition). */
  readonly maxPartitionBytes: number;
  readonly zones: readonly ('raw' | 'curated')[];
}

export interface CompactedPartition {
  readonly prefix: string;
  readonly inputFiles: number;
  readonly rows: number;
  readonly duplicateRowsDropped: number;
  readonly output: string;
}

const COMPACTED_PREFIX = 'compacted-';

function partitionsOf(objects: readonly StoredObject[]): Map<string, StoredObject[]> {
  const partitions = new Map<string, StoredObject[]>();
  for (const object of objects) {
    const parsed = parsePartitionedKey(object.key);
    if (!parsed || !object.key.endsWith('.parquet')) continue;
    const prefix = object.key.slice(0, object.key.length - parsed.fileName.length);
    const files = partitions.get(prefix);
    if (files) files.push(object);
    else partitions.set(prefix, [object]);
  }
  return partitions;
}

function daysBetween(earlier: string, later: string): number {
  return (Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000;
}

/**
 * Merges the small files of closed partitions (one per micro-batch) into one file per partition. The
 * output name is a hash of its inputs, and rows are de-duplicated by event_id, so a rerun after a crash
 * (output written, inputs not yet deleted) converges to the same single file. The catalog is unaffected
 * (a partition is a prefix, not a file list) and the warehouse MERGEs by event_id, so the new file's
 * arrival counts nothing twice. Readers of the lake may see both for the moment between write and delete.
 */
export function buildCompactPartitions(deps: CompactionDependencies) {
  async function compact(prefix: string, files: readonly StoredObject[]): Promise<CompactedPartition> {
    const parsed = parsePartitionedKey(files[0]?.key as string);
    const eventType = parsed ? eventTypeForTable(parsed.table) : undefined;
    if (!parsed || !eventType) throw new Error(`not a lake table partition: ${prefix}`);
    const inputs = [...files].sort((a, b) => a.key.localeCompare(b.key));
    const seen = new Set<unknown>();
    const rows: TableRow[] = [];
    let duplicates = 0;
    for (const file of inputs) {
      const object = await deps.lake.get(file.key);
      if (!object) continue; // deleted meanwhile (a concurrent run): nothing to merge
      for (const row of deps.decodeTable(object.body)) {
        if (seen.has(row.event_id)) {
          duplicates++;
          continue;
        }
        seen.add(row.event_id);
        rows.push(row);
      }
    }
    const hash = createHash('sha256')
      .update(inputs.map((file) => `${file.key}@${file.etag}`).join('\n'))
      .digest('hex')
      .slice(0, 16);
    const output = `${prefix}${COMPACTED_PREFIX}${hash}.parquet`;
    await deps.lake.put(output, deps.encodeTable(columnsOf(eventType), rows), 'application/vnd.apache.parquet');
    for (const file of inputs) await deps.deleteObject(file.key);
    return { prefix, inputFiles: inputs.length, rows: rows.length, duplicateRowsDropped: duplicates, output };
  }

  return async function compactPartitions(options: CompactionOptions): Promise<CompactedPartition[]> {
    const done: CompactedPartition[] = [];
    for (const zone of options.zones) {
      for (const [prefix, files] of partitionsOf(await deps.lake.list(`${zone}/`))) {
        const dt = parsePartitionedKey(files[0]?.key as string)?.dt as string;
        const bytes = files.reduce((sum, file) => sum + file.size, 0);
        if (daysBetween(dt, options.today) < options.graceDays) continue;
        if (files.length < options.minFiles || bytes > options.maxPartitionBytes) continue;
        const result = await compact(prefix, files);
        deps.log('info', 'partition compacted', { ...result });
        done.push(result);
      }
    }
    return done;
  };
}
