/**
 * Child process: end-to-end freshness on the local cloud. Valid events are put on the stream at a steady rate
 * with a real SDK client; the warehouse is polled, and each event's freshness is the time from just before its
 * PutRecords call to the first poll that sees its row. The resolution is the poll interval.
 */
import { factTables } from '@sluice/core';
import { createEventGenerator } from '@sluice/local-cloud';
import { startLocalRun } from '@sluice/proof';
import { childMain } from './child-process';
import { latencyOf } from './latency';
import { type FreshnessResult, FreshnessSpec } from './suite-specs';

const TICK_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runFreshness(spec: FreshnessSpec): Promise<FreshnessResult> {
  const run = await startLocalRun({ prefix: 'sluice-bench-freshness-' });
  try {
    const generator = createEventGenerator({ seed: 9, malformedShare: 0, duplicateShare: 0 });
    const sentAt = new Map<string, number>();
    const freshness: number[] = [];
    const warehouse = await run.cloud.warehouse();
    let sending = true;

    const poll = async () => {
      while (sending || (sentAt.size > 0 && freshness.length < spec.events)) {
        const seenAt = Date.now();
        for (const { table } of factTables()) {
          for (const row of await warehouse.query(`SELECT event_id FROM ${table}`)) {
            const id = String(row.event_id);
            const sent = sentAt.get(id);
            if (sent === undefined) continue;
            freshness.push(seenAt - sent);
            sentAt.delete(id);
          }
        }
        if (Date.now() - seenAt < spec.pollMs) await sleep(spec.pollMs - (Date.now() - seenAt));
      }
    };
    const polling = poll();

    const perTick = Math.max(1, Math.round((spec.ratePerSecond * TICK_MS) / 1000));
    const started = Date.now();
    for (let sent = 0; sent < spec.events; sent += perTick) {
      const records = generator.take(Math.min(perTick, spec.events - sent));
      const now = Date.now();
      for (const record of records) if (record.eventId) sentAt.set(record.eventId, now);
      await run.put(records);
      const due = started + ((sent + records.length) / spec.ratePerSecond) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    sending = false;
    const deadline = Date.now() + 180_000;
    while (sentAt.size > 0 && Date.now() < deadline) await sleep(200);
    const visible = freshness.length;
    sentAt.clear();
    await polling;

    const latency = latencyOf(freshness);
    return {
      events: spec.events,
      visible,
      ratePerSecond: spec.ratePerSecond,
      pollMs: spec.pollMs,
      p50Ms: latency.p50,
      p95Ms: latency.p95,
      maxMs: latency.max,
      invocations: Object.fromEntries(run.cloud.lambda.stats),
    };
  } finally {
    await run.dispose();
  }
}

childMain(FreshnessSpec, runFreshness, (spec) => spec.resultFile);
