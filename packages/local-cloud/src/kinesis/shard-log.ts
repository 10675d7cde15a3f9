import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, truncateSync, writeSync } from 'node:fs';
import { KinesisStoreCorruptError } from './errors';
import { RecordIndex } from './record-index';

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
 * The append-only log of one shard. Each append is written with one synchronous write of complete
 * lines before it is acknowledged, so a SIGKILL can cut off only the tail of an append nobody was
 * told about. Loading drops such a cut-off line and truncates the file back to the last newline, so
 * the next append does not glue onto it.
 *
 * Memory holds only a RecordIndex (sequence number, arrival time, where the line is, how big its
 * data is); `read` fetches partition keys and payloads from the file, one positioned read for a run
 * of records, so the heap does not grow with the payloads a long-running local cloud has seen.
 */
export class ShardLog {
  private constructor(
    private readonly path: string,
    private readonly fsync: boolean,
    private readonly index: RecordIndex,
    private byteLength: number,
  ) {}

  /** Loads (and repairs) the log at `path`; a missing file is an empty shard. */
  static load(path: string, options: { fsync: boolean }): { log: ShardLog; droppedTailBytes: number } {
    const index = new RecordIndex();
    if (!existsSync(path)) return { log: new ShardLog(path, options.fsync, index, 0), droppedTailBytes: 0 };
    const content = readFileSync(path);
    const completeLength = content.lastIndexOf(NEWLINE) + 1;
    const droppedTailBytes = content.length - completeLength;
    if (droppedTailBytes > 0) truncateSync(path, completeLength);
    let lineOffset = 0;
    let lineNumber = 0;
    let previous: string | undefined;
    while (lineOffset < completeLength) {
      const lineEnd = content.indexOf(NEWLINE, lineOffset);
      lineNumber++;
      const record = parseLine(content.toString('utf8', lineOffset, lineEnd), `${path}:${lineNumber}`);
      if (previous !== undefined && previous >= record.sequenceNumber) {
        throw new KinesisStoreCorruptError(`${path}:${lineNumber}: sequence numbers do not increase`);
      }
      previous = record.sequenceNumber;
      index.push({
        sequenceNumber: record.sequenceNumber,
        approximateArrivalTimestamp: record.approximateArrivalTimestamp,
        lineOffset,
        lineLength: lineEnd + 1 - lineOffset,
        dataLength: record.data.byteLength,
      });
      lineOffset = lineEnd + 1;
    }
    return { log: new ShardLog(path, options.fsync, index, completeLength), droppedTailBytes };
  }

  /** How many records the log holds. */
  get length(): number {
    return this.index.length;
  }

  sequenceNumberAt(position: number): string {
    return this.index.sequenceNumberAt(position);
  }

  arrivalAt(position: number): number {
    return this.index.arrivalAt(position);
  }

  /** Bytes of the record's data, known without reading the file. */
  dataLengthAt(position: number): number {
    return this.index.dataLengthAt(position);
  }

  /** The records at positions `start` (inclusive) to `end` (exclusive), read from the file in one go. */
  read(start: number, end: number): StoredRecord[] {
    if (end <= start) return [];
    const from = this.index.lineOffsetAt(start);
    const to = this.index.lineOffsetAt(end - 1) + this.index.lineLengthAt(end - 1);
    const bytes = Buffer.allocUnsafe(to - from);
    const fd = openSync(this.path, 'r');
    try {
      let filled = 0;
      while (filled < bytes.length) {
        const got = readSync(fd, bytes, filled, bytes.length - filled, from + filled);
        if (got === 0) throw new KinesisStoreCorruptError(`${this.path}: ends before byte ${to}; was it cut?`);
        filled += got;
      }
    } finally {
      closeSync(fd);
    }
    const records: StoredRecord[] = [];
    for (let position = start; position < end; position++) {
      const lineStart = this.index.lineOffsetAt(position) - from;
      const lineEnd = lineStart + this.index.lineLengthAt(position) - 1; // without the newline
      const where = `${this.path}@${from + lineStart}`;
      const record = parseLine(bytes.toString('utf8', lineStart, lineEnd), where);
      if (record.sequenceNumber !== this.index.sequenceNumberAt(position)) {
        throw new KinesisStoreCorruptError(`${where}: the log changed under the store (sequence number moved)`);
      }
      records.push(record);
    }
    return records;
  }

  /**
   * Makes `records` durable, then visible. If the write fails part-way (disk full), the file is cut
   * back to its previous length so no half-line stays behind, and the error propagates.
   */
  append(records: readonly StoredRecord[]): void {
    if (records.length === 0) return;
    const lines = records.map(formatLine);
    const lineLengths = lines.map((line) => Buffer.byteLength(line, 'utf8'));
    const bytes = Buffer.from(lines.join(''), 'utf8');
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
    records.forEach((record, offset) => {
      const lineLength = lineLengths[offset] as number;
      this.index.push({
        sequenceNumber: record.sequenceNumber,
        approximateArrivalTimestamp: record.approximateArrivalTimestamp,
        lineOffset: this.byteLength,
        lineLength,
        dataLength: record.data.byteLength,
      });
      this.byteLength += lineLength;
    });
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
