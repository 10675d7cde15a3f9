import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { KinesisStoreCorruptError } from './errors';

/** A record as stored and as returned by GetRecords. */
export interface StoredRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  /** When the record was appended, in epoch milliseconds (never decreasing within a shard). */
  readonly approximateArrivalTimestamp: number;
}

/** One NDJSON line of a shard log. Field names are spelled out so the files are readable with `jq`. */
interface LogLine {
  sequenceNumber: string;
  partitionKey: string;
  /** Base64 of the record bytes. */
  data: string;
  /** Epoch milliseconds. */
  approximateArrivalTimestamp: number;
}

const NEWLINE = 0x0a;

/**
 * The append-only log of one shard, and its records in memory. Each append is written with one
 * synchronous write of complete lines before it is acknowledged, so a SIGKILL can cut off only the
 * tail of an append nobody was told about. Loading drops such a cut-off line and truncates the file
 * back to the last newline, so the next append does not glue onto it.
 */
export class ShardLog {
  private constructor(
    private readonly path: string,
    private readonly fsync: boolean,
    readonly records: StoredRecord[],
    private byteLength: number,
  ) {}

  /** Loads (and repairs) the log at `path`; a missing file is an empty shard. */
  static load(path: string, options: { fsync: boolean }): { log: ShardLog; droppedTailBytes: number } {
    if (!existsSync(path)) return { log: new ShardLog(path, options.fsync, [], 0), droppedTailBytes: 0 };
    const content = readFileSync(path);
    const completeLength = content.lastIndexOf(NEWLINE) + 1;
    const droppedTailBytes = content.length - completeLength;
    if (droppedTailBytes > 0) truncateSync(path, completeLength);
    const records: StoredRecord[] = [];
    const lines = content.toString('utf8', 0, completeLength).split('\n');
    lines.pop(); // the empty string after the final newline
    lines.forEach((line, index) => {
      const record = parseLine(line, `${path}:${index + 1}`);
      const previous = records[records.length - 1];
      if (previous !== undefined && previous.sequenceNumber >= record.sequenceNumber) {
        throw new KinesisStoreCorruptError(`${path}:${index + 1}: sequence numbers do not increase`);
      }
      records.push(record);
    });
    return { log: new ShardLog(path, options.fsync, records, completeLength), droppedTailBytes };
  }

  /**
   * Makes `records` durable, then visible. If the write fails part-way (disk full), the file is cut
   * back to its previous length so no half-line stays behind, and the error propagates.
   */
  append(records: readonly StoredRecord[]): void {
    if (records.length === 0) return;
    const bytes = Buffer.from(records.map(formatLine).join(''), 'utf8');
    const fd = openSync(this.path, 'a');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (this.fsync) fsyncSync(fd);
    } catch (error) {
      truncateSync(this.path, this.byteLength);
      throw error;
    } finally {
      closeSync(fd);
    }
    this.byteLength += bytes.length;
    this.records.push(...records);
  }
}

function formatLine(record: StoredRecord): string {
  const line: LogLine = {
    sequenceNumber: record.sequenceNumber,
    partitionKey: record.partitionKey,
    data: Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength).toString('base64'),
    approximateArrivalTimestamp: record.approximateArrivalTimestamp,
  };
  return `${JSON.stringify(line)}\n`;
}

function parseLine(line: string, where: string): StoredRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new KinesisStoreCorruptError(`${where}: not JSON`, { cause: error });
  }
  if (!isLogLine(parsed)) throw new KinesisStoreCorruptError(`${where}: not a record line`);
  return {
    sequenceNumber: parsed.sequenceNumber,
    partitionKey: parsed.partitionKey,
    data: Buffer.from(parsed.data, 'base64'),
    approximateArrivalTimestamp: parsed.approximateArrivalTimestamp,
  };
}

function isLogLine(value: unknown): value is LogLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.sequenceNumber === 'string' &&
    typeof line.partitionKey === 'string' &&
    typeof line.data === 'string' &&
    typeof line.approximateArrivalTimestamp === 'number'
  );
}
