import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KinesisStoreCorruptError } from './errors';
import { KinesisStore } from './kinesis-store';
import type { StoredRecord } from './store-types';
import { aBatchOfRecords, labelOf, temporaryDirectory } from './testing/fixtures';

const SHARDS = ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002'];

let directory: ReturnType<typeof temporaryDirectory>;
const opened: KinesisStore[] = [];

async function open(): Promise<KinesisStore> {
  const store = await KinesisStore.open(directory.dir);
  opened.push(store);
  return store;
}

function readAll(store: KinesisStore, streamName: string): StoredRecord[] {
  return SHARDS.flatMap((shardId) => store.getRecords(streamName, shardId, { type: 'TRIM_HORIZON' }).records);
}

/** The log files of a stream's shards, found the way an operator would: by listing the directory. */
function shardLogs(streamName: string): string[] {
  const streams = join(directory.dir, 'streams');
  const [streamDir] = readdirSync(streams).filter((name) => name.startsWith(`${streamName}-`));
  if (streamDir === undefined) throw new Error(`no log directory for ${streamName}`);
  return readdirSync(join(streams, streamDir)).map((file) => join(streams, streamDir, file));
}

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  directory.remove();
});

describe('durability', () => {
  it('keeps every stream and record across close and reopen, and continues the sequence numbers', async () => {
    const first = await open();
    first.createStream('events', 3);
    first.createStream('audit', 1);
    first.putRecords('events', aBatchOfRecords(120));
    first.putRecords('audit', aBatchOfRecords(5));
    const before = readAll(first, 'events');
    const latestBefore = SHARDS.map((shardId) => first.latestSequenceNumber('events', shardId) ?? '');
    first.close();

    const second = await open();
    expect(second.listStreams()).toEqual(['audit', 'events']);
    expect(readAll(second, 'events')).toEqual(before);
    expect(second.recoveredLogs).toEqual([]);
    const after = second.putRecords('events', aBatchOfRecords(60, { prefix: 'after' }));
    for (const result of after) {
      if (!('shardId' in result)) throw new Error('unexpected failure');
      const previous = latestBefore[SHARDS.indexOf(result.shardId)] ?? '';
      expect(result.sequenceNumber > previous).toBe(true);
      expect(BigInt(result.sequenceNumber) > BigInt(previous)).toBe(true);
    }
  });

  it('ignores a cut-off last line, truncates it away, and appends cleanly after it', async () => {
    const first = await open();
    first.createStream('events', 3);
    first.putRecords('events', aBatchOfRecords(30));
    const before = readAll(first, 'events');
    first.close();
    const [log] = shardLogs('events').filter((path) => readFileSync(path).length > 0);
    if (log === undefined) throw new Error('no shard log was written');
    const sizeBefore = readFileSync(log).length;
    const cutOff = '{"sequenceNumber":"41795639528939000000000000000000000000000000000000000';
    appendFileSync(log, cutOff);

    const second = await open();
    expect(readAll(second, 'events')).toEqual(before);
    expect(second.recoveredLogs).toEqual([{ path: log, droppedTailBytes: cutOff.length }]);
    expect(readFileSync(log).length).toBe(sizeBefore);
    second.putRecords('events', aBatchOfRecords(30, { prefix: 'after' }));
    const afterAppend = readAll(second, 'events');
    second.close();

    const third = await open();
    expect(third.recoveredLogs).toEqual([]);
    expect(readAll(third, 'events')).toEqual(afterAppend);
    expect(afterAppend).toHaveLength(60);
  });

  it('refuses to open a log with a damaged line before its end', async () => {
    const first = await open();
    first.createStream('events', 1);
    first.putRecords('events', aBatchOfRecords(2));
    first.close();
    const [log] = shardLogs('events');
    appendFileSync(log ?? '', 'not json\n');
    await expect(KinesisStore.open(directory.dir)).rejects.toThrow(KinesisStoreCorruptError);
    // The failed open released the directory again.
    await expect(open()).rejects.toThrow(KinesisStoreCorruptError);
  });

  it('keeps deleted streams deleted and removes log directories no stream owns', async () => {
    const first = await open();
    first.createStream('gone', 1);
    first.putRecords('gone', aBatchOfRecords(3));
    first.deleteStream('gone');
    first.close();
    const orphan = join(directory.dir, 'streams', 'half-created-123');
    mkdirSync(orphan);

    const second = await open();
    expect(second.listStreams()).toEqual([]);
    expect(existsSync(orphan)).toBe(false);
  });

  it('loses no acknowledged record when the producing process is SIGKILLed mid-stream', async () => {
    const producer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(dirname(fileURLToPath(import.meta.url)), 'testing', 'crashing-producer.ts'),
        directory.dir,
      ],
      { cwd: dirname(fileURLToPath(import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    producer.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const acknowledged = await new Promise<{ label: string; shardId?: string; sequenceNumber?: string }[]>(
      (resolve, reject) => {
        let buffered = '';
        const acks: { label: string }[] = [];
        producer.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) acks.push(...JSON.parse(line));
          if (acks.length >= 2000 && producer.exitCode === null) {
            producer.kill('SIGKILL');
            resolve(acks);
          }
        });
        producer.on('exit', (code, signal) => {
          if (signal !== 'SIGKILL') reject(new Error(`producer exited early (${code}): ${stderr}`));
        });
      },
    );
    await new Promise((resolve) =>
      producer.exitCode !== null || producer.signalCode !== null ? resolve(undefined) : producer.once('exit', resolve),
    );

    const store = await open();
    const stored = new Map(readAll(store, 'crash').map((record) => [record.sequenceNumber, record]));
    for (const ack of acknowledged) {
      const record = stored.get(ack.sequenceNumber ?? '');
      expect(record, `acknowledged ${ack.label} missing`).toBeDefined();
      expect(labelOf(record?.data ?? new Uint8Array())).toBe(ack.label);
    }
    // The store keeps working where the killed producer stopped.
    expect(store.putRecords('crash', aBatchOfRecords(3)).every((result) => 'sequenceNumber' in result)).toBe(true);
  });
});
