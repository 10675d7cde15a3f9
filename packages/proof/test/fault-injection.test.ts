import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUARANTINE_REASONS } from '@sluice/contracts';
import { corruptParquetFile, createEventGenerator, type GeneratedRecord, POISON_RECORDS } from '@sluice/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectedOutcome,
  type LocalRun,
  quarantineLines,
  startLocalRun,
  warehouseEventIds,
} from '../src/support/local-run';

const CORRUPT_KEY = 'curated/attendee_registered/dt=2026-11-25/torn-upload.parquet';
let run: LocalRun;
let records: GeneratedRecord[];

/**
 * All faults in one run of the local cloud: curated S3 writes fail (the SDK retries, then the batch is retried by
 * the event-source mapping), the warehouse is down for the first loads (the state machine retries), every second
 * stream-etl batch is delivered twice, poison records sit between good ones on the shards, and a torn Parquet
 * upload lands in the curated zone. The SIGKILL case is `restart-after-sigkill.test.ts`.
 */
beforeAll(async () => {
  run = await startLocalRun({
    prefix: 'sluice-faults-',
    faults: {
      s3PutFailures: { times: 6, keyPrefix: 'curated/' },
      functionOutage: { function: 'loadWarehouse', failures: 3 },
      duplicateDelivery: { function: 'processStream', every: 2 },
    },
  });
  records = createEventGenerator({ seed: 7, malformedShare: 0.03, duplicateShare: 0.02 }).take(3_000);
  const poison = POISON_RECORDS.map((p, i) => ({ partitionKey: `att-poison-${i}`, data: p.data }));
  // Poison records in the middle of the traffic, so good records follow them on every shard.
  await run.put([...records.slice(0, 1_500), ...poison, ...records.slice(1_500)]);
  await run.cloud.idle();
  // After the traffic, so the S3 write failures are spent on the pipeline's own writes.
  await run.lake.put(CORRUPT_KEY, corruptParquetFile(), 'application/vnd.apache.parquet');
  await run.cloud.idle();
}, 240_000);

afterAll(async () => {
  await run?.dispose();
});

describe('the local cloud under injected faults', () => {
  it('injected every fault it was asked to', () => {
    expect(run.cloud.faults.counts).toEqual({
      s3PutFailures: 6,
      functionFailures: 3,
      duplicateDeliveries: expect.any(Number),
    });
    expect(run.cloud.faults.counts.duplicateDeliveries).toBeGreaterThan(0);
  });

  it('loads every valid event into the warehouse exactly once', async () => {
    const { validIds } = expectedOutcome(records);
    const loaded = await warehouseEventIds(run.cloud);
    expect([...loaded.values()].filter((n) => n > 1)).toEqual([]);
    expect(new Set(loaded.keys())).toEqual(validIds);
  });

  it('quarantines every malformed and poison record with its reason', async () => {
    const { malformed } = expectedOutcome(records);
    const lines = await quarantineLines(run.cloud);
    for (const line of lines) {
      expect(QUARANTINE_REASONS).toContain(line.reason);
      expect(line.errors.length).toBeGreaterThan(0);
    }
    const quarantined = lines.map((line) => line.payloadBase64).sort();
    const poison = POISON_RECORDS.map((p) => Buffer.from(p.data).toString('base64'));
    expect(quarantined).toEqual([...malformed, ...poison].sort());
    for (const p of POISON_RECORDS) {
      const line = lines.find((l) => l.payloadBase64 === Buffer.from(p.data).toString('base64'));
      expect({ poison: p.name, reason: line?.reason }).toEqual({ poison: p.name, reason: p.reason });
    }
  });

  it('sends the corrupt Parquet file to the failed-objects queue and loads nothing from it', async () => {
    const queues = join(run.cloud.paths.root, 'queues');
    const messages = readdirSync(queues).flatMap((file) =>
      readFileSync(join(queues, file), 'utf8').split('\n').filter(Boolean),
    );
    expect(messages.filter((m) => m.includes('torn-upload.parquet'))).toHaveLength(1);
    expect(messages).toHaveLength(1);
  });
});
