import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DuckDbLakeQueryEngine,
  LocalBuckets,
  localDataPaths,
  openLocalCatalog,
  openLocalWarehouse,
} from '@sluice/adapters-local';
import { errorMessage, factTables, type Row } from '@sluice/core';
import { kinesisSender } from './kinesis-sender';
import type { CliOptions } from './options';

interface RunInfo {
  gateway: string;
  kinesis: string;
  s3: string;
  eventBridge: string;
  stream: string;
  bucket: string;
}

function runInfo(dataDir: string): RunInfo {
  const file = join(localDataPaths(dataDir).root, 'endpoints.json');
  if (!existsSync(file))
    throw new Error(`no local cloud has run on ${dataDir} yet: start it with \`npm run sluice -- up\``);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** DuckDB allows one process per database file: say so plainly when the local cloud holds it. */
function explainLock(error: unknown): never {
  const message = errorMessage(error);
  if (/lock/i.test(message)) {
    throw new Error(
      `the local cloud is running and holds the database; query it through the dashboard API, or stop it first (${message})`,
    );
  }
  throw error;
}

export function formatTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0] as Row);
  const cells = rows.map((row) => columns.map((c) => String(row[c] ?? 'NULL')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] as number)).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), `(${rows.length} rows)`].join(
    '\n',
  );
}

export async function sqlWarehouse(options: CliOptions, sql: string): Promise<number> {
  const info = runInfo(options.dataDir);
  const warehouse = await openLocalWarehouse(options.dataDir, info.bucket).catch(explainLock);
  process.stdout.write(`${formatTable(await warehouse.query(sql))}\n`);
  await warehouse.close();
  return 0;
}

export async function sqlLake(options: CliOptions, sql: string): Promise<number> {
  const info = runInfo(options.dataDir);
  const paths = localDataPaths(options.dataDir);
  const catalog = await openLocalCatalog(options.dataDir, 'sluice_local').catch(explainLock);
  const engine = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot: paths.lakeBucketRoot(info.bucket) });
  const result = await engine.query(sql);
  process.stdout.write(`${formatTable(result.rows)}\n`);
  await engine.close();
  await catalog.close();
  return 0;
}

export async function status(options: CliOptions): Promise<number> {
  const info = runInfo(options.dataDir);
  const paths = localDataPaths(options.dataDir);
  const lake = new LocalBuckets({ root: paths.lake }).bucket(info.bucket);
  const zones = ['raw/', 'curated/', 'quarantine/', 'reports/'];
  const out = [
    `data directory  ${paths.root}`,
    `endpoints (last run)  ${info.gateway}  kinesis ${info.kinesis}  s3 ${info.s3}`,
  ];
  for (const zone of zones) {
    const objects = await lake.list(zone);
    out.push(
      `lake ${zone.padEnd(12)} ${String(objects.length).padStart(6)} objects ${(objects.reduce((s, o) => s + o.size, 0) / 1e6).toFixed(1).padStart(8)} MB`,
    );
  }
  try {
    const warehouse = await openLocalWarehouse(options.dataDir, info.bucket);
    for (const { table } of factTables()) {
      const [row] = await warehouse.query(`SELECT count(*) AS n FROM ${table}`).catch(() => [{ n: 0 }]);
      out.push(`warehouse ${table.padEnd(22)} ${String(row?.n ?? 0).padStart(8)} rows`);
    }
    await warehouse.close();
  } catch (error) {
    out.push(`warehouse: ${errorMessage(error)}`);
  }
  const queues = join(paths.root, 'queues');
  if (existsSync(queues)) {
    for (const file of readdirSync(queues)) {
      const count = readFileSync(join(queues, file), 'utf8').split('\n').filter(Boolean).length;
      out.push(`queue ${file.replace(/\.ndjson$/, '').padEnd(40)} ${count} messages`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** Puts quarantined payloads back on the stream (after a fix, e.g. a contract change); the cloud must run. */
export async function replayQuarantine(options: CliOptions): Promise<number> {
  const info = runInfo(options.dataDir);
  const paths = localDataPaths(options.dataDir);
  const lake = new LocalBuckets({ root: paths.lake }).bucket(info.bucket);
  const prefix = options.date ? `quarantine/dt=${options.date}/` : 'quarantine/';
  const send = kinesisSender(info.kinesis, info.stream);
  let replayed = 0;
  for (const object of await lake.list(prefix)) {
    const body = Buffer.from((await lake.get(object.key))?.body ?? []).toString('utf8');
    const records = body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { partitionKey: string; payloadBase64: string });
    for (let i = 0; i < records.length; i += 500) {
      const chunk = records.slice(i, i + 500);
      await send(
        chunk.map((r) => ({
          kind: 'valid',
          partitionKey: r.partitionKey,
          data: Buffer.from(r.payloadBase64, 'base64'),
        })),
      );
      replayed += chunk.length;
    }
  }
  process.stdout.write(`replayed ${replayed} quarantined records from ${prefix} onto ${info.stream}\n`);
  return 0;
}
