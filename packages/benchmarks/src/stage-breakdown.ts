/**
 * Child process: where one batch's time goes. Each stage of `processBatch` is repeated here by calling the
 * core functions it uses (decodeRecord, maskEvent, toRow, encodeParquet, the object store's put), in the
 * same amounts, so the stages add up to roughly one invocation.
 */
import { LocalBuckets } from '@sluice/adapters-local';
import { type DomainEvent, EVENT_TYPES } from '@sluice/contracts';
import {
  batchFileName,
  buildProcessBatch,
  columnsOf,
  decodeRecord,
  defaultMaskingPolicy,
  eventDate,
  type IncomingRecord,
  type MaskingPolicy,
  maskEvent,
  partitionedKey,
  quarantineKey,
  type TableRow,
  toRow,
} from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { childMain } from './child-process';
import { readBatch, readManifest } from './input';
import { median, type StageBreakdown } from './measurement';
import { BreakdownSpec, LAKE_BUCKET } from './specs';

const STAGES = [
  'decode + validate',
  'de-duplicate',
  'partition',
  'mask',
  'toRow',
  'encode Parquet',
  'quarantine NDJSON',
  'write',
] as const;
type Stage = (typeof STAGES)[number];

interface Group {
  readonly eventType: DomainEvent['eventType'];
  readonly dt: string;
  readonly events: DomainEvent[];
}

async function oneIteration(
  records: readonly IncomingRecord[],
  masking: MaskingPolicy,
  put: (key: string, body: Uint8Array) => Promise<unknown>,
  time: <T>(stage: Stage, work: () => T) => T,
): Promise<number> {
  const decoded = time('decode + validate', () => records.map(decodeRecord));
  const valid = time('de-duplicate', () => {
    const seen = new Set<string>();
    const kept: DomainEvent[] = [];
    for (const result of decoded) {
      if (result.ok && !seen.has(result.event.eventId)) {
        seen.add(result.event.eventId);
        kept.push(result.event);
      }
    }
    return kept;
  });
  const groups = time('partition', () => {
    const byKey = new Map<string, Group>();
    for (const event of valid) {
      const dt = eventDate(event.occurredAt);
      const key = `${event.eventType}|${dt}`;
      const group = byKey.get(key);
      if (group) group.events.push(event);
      else byKey.set(key, { eventType: event.eventType, dt, events: [event] });
    }
    return [...byKey.values()];
  });
  const masked = time('mask', () =>
    groups.map((group) => group.events.map((event) => maskEvent(event, masking).masked)),
  );
  const rows = time('toRow', () =>
    groups.map((group, index) => {
      const columns = columnsOf(group.eventType);
      return {
        raw: group.events.map((event) => toRow(event, columns)),
        curated: (masked[index] ?? []).map((event) => toRow(event, columns)),
      };
    }),
  );
  const first = records[0] as IncomingRecord;
  const last = records[records.length - 1] as IncomingRecord;
  const batch = {
    shardId: first.shardId,
    firstSequenceNumber: first.sequenceNumber,
    lastSequenceNumber: last.sequenceNumber,
  };
  const fileName = batchFileName(batch, 'parquet');
  const files = time('encode Parquet', () =>
    groups.flatMap((group, index) => {
      const columns = columnsOf(group.eventType);
      const { raw, curated } = rows[index] as { raw: TableRow[]; curated: TableRow[] };
      const table = EVENT_TYPES[group.eventType].table;
      return [
        { key: partitionedKey('raw', table, group.dt, fileName), body: encodeParquet(columns, raw) },
        { key: partitionedKey('curated', table, group.dt, fileName), body: encodeParquet(columns, curated) },
      ];
    }),
  );
  const quarantine = time('quarantine NDJSON', () => {
    const lines = decoded.flatMap((result) =>
      result.ok
        ? []
        : [
            JSON.stringify({
              reason: result.reason,
              errors: result.errors,
              shardId: result.record.shardId,
              sequenceNumber: result.record.sequenceNumber,
              partitionKey: result.record.partitionKey,
              approximateArrivalTimestamp: result.record.approximateArrivalTimestamp,
              payloadBase64: Buffer.from(result.record.data).toString('base64'),
            }),
          ],
    );
    const arrival = new Date(first.approximateArrivalTimestamp * 1000).toISOString().slice(0, 10);
    return { key: quarantineKey(arrival, batchFileName(batch, 'ndjson')), body: Buffer.from(`${lines.join('\n')}\n`) };
  });
  const started = performance.now();
  for (const file of [...files, quarantine]) await put(file.key, file.body);
  return performance.now() - started;
}

async function runBreakdown(spec: BreakdownSpec): Promise<StageBreakdown> {
  const manifest = readManifest(spec.manifestFile);
  const records = readBatch(manifest.batches[0] as (typeof manifest.batches)[number]);
  const lake = await new LocalBuckets({ root: spec.lakeRoot }).ensureBucket(LAKE_BUCKET);
  const masking: MaskingPolicy = defaultMaskingPolicy(spec.hmacKey);
  const processBatch = buildProcessBatch({ lake, encodeTable: encodeParquet, publish: async () => {}, masking });
  const put = (key: string, body: Uint8Array) => lake.put(key, body, 'application/octet-stream');

  const samples = new Map<Stage, number[]>(STAGES.map((stage) => [stage, []]));
  const wholeBatch: number[] = [];
  let valid = 0;
  // Iteration 0 warms up (JIT, the WebAssembly module) and is not counted, here or for the whole batch.
  for (let iteration = 0; iteration <= spec.iterations; iteration++) {
    const counted = iteration > 0;
    const time = <T>(stage: Stage, work: () => T): T => {
      const started = performance.now();
      const value = work();
      if (counted) samples.get(stage)?.push(performance.now() - started);
      return value;
    };
    const stages = async () => {
      const writeMs = await oneIteration(records, masking, put, time);
      if (counted) samples.get('write')?.push(writeMs);
    };
    const whole = async () => {
      const started = performance.now();
      valid = (await processBatch(records)).valid;
      if (counted) wholeBatch.push(performance.now() - started);
    };
    // Alternating which goes first spreads the garbage one leaves behind (collected during the other) evenly.
    if (iteration % 2 === 0) {
      await stages();
      await whole();
    } else {
      await whole();
      await stages();
    }
  }
  return {
    records: records.length,
    valid,
    iterations: spec.iterations,
    stages: STAGES.map((stage) => ({ stage, ms: median(samples.get(stage) ?? []) })),
    wholeBatchMs: median(wholeBatch),
  };
}

childMain(BreakdownSpec, runBreakdown, (spec) => spec.resultFile);
