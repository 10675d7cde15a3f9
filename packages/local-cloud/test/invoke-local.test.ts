import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LocalBuckets, localDataPaths } from '@sluice/adapters-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBridgeRequestHandler, LocalEventBus } from '../src/eventbridge';
import { KinesisStore, startKinesisServer } from '../src/kinesis';
import { startS3Server } from '../src/s3';

/**
 * `serverless invoke local` of every function with the checked-in fixtures, as the README shows: the
 * functions reach Kinesis, S3 and EventBridge stand-ins on loopback, and DuckDB files in the data dir.
 */
const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(repoRoot, 'packages/contracts/fixtures', name);
const bucket = 'sluice-dev-lake-eu-west-1';
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-invoke-'));
const closers: (() => Promise<void> | void)[] = [];
let env: Record<string, string>;
let store: KinesisStore;
let buckets: LocalBuckets;

beforeAll(async () => {
  store = await KinesisStore.open(join(dataDir, 'kinesis'));
  store.createStream('sluice-dev-events', 1);
  buckets = new LocalBuckets({ root: localDataPaths(dataDir).lake });
  await buckets.ensureBucket(bucket);
  const bus = new LocalEventBus({ name: 'default', account: '000000000000', region: 'us-east-1' });
  const kinesis = await startKinesisServer({ store, port: 0 });
  const s3 = await startS3Server({ buckets, port: 0 });
  const { createServer } = await import('node:http');
  const eventBridge = createServer(createEventBridgeRequestHandler(bus));
  await new Promise<void>((resolve) => eventBridge.listen(0, '127.0.0.1', resolve));
  const address = eventBridge.address() as { port: number };
  closers.push(
    kinesis.close,
    s3.close,
    () => new Promise<void>((resolve) => eventBridge.close(() => resolve())),
    () => store.close(),
  );
  env = {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SLUICE_RUNTIME: 'local',
    SLUICE_DATA_DIR: dataDir,
    SLUICE_KINESIS_ENDPOINT: kinesis.url,
    SLUICE_S3_ENDPOINT: s3.url,
    SLUICE_EVENTBRIDGE_ENDPOINT: `http://127.0.0.1:${address.port}`,
    SLUICE_LAKE_BUCKET: bucket,
    SLUICE_STREAM_NAME: 'sluice-dev-events',
    SLUICE_MASKING_KEY: 'k'.repeat(32),
  };
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
});

/** Runs `serverless invoke local` and returns the handler's result (the JSON block it prints last). */
async function invokeLocal(service: string, fn: string, fixtureName: string): Promise<Record<string, unknown>> {
  const args = ['serverless', 'invoke', 'local', '-f', fn, '--path', fixture(fixtureName)];
  for (const [name, value] of Object.entries(env)) args.push('-e', `${name}=${value}`);
  const { stdout } = await run('npx', args, { cwd: join(repoRoot, 'services', service), maxBuffer: 16 * 1024 * 1024 });
  const start = stdout.lastIndexOf('\n{\n');
  return JSON.parse(stdout.slice(start >= 0 ? start : stdout.indexOf('{')));
}

describe('serverless invoke local with the checked-in fixtures', () => {
  it('runs every function, each reaching the next through the stand-ins', async () => {
    const ingest = await invokeLocal('ingest', 'ingestEvents', 'http-api-post-events.json');
    expect(ingest.statusCode).toBe(200);
    expect(store.describeStream('sluice-dev-events').shards).toHaveLength(1);
    const [shard] = store.describeStream('sluice-dev-events').shards;
    expect(
      store.getRecords('sluice-dev-events', shard?.shardId as string, { type: 'TRIM_HORIZON' }, 10).records,
    ).toHaveLength(3);

    expect(await invokeLocal('stream-etl', 'processStream', 'kinesis-stream-event.json')).toEqual({
      batchItemFailures: [],
    });
    const keys = (await buckets.bucket(bucket).list('curated/')).map((o) => o.key);
    expect(keys).toContain(
      'curated/attendee_registered/dt=2026-11-25/shardId-000000000000-49650000000000000000000000000000000000000000000-49650000000000000000000000000000000000000000002.parquet',
    );

    const registered = await invokeLocal('catalog-updater', 'registerPartitions', 's3-object-created.json');
    expect(registered).toMatchObject({
      registration: { newPartitions: 1, partitions: [{ table: 'attendee_registered', dt: '2026-11-25' }] },
      crawler: { start: false },
    });

    const loaded = await invokeLocal('warehouse-loader', 'loadWarehouse', 'load-warehouse-input.json');
    expect(loaded).toMatchObject({ rowsInserted: 1, filesSkipped: 0 });

    const api = await invokeLocal('reporting', 'reportingApi', 'http-api-get-attendees-by-country.json');
    expect(JSON.parse(String(api.body))).toEqual({ rows: [{ country: 'NG', attendees: 1 }] });

    const report = await invokeLocal('reporting', 'scheduledReport', 'scheduled-event.json');
    expect(report).toMatchObject({
      objectKeys: expect.arrayContaining([
        'reports/dt=2026-11-25/report.html',
        'reports/dt=2026-11-25/attendees-by-country.csv',
      ]),
      panels: 5,
    });
  }, 240_000);
});
