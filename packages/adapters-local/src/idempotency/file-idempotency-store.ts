import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdempotencyStore } from '@sluice/core';

const NEWLINE = 0x0a;
const TAB = 0x09;

export interface FileIdempotencyStoreOptions {
  /** The append-only log file (created on first write). */
  readonly file: string;
  /** How long an eventId is remembered, like the DynamoDB table's TTL. */
  readonly ttlSeconds: number;
  readonly now?: () => number;
}

/**
 * The local idempotency store: one append-only log of `eventId \t batchKey \t expiresAtMs` lines. Reads
 * catch up from where they left off, so several processes (the local cloud, `serverless invoke local`)
 * sharing a data directory see each other's records; each `record` is one append of whole lines.
 */
export class FileIdempotencyStore implements IdempotencyStore {
  // eventId → index into `batches`: one small number per event, each batch's key and expiry stored once.
  private readonly recorded = new Map<string, number>();
  private readonly batches: { batchKey: string; expiresAt: number }[] = [];
  private offset = 0;
  private readonly now: () => number;

  constructor(private readonly options: FileIdempotencyStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  async findRecorded(eventIds: readonly string[]): Promise<Map<string, string>> {
    this.catchUp();
    const now = this.now();
    const found = new Map<string, string>();
    for (const id of eventIds) {
      const index = this.recorded.get(id);
      const batch = index === undefined ? undefined : this.batches[index];
      if (batch && batch.expiresAt > now) found.set(id, batch.batchKey);
    }
    return found;
  }

  async record(eventIds: readonly string[], batchKey: string): Promise<void> {
    if (eventIds.length === 0) return;
    const expiresAt = this.now() + this.options.ttlSeconds * 1000;
    mkdirSync(dirname(this.options.file), { recursive: true });
    appendFileSync(this.options.file, eventIds.map((id) => `${id}\t${batchKey}\t${expiresAt}\n`).join(''));
  }

  /**
   * Parses `eventId \t batchKey \t expiresAt` lines straight from the bytes, so every id is its own small
   * string (substrings of one big decoded chunk would keep the whole chunk alive).
   */
  private index(buffer: Buffer, end: number): void {
    let start = 0;
    while (start < end) {
      const lineEnd = buffer.indexOf(NEWLINE, start);
      const tab1 = buffer.indexOf(TAB, start);
      const tab2 = buffer.indexOf(TAB, tab1 + 1);
      if (tab1 > start && tab2 > tab1 && tab2 < lineEnd) {
        const id = buffer.toString('utf8', start, tab1);
        const batchKey = buffer.toString('utf8', tab1 + 1, tab2);
        const expiresAt = Number(buffer.toString('utf8', tab2 + 1, lineEnd));
        let batch = this.batches.length - 1;
        const last = this.batches[batch];
        if (!last || last.batchKey !== batchKey || last.expiresAt !== expiresAt) {
          this.batches.push({ batchKey, expiresAt });
          batch = this.batches.length - 1;
        }
        if (!this.recorded.has(id)) this.recorded.set(id, batch);
      }
      start = lineEnd + 1;
    }
  }

  private catchUp(): void {
    let fd: number;
    try {
      fd = openSync(this.options.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      readSync(fd, buffer, 0, buffer.length, this.offset);
      // Only whole lines: a line being appended right now is read on the next catch-up.
      const end = buffer.lastIndexOf(NEWLINE) + 1;
      this.offset += end;
      this.index(buffer, end);
    } finally {
      closeSync(fd);
    }
  }
}
