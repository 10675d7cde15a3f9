import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAwsClients, buildKinesisPutRecords, buildS3ObjectStore } from '@sluice/adapters-aws';
import { DEFAULT_RETRY_POLICY, factTables, type ObjectStore, putWithRetries } from '@sluice/core';
import { type FaultPlan, type GeneratedRecord, LocalCloud } from '@sluice/local-cloud';

/** The repository root, where the local cloud reads serverless-compose.yml and the services' serverless.yml. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LocalRun {
  readonly cloud: LocalCloud;
  /** PutRecords through the local Kinesis endpoint with a real AWS SDK client, failed records retried. */
  readonly put: (records: readonly { partitionKey: string; data: Uint8Array }[]) => Promise<void>;
  /** The lake bucket through the local S3 endpoint with a real AWS SDK client. */
  readonly lake: ObjectStore;
  /** Lines the local cloud printed (its own messages; handler output is in the data dir's log file). */
  readonly messages: string[];
  /** Stops the cloud and removes its data directory. */
  readonly dispose: () => Promise<void>;
}

/** Starts a local cloud in a fresh temporary data directory on free loopback ports. */
export async function startLocalRun(options: { faults?: FaultPlan; prefix?: string } = {}): Promise<LocalRun> {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix ?? 'sluice-proof-'));
  const messages: string[] = [];
  const cloud = await LocalCloud.start({
    repoRoot: REPO_ROOT,
    dataDir,
    ports: { gateway: 0, kinesis: 0, s3: 0, eventBridge: 0 },
    log: (message) => messages.push(message),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const clients = buildAwsClients({
    region: 'us-east-1',
    endpoints: { kinesis: cloud.endpoints.kinesis, s3: cloud.endpoints.s3 },
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const putRecords = buildKinesisPutRecords(clients.kinesis, { streamName: cloud.streamName() });
  return {
    cloud,
    messages,
    lake: buildS3ObjectStore(clients.s3, { bucket: cloud.lakeBucket() }),
    put: async (records) => {
      for (let i = 0; i < records.length; i += 500) {
        const outcomes = await putWithRetries(putRecords, records.slice(i, i + 500), DEFAULT_RETRY_POLICY);
        const failed = outcomes.filter((o) => !o.ok).length;
        if (failed > 0) throw new Error(`${failed} records were not accepted by the local stream`);
      }
    },
    dispose: async () => {
      await cloud.stop();
      // stop() does not wait for state machine executions already running; they still publish to the bus and
      // write the metrics journal, so the data directory may go only once they have finished.
      for (let waited = 0; waited < 120_000; waited += 100) {
        if (cloud.stateMachines.list().every((machine) => machine.stats.running === 0)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cloud.bus.drain();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every fact-table row's event id in the warehouse, with how often it occurs. */
export async function warehouseEventIds(cloud: LocalCloud): Promise<Map<string, number>> {
  const warehouse = await cloud.warehouse();
  const ids = new Map<string, number>();
  for (const { table } of factTables()) {
    for (const row of await warehouse.query(`SELECT event_id FROM ${table}`)) {
      const id = String(row.event_id);
      ids.set(id, (ids.get(id) ?? 0) + 1);
    }
  }
  return ids;
}

export interface QuarantineLine {
  readonly reason: string;
  readonly errors: readonly string[];
  readonly payloadBase64: string;
}

/** Every line of the lake's quarantine zone. */
export async function quarantineLines(cloud: LocalCloud): Promise<QuarantineLine[]> {
  const lake = cloud.buckets.bucket(cloud.lakeBucket());
  const lines: QuarantineLine[] = [];
  for (const object of await lake.list('quarantine/')) {
    const body = Buffer.from((await lake.get(object.key))?.body ?? []).toString('utf8');
    for (const line of body.split('\n')) if (line) lines.push(JSON.parse(line) as QuarantineLine);
  }
  return lines;
}

/** Valid event ids and malformed payloads (base64) of generated records: what the pipeline must account for. */
export function expectedOutcome(records: readonly GeneratedRecord[]) {
  const validIds = new Set<string>();
  const malformed: string[] = [];
  for (const record of records) {
    if (record.kind === 'malformed') malformed.push(Buffer.from(record.data).toString('base64'));
    else if (record.eventId !== undefined) validIds.add(record.eventId);
  }
  return { validIds, malformed };
}
