/**
 * Measures what the store costs per record: heap kept after appending 100,000 records, and how fast
 * GetRecords pages through them, in-process (10,000 and 100 a page) and through the HTTP endpoint
 * (1,000 a page, as a Lambda poller reads). Not a test (speed is no test assertion): run it by hand with
 *
 *   node --expose-gc --import tsx packages/local-cloud/src/kinesis/testing/measure-store.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKinesisServer } from '../kinesis-endpoint';
import { KinesisStore } from '../kinesis-store';
import type { ShardPosition } from '../store-types';

const RECORDS = 100_000;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
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

function report(what: string, records: number, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(`GetRecords ${what}: ${records} records in ${seconds.toFixed(3)} s = ${Math.round(records / seconds)}/s`);
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
  console.log(
    `after ${RECORDS} records: heap +${mib(after.heap - before.heap)} MiB, ` +
      `external+arrayBuffers +${mib(after.external - before.external)} MiB`,
  );

  for (const pageSize of [10_000, 100]) {
    for (let round = 1; round <= 3; round++) {
      const started = performance.now();
      let position: ShardPosition = { type: 'TRIM_HORIZON' };
      let read = 0;
      for (;;) {
        const page = store.getRecords('events', 'shardId-000000000000', position, pageSize);
        if (page.records.length === 0) break;
        read += page.records.length;
        position = page.nextPosition;
      }
      report(`in-process, ${pageSize} a page, round ${round}`, read, started);
    }
  }

  const server = await startKinesisServer({ store });
  const call = async (target: string, body: object) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `Kinesis_20131202.${target}` },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  for (let round = 1; round <= 3; round++) {
    const started = performance.now();
    let iterator = (
      await call('GetShardIterator', {
        StreamName: 'events',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'TRIM_HORIZON',
      })
    ).ShardIterator as string;
    let read = 0;
    for (;;) {
      const page = await call('GetRecords', { ShardIterator: iterator, Limit: 1000 });
      const records = page.Records as unknown[];
      if (records.length === 0) break;
      read += records.length;
      iterator = page.NextShardIterator as string;
    }
    report(`HTTP endpoint, 1000 a page, round ${round}`, read, started);
  }
  await server.close();
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
