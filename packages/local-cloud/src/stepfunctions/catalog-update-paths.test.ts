import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbCatalog, LocalCrawler } from '@sluice/adapters-local';
import { S3ObjectCreated } from '@sluice/contracts';
import { buildRegisterPartitions, crawlerRoundsOf, type TablePolicies } from '@sluice/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogUpdaterContext, loadCatalogUpdaterMachine, objectCreatedEvent } from './catalog-updater.fixture';
import { LocalStateMachines } from './local-state-machine';
import { resolveDefinition } from './resolve-definition';
import type { GlueCrawlers, JsonObject, PutEventsEntry } from './types';

// The deployed definition, from services/catalog-updater/serverless.yml, run through both registration paths
// with the real registration use case, the DuckDB catalog and the simulated crawler.
const machine = loadCatalogUpdaterMachine();
const context = catalogUpdaterContext(machine.functionKeys);
const definition = resolveDefinition(machine.definition, context) as JsonObject;
const ARN = `arn:aws:states:us-east-1:000000000000:stateMachine:${machine.name}`;
const REGISTER_PARTITIONS =
  'arn:aws:lambda:us-east-1:000000000000:function:sluice-catalog-updater-dev-registerPartitions';
const LOAD_WAREHOUSE = 'arn:aws:lambda:us-east-1:000000000000:function:sluice-warehouse-loader-dev-loadWarehouse';
const BUCKET = 'sluice-dev-lake-000000000000-us-east-1';
const CRAWLER = 'sluice-dev-curated';
const CRAWLED_TABLE = 'session_checked_in';

let dir: string;
let catalog: DuckDbCatalog;
let crawler: LocalCrawler;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-catalog-update-'));
  catalog = await DuckDbCatalog.open({ dbPath: join(dir, 'catalog.duckdb'), database: 'sluice' });
  crawler = new LocalCrawler({ name: CRAWLER, catalog, lakeRoot: join(dir, 'lake'), bucket: BUCKET });
});

afterEach(async () => {
  await catalog.close();
  await rm(dir, { recursive: true, force: true });
});

/** Puts a (content-free) curated object in the local lake, where the crawler looks, and its Object Created event. */
async function curatedObject(table: string, dt: string, file: string) {
  const key = `curated/${table}/dt=${dt}/${file}`;
  await mkdir(join(dir, 'lake', 'curated', table, `dt=${dt}`), { recursive: true });
  await writeFile(join(dir, 'lake', key), '');
  return objectCreatedEvent(key);
}

function catalogUpdate(options: { policies?: TablePolicies; glue?: Partial<GlueCrawlers> } = {}) {
  const registerPartitions = buildRegisterPartitions({ catalog, policies: options.policies, crawlerName: CRAWLER });
  const calls: string[] = [];
  const published: PutEventsEntry[] = [];
  const sent: string[] = [];
  const glue: GlueCrawlers = {
    startCrawler: async (name) => {
      calls.push('StartCrawler');
      await (options.glue?.startCrawler ?? ((n: string) => crawler.start(n)))(name);
    },
    getCrawler: async (name) => {
      const description = await (options.glue?.getCrawler ?? ((n: string) => crawler.get(n)))(name);
      calls.push(`GetCrawler ${description.State}`);
      return description;
    },
  };
  const machines = new LocalStateMachines({
    invokeFunction: async (functionName, payload) => {
      if (functionName === REGISTER_PARTITIONS) {
        calls.push('RegisterPartitions');
        return registerPartitions([S3ObjectCreated.parse(payload)], crawlerRoundsOf(payload));
      }
      if (functionName === LOAD_WAREHOUSE) {
        calls.push('LoadWarehouse');
        return { loaded: payload };
      }
      throw new Error(`Function not found: ${functionName}`);
    },
    putEvents: async (entries) => {
      published.push(...entries);
      return { FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `event-${i}` })) };
    },
    sendMessage: async (_queueUrl, body) => {
      sent.push(body);
      return { MessageId: `message-${sent.length}` };
    },
    glue,
    retryPauseMs: 0,
    waitPauseMs: 0,
  });
  machines.register({ name: machine.name, arn: ARN, definition });
  const run = async (event: ReturnType<typeof objectCreatedEvent>) => machines.startExecution(ARN, event).result;
  const registration = () => JSON.parse(published.find((e) => e.DetailType === 'PartitionsRegistered')?.Detail ?? '{}');
  return { run, calls, published, sent, registration };
}

const crawlerMode: TablePolicies = {
  [CRAWLED_TABLE]: { registration: 'crawler', onTypeChange: 'quarantine', projectionStartDate: '2025-01-01' },
};

