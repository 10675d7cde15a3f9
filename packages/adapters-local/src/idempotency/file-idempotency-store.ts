import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdempotencyStore } from '@sluice/core';

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
  private readonly recorded = new Map<string, { batchKey: string; expiresAt: number }>();
  private offset = 0;
  private partialLine = '';
  private readonly now: () => number;

  constructor(private readonly options: FileIdempotencyStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  async findRecorded(eventIds: readonly string[]): Promise<Map<string, string>> {
    this.catchUp();
    const now = this.now();
    const found = new Map<string, string>();
    for (const id of eventIds) {
      const entry = this.recorded.get(id);
      if (entry && entry.expiresAt > now) found.set(id, entry.batchKey);
    }
    return found;
  }

  async record(eventIds: readonly string[], batchKey: string): Promise<void> {
    if (eventIds.length === 0) return;
    const expiresAt = this.now() + this.options.ttlSeconds * 1000;
    mkdirSync(dirname(this.options.file), { recursive: true });
    appendFileSync(this.options.file, eventIds.map((id) => `${id}\t${batchKey}\t${expiresAt}\n`).join(''));
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
      this.offset = size;
      const lines = (this.partialLine + buffer.toString('utf8')).split('\n');
      this.partialLine = lines.pop() ?? '';
      for (const line of lines) {
        const [id, batchKey, expiresAt] = line.split('\t');
        if (id && batchKey && !this.recorded.has(id)) this.recorded.set(id, { batchKey, expiresAt: Number(expiresAt) });
      }
    } finally {
      closeSync(fd);
    }
  }
}
