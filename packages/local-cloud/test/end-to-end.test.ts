import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { DuckDbCatalog, DuckDbDatabase } from '@sluice/adapters-local';
import { attendeeRegistered, feedbackSubmitted } from '@sluice/testing';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/cli/reconciliation';
import { LocalCloud } from '../src/runtime/local-cloud';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const countries = ['NL', 'NL', 'DE', 'FR', 'NL', 'DE', 'BR', 'JP'];
let cloud: LocalCloud;

const valid = countries.map((country, i) =>
  attendeeRegistered({
    attendeeId: `att-${i}`,
    country,
    email: `person${i}@example.org`,
    occurredAt: '2026-11-24T10:00:00Z',
  }),
);
const feedback = feedbackSubmitted({ attendeeId: 'att-1', comment: 'Send slides to person1@example.org please' });
const malformed = [
  '{"eventType": "AttendeeRegistered", ',
  JSON.stringify({ ...attendeeRegistered(), email: 'nope' }),
  '[]',
];

beforeAll(async () => {
  cloud = await LocalCloud.start({
    repoRoot,
    dataDir: mkdtempSync(join(tmpdir(), 'sluice-e2e-')),
    ports: { gateway: 0, kinesis: 0, s3: 0, eventBridge: 0 },
    log: () => {},
  });
  // A real AWS SDK client through the Kinesis endpoint, as any producer would.
  const kinesis = new KinesisClient({
    endpoint: cloud.endpoints.kinesis,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
  });
  const entries = [
    ...valid.map((e) => ({ PartitionKey: e.attendeeId, Data: Buffer.from(JSON.stringify(e)) })),
    { PartitionKey: 'att-1', Data: Buffer.from(JSON.stringify(feedback)) },
    ...malformed.map((text) => ({ PartitionKey: 'att-x', Data: Buffer.from(text) })),
    // An at-least-once producer re-sends two events.
    ...valid.slice(0, 2).map((e) => ({ PartitionKey: e.attendeeId, Data: Buffer.from(JSON.stringify(e)) })),
  ];
  const result = await kinesis.send(new PutRecordsCommand({ StreamName: cloud.streamName(), Records: entries }));
  expect(result.FailedRecordCount).toBe(0);
  await cloud.idle();
}, 240_000);

afterAll(async () => {
  await cloud?.stop();
});

async function lakeRows(zone: string, table: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDbDatabase.open(':memory:');
  const root = cloud.paths.lakeBucketRoot(cloud.lakeBucket());
  const rows = await db.all(`SELECT * FROM read_parquet('${root}/${zone}/${table}/*/*.parquet')`);
  await db.close();
  return rows;
}

describe('the whole flow on the local cloud', () => {
  it('loads every valid event into the warehouse exactly once', async () => {
    expect(await cloud.warehouseRows()).toEqual({
      attendee_registered: 8,
      session_checked_in: 0,
      feedback_submitted: 1,
    });
  });

  it('masks e-mails in the curated zone and the warehouse, and keeps them intact in raw', async () => {
    const raw = await lakeRows('raw', 'attendee_registered');
    const curated = await lakeRows('curated', 'attendee_registered');
    expect(raw.map((r) => r.email)).toEqual(expect.arrayContaining(['person0@example.org', 'person7@example.org']));
    expect(curated.every((r) => /^tok_[0-9a-f]{32}$/.test(String(r.email)))).toBe(true);
    const warehouse = await cloud.warehouse();
    const emails = await warehouse.query('SELECT email, name FROM attendee_registered');
    expect(emails.some((r) => String(r.email).includes('@') || String(r.name).includes('Ada'))).toBe(false);
    const [comment] = await warehouse.query('SELECT comment FROM feedback_submitted');
    expect(comment?.comment).toMatch(/^Send slides to tok_[0-9a-f]{32} please$/);
  });

  it('registers the partitions in the catalog', async () => {
    const catalog = await DuckDbCatalog.open({ dbPath: cloud.paths.catalogDb, database: 'sluice_local' });
    expect(await catalog.listPartitions('attendee_registered')).toEqual(['2026-11-24']);
    expect(await catalog.listPartitions('feedback_submitted')).toEqual(['2026-11-25']);
  });

  it('quarantines the invalid records with their reasons, and reconciles', async () => {
    const r = await reconcile(cloud);
    expect(r.byReason).toEqual({ MALFORMED_JSON: 1, SCHEMA_VIOLATION: 2 });
    expect(r).toMatchObject({ produced: 14, loaded: 9, quarantined: 3, duplicatesDropped: 2, unaccounted: 0 });
  });

  it('answers attendees by country on the dashboard API, straight from the warehouse', async () => {
    const response = await fetch(`${cloud.endpoints.gateway}/api/attendees-by-country`);
    const { rows } = (await response.json()) as { rows: { country: string; attendees: number }[] };
    expect(rows.slice(0, 2)).toEqual([
      { country: 'NL', attendees: 3 },
      { country: 'DE', attendees: 2 },
    ]);
    const page = await fetch(`${cloud.endpoints.gateway}/`);
    expect(await page.text()).toContain('Attendees by country');
  });
});