describe('the catalog-update state machine: direct registration and crawler mode', () => {
  it('direct mode: registers the partition from the Lambda and never touches the crawler', async () => {
    const { run, calls, registration } = catalogUpdate();

    const outcome = await run(await curatedObject('attendee_registered', '2026-11-25', 'a.parquet'));

    expect(outcome.status).toBe('SUCCEEDED');
    expect(calls).toEqual(['RegisterPartitions', 'LoadWarehouse']);
    expect(await catalog.listPartitions('attendee_registered')).toEqual(['2026-11-25']);
    expect(registration()).toMatchObject({ mode: 'direct', newPartitions: 1 });
    expect(crawler.crawls).toBe(0);
  });

  it('crawler mode: starts the crawler, waits RUNNING → STOPPING → READY, checks the partition, then loads', async () => {
    const { run, calls, registration } = catalogUpdate({ policies: crawlerMode });

    const outcome = await run(await curatedObject(CRAWLED_TABLE, '2026-11-25', 'a.parquet'));

    expect(outcome.status).toBe('SUCCEEDED');
    expect(calls).toEqual([
      'RegisterPartitions',
      'StartCrawler',
      'GetCrawler STOPPING',
      'GetCrawler READY',
      'RegisterPartitions',
      'LoadWarehouse',
    ]);
    expect(await catalog.listPartitions(CRAWLED_TABLE)).toEqual(['2026-11-25']);
    expect((await catalog.getTable(CRAWLED_TABLE))?.columns.map((c) => c.name)).toContain('session_id');
    expect(registration()).toMatchObject({ mode: 'crawler', partitions: [{ table: CRAWLED_TABLE, dt: '2026-11-25' }] });
    expect(crawler.crawls).toBe(1);
  });

  it('crawler mode: more objects of a registered partition start no crawl', async () => {
    const { run, calls } = catalogUpdate({ policies: crawlerMode });
    await run(await curatedObject(CRAWLED_TABLE, '2026-11-25', 'a.parquet'));
    calls.length = 0;

    for (const file of ['b.parquet', 'c.parquet', 'd.parquet']) {
      expect((await run(await curatedObject(CRAWLED_TABLE, '2026-11-25', file))).status).toBe('SUCCEEDED');
    }

    expect(calls).toEqual(Array.from({ length: 3 }, () => ['RegisterPartitions', 'LoadWarehouse']).flat());
    expect(crawler.crawls).toBe(1);
  });

  it('crawler mode: a crawl already running (CrawlerRunningException) is waited for, not restarted', async () => {
    const { run, calls } = catalogUpdate({ policies: crawlerMode });
    const event = await curatedObject(CRAWLED_TABLE, '2026-11-26', 'a.parquet');
    await crawler.start(CRAWLER); // another object's execution started it

    const outcome = await run(event);

    expect(outcome.status).toBe('SUCCEEDED');
    expect(calls).toEqual([
      'RegisterPartitions',
      'StartCrawler',
      'GetCrawler STOPPING',
      'GetCrawler READY',
      'RegisterPartitions',
      'LoadWarehouse',
    ]);
    expect(crawler.crawls).toBe(1);
    expect(await catalog.listPartitions(CRAWLED_TABLE)).toEqual(['2026-11-26']);
  });

  it('crawler mode: a GetCrawler that keeps failing is retried (Retry), then the object is queued (Catch)', async () => {
    let attempts = 0;
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { run, calls, sent } = catalogUpdate({
      policies: crawlerMode,
      glue: {
        getCrawler: async () => {
          attempts++;
          throw throttled;
        },
      },
    });
    const event = await curatedObject(CRAWLED_TABLE, '2026-11-25', 'a.parquet');

    const outcome = await run(event);

    expect(attempts).toBe(5); // the first attempt and MaxAttempts 4 retries of glueRetry
    expect(calls).toEqual(['RegisterPartitions', 'StartCrawler']);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'CatalogUpdateFailed' });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0] ?? 'null')).toMatchObject({
      detail: event.detail,
      error: { Error: 'Glue.ThrottlingException', Cause: 'Rate exceeded' },
    });
  });

  it('crawler mode: a crawler that never registers the partition fails after 3 rounds and queues the object', async () => {
    const { run, sent } = catalogUpdate({
      policies: crawlerMode,
      // A crawler whose targets miss the table: it runs and goes READY, registering nothing.
      glue: { startCrawler: async () => {}, getCrawler: async (name) => ({ Name: name, State: 'READY' }) },
    });

    const outcome = await run(await curatedObject(CRAWLED_TABLE, '2026-11-25', 'a.parquet'));

    expect(outcome).toMatchObject({ status: 'FAILED', error: 'CatalogUpdateFailed' });
    const message = JSON.parse(sent[0] ?? 'null');
    expect(message.error.Error).toBe('CrawlerDidNotRegisterError');
    expect(message.error.Cause).toContain('session_checked_in/dt=2026-11-25 is still not in the catalog');
  });
});
