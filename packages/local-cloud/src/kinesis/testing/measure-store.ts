/**
 * Measures what the store costs per record: heap kept after appending 100,000 records, and how fast
 * GetRecords pages through them (in-process, 10,000 a page). Not a test: run it by hand with
 *
 *   node --expose-gc --import tsx packages/local-cloud/src/kinesis/testing/measure-store.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KinesisStore } from '../kinesis-store';
import type { ShardPosition } from '../store-types';

const RECORDS = 100_000;
const BATCH = 500;
const PAYLOAD_BYTES = 300;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

function liveBytes(): { heap: number; external: number } {
  collectGarbage();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, external: usage.external + usage.arrayBuffers };
}

const dir = mkdtempSync(join(tmpdir(), 'measure-store-'));
try {
  const store = await KinesisStore.open(dir);
  store.createStream('events', 1);
  const before = liveBytes();
  for (let put = 0; put < RECORDS; put += BATCH) {
    store.putRecords(
      'events',
      Array.from({ length: BATCH }, (_, offset) => ({
        data: Buffer.from(JSON.stringify({ n: put + offset, pad: 'x'.repeat(PAYLOAD_BYTES) })),
        partitionKey: `device-${(put + offset) % 1000}`,
      })),
    );
  }
  const after = liveBytes();
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `after ${RECORDS} records: heap +${mib(after.heap - before.heap)} MiB, ` +
      `external+arrayBuffers +${mib(after.external - before.external)} MiB`,
  );

  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let position: ShardPosition = { type: 'TRIM_HORIZON' };
    let read = 0;
    let payloadBytes = 0;
    for (;;) {
      const page = store.getRecords('events', 'shardId-000000000000', position, 10_000);
      if (page.records.length === 0) break;
      read += page.records.length;
      for (const record of page.records) payloadBytes += record.data.byteLength;
      position = page.nextPosition;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `GetRecords round ${round + 1}: ${read} records (${mib(payloadBytes)} MiB) in ${seconds.toFixed(3)} s = ` +
        `${Math.round(read / seconds)} records/s`,
    );
  }
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
