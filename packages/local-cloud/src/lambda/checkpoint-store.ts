import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CheckpointCorruptError } from './errors';

/** The stream incarnation a checkpoint belongs to: a deleted and re-created stream reuses the name, not the numbers. */
export interface CheckpointedStream {
  readonly streamArn: string;
  readonly streamCreationTimestamp: number;
}

/** `<checkpointDir>/<shardId>.json`. */
interface CheckpointFile {
  formatVersion: 1;
  streamArn: string;
  streamCreationTimestamp: number;
  shardId: string;
  /** Processing resumes AFTER_SEQUENCE_NUMBER of this. */
  sequenceNumber: string;
  /** ISO 8601, for people reading the file. */
  updatedAt: string;
}

const TEMPORARY_SUFFIX = '.tmp';

/**
 * Where each shard's processing resumes, one small JSON file per shard. Files are replaced atomically
 * (write a temporary file, rename it over the old one), so a crash leaves the old or the new
 * checkpoint, never half of one.
 */
export class CheckpointStore {
  constructor(
    private readonly dir: string,
    private readonly stream: CheckpointedStream,
    private readonly options: { fsync: boolean; now: () => number },
  ) {
    mkdirSync(dir, { recursive: true });
    // A temporary file is a write that a crash interrupted before its rename: it never took effect.
    for (const name of readdirSync(dir)) {
      if (name.endsWith(TEMPORARY_SUFFIX)) rmSync(join(dir, name), { force: true });
    }
  }

  /**
   * The sequence number the shard resumes after, or undefined when it has none for this incarnation
   * of the stream. Throws CheckpointCorruptError for a file that is there but unreadable.
   */
  read(shardId: string): string | undefined {
    const path = this.pathOf(shardId);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CheckpointCorruptError(path, 'not JSON', { cause: error });
    }
    if (!isCheckpointFile(parsed) || parsed.shardId !== shardId) {
      throw new CheckpointCorruptError(path, `not a checkpoint of ${shardId} (formatVersion 1)`);
    }
    const sameStream =
      parsed.streamArn === this.stream.streamArn &&
      parsed.streamCreationTimestamp === this.stream.streamCreationTimestamp;
    return sameStream ? parsed.sequenceNumber : undefined;
  }

  write(shardId: string, sequenceNumber: string): void {
    const path = this.pathOf(shardId);
    const temporary = `${path}.${process.pid}${TEMPORARY_SUFFIX}`;
    const file: CheckpointFile = {
      formatVersion: 1,
      ...this.stream,
      shardId,
      sequenceNumber,
      updatedAt: new Date(this.options.now()).toISOString(),
    };
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
      if (this.options.fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  }

  pathOf(shardId: string): string {
    return join(this.dir, `${shardId}.json`);
  }
}

function isCheckpointFile(value: unknown): value is CheckpointFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    file.formatVersion === 1 &&
    typeof file.streamArn === 'string' &&
    typeof file.streamCreationTimestamp === 'number' &&
    typeof file.shardId === 'string' &&
    typeof file.sequenceNumber === 'string' &&
    /^\d+$/.test(file.sequenceNumber)
  );
}
