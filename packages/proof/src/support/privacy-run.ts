import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbDatabase } from '@sluice/adapters-local';
import { createEventGenerator } from '@sluice/local-cloud';
import { type LocalRun, startLocalRun } from './local-run';
import { type PlantedValue, plantedPii, type ScannedSource } from './planted-pii';

/** What a privacy audit scans: every analyst-facing place, split per column where the data is tabular. */
export interface PrivacyRun {
  readonly planted: readonly PlantedValue[];
  /** Curated zone and warehouse per `table.column`, reports, dashboard API answers, logs. */
  readonly sources: readonly ScannedSource[];
  /** The raw zone (restricted, unmasked by design): where the planted values must be found, to prove the scan. */
  readonly raw: ScannedSource;
  readonly dispose: () => Promise<void>;
}

type Row = Record<string, unknown>;

/** One source per column, so a finding names the column it was found in. */
function columnSources(prefix: string, rows: readonly Row[]): ScannedSource[] {
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  return [...columns].map((column) => ({
    name: `${prefix}.${column}`,
    text: rows.map((row) => (row[column] === null || row[column] === undefined ? '' : String(row[column]))).join('\n'),
  }));
}

async function parquetZone(run: LocalRun, zone: 'raw' | 'curated'): Promise<ScannedSource[]> {
  const root = join(run.cloud.paths.lakeBucketRoot(run.cloud.lakeBucket()), zone);
  const db = await DuckDbDatabase.open(':memory:');
  try {
    const found: ScannedSource[] = [];
    for (const table of readdirSync(root)) {
      const rows = await db.all(`SELECT * FROM read_parquet('${join(root, table)}/*/*.parquet', union_by_name = true)`);
      found.push(...columnSources(`${zone}/${table}`, rows));
    }
    return found;
  } finally {
    await db.close();
  }
}

async function warehouse(run: LocalRun): Promise<ScannedSource[]> {
  const db = await run.cloud.warehouse();
  const relations = await db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
  const found: ScannedSource[] = [];
  for (const { table_name } of relations) {
    found.push(
      ...columnSources(`warehouse ${String(table_name)}`, await db.query(`SELECT * FROM "${String(table_name)}"`)),
    );
  }
  return found;
}

/** The lake's reports zone, and every parameterless GET route of the HTTP API as an analyst receives it. */
async function reports(run: LocalRun): Promise<ScannedSource[]> {
  const lake = run.cloud.buckets.bucket(run.cloud.lakeBucket());
  const found: ScannedSource[] = [];
  for (const object of await lake.list('reports/')) {
    found.push({
      name: `lake ${object.key}`,
      text: Buffer.from((await lake.get(object.key))?.body ?? []).toString('utf8'),
    });
  }
  const paths = run.cloud.topology
    .flatMap((service) => service.functions.flatMap((fn) => fn.events))
    .flatMap((e) => (e.type === 'httpApi' && e.method === 'GET' && !e.path.includes('{') ? [e.path] : []));
  for (const path of paths) {
    const response = await fetch(`${run.cloud.endpoints.gateway}${path}`);
    found.push({ name: `GET ${path}`, text: await response.text() });
  }
  return found;
}

function logs(run: LocalRun): ScannedSource[] {
  const dir = run.cloud.paths.logs;
  return [
    ...readdirSync(dir).map((file) => ({ name: `log ${file}`, text: readFileSync(join(dir, file), 'utf8') })),
    { name: 'local cloud messages', text: run.messages.join('\n') },
  ];
}

/** Runs the scheduled report now, as its daily schedule would. */
async function renderDailyReport(run: LocalRun): Promise<void> {
  const report = run.cloud.lambda.functions().find((fn) => fn.name.endsWith('-scheduledReport'));
  if (!report) throw new Error('no scheduledReport function in the topology');
  await run.cloud.lambda.invoke(report.name, {
    version: '0',
    id: '89d1a02d-5ec7-412e-82f5-13505f849b41',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: ['arn:aws:events:us-east-1:000000000000:rule/sluice-reporting-local-daily'],
    detail: {},
  });
}

/**
 * Sends `events` generated records (with PII in declared fields and in feedback comments) through a fresh local
 * cloud, renders the daily report, and collects everything an analyst or an operator can read.
 */
export async function runPrivacyAudit(options: { events: number; seed: number }): Promise<PrivacyRun> {
  const run = await startLocalRun({ prefix: 'sluice-privacy-' });
  try {
    const records = createEventGenerator({ seed: options.seed, malformedShare: 0.03, duplicateShare: 0.02 }).take(
      options.events,
    );
    await run.put(records);
    await run.cloud.idle();
    await renderDailyReport(run);
    const sources = [
      ...(await parquetZone(run, 'curated')),
      ...(await warehouse(run)),
      ...(await reports(run)),
      ...logs(run),
    ];
    const raw = (await parquetZone(run, 'raw')).map((s) => s.text).join('\n');
    return { planted: plantedPii(records), sources, raw: { name: 'raw zone', text: raw }, dispose: run.dispose };
  } catch (error) {
    await run.dispose();
    throw error;
  }
}

/** A summary for the test output: how many values of each kind were checked against which sources. */
export function auditSummary(run: PrivacyRun): string {
  const counts = new Map<string, number>();
  for (const p of run.planted) counts.set(p.entity, (counts.get(p.entity) ?? 0) + 1);
  const kinds = [...counts].map(([entity, n]) => `${entity} ${n}`).join(', ');
  const byPlace = new Map<string, { columns: number; chars: number }>();
  for (const source of run.sources) {
    const place = source.name.split('.')[0] as string;
    const entry = byPlace.get(place) ?? { columns: 0, chars: 0 };
    byPlace.set(place, { columns: entry.columns + 1, chars: entry.chars + source.text.length });
  }
  const lines = [...byPlace].map(
    ([place, e]) => `  ${place}: ${e.columns} column(s), ${e.chars.toLocaleString('en-US')} characters`,
  );
  return `privacy audit: ${run.planted.length} planted values (${kinds}) checked in ${run.sources.length} sources:\n${lines.join('\n')}\n`;
}
