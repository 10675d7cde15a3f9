import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalBuckets } from '@sluice/adapters-local';
import { errorMessage } from '@sluice/core';
import { createEventGenerator, runTraffic, seedReferenceData, type TrafficResult } from '../generator';
import { LocalCloud } from '../runtime/local-cloud';
import { kinesisSender } from './kinesis-sender';
import type { CliOptions } from './options';
import { progressLine } from './progress';
import { reconcile } from './reconciliation';

const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * The main command: start the local cloud, send generated traffic into Kinesis, show progress. Bounded
 * (`--events N`) it waits for the pipeline to drain, prints the reconciliation and attendees by country,
 * and exits non-zero if anything is unaccounted for.
 */
export async function up(options: CliOptions, repoRoot: string): Promise<number> {
  const startedAt = Date.now();
  print(`Starting the local cloud (data in ${resolve(options.dataDir)}) …`);
  const cloud = await LocalCloud.start({
    repoRoot,
    dataDir: options.dataDir,
    ports: options.ports,
    onDemandShards: options.shards,
    log: (message) => process.stdout.write(`${message}\n`),
  });
  const say = cloud.print;
  const { endpoints } = cloud;
  writeFileSync(
    join(cloud.paths.root, 'endpoints.json'),
    JSON.stringify({ ...endpoints, stream: cloud.streamName(), bucket: cloud.lakeBucket() }, null, 2),
  );
  const lines = [
    `  dashboard      ${endpoints.gateway}/`,
    `  ingest API     POST ${endpoints.gateway}/events`,
    `  Kinesis        ${endpoints.kinesis}   stream ${cloud.streamName()}`,
    `  S3             ${endpoints.s3}   bucket ${cloud.lakeBucket()}`,
    `  EventBridge    ${endpoints.eventBridge}`,
    `  handler logs   ${join(cloud.paths.logs, 'functions.log')}`,
    `  e.g. aws kinesis put-record --endpoint-url ${endpoints.kinesis} --stream-name ${cloud.streamName()} --partition-key a1 --data <base64> `,
  ];
  for (const line of lines) say(line);

  const abort = new AbortController();
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    say('\nStopping: finishing in-flight batches …');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let produced = 0;
  const ticker = setInterval(() => {
    progressLine(cloud, startedAt, produced).then(say, () => {});
  }, 1000);

  const generator = createEventGenerator({
    seed: options.seed,
    malformedShare: options.malformedShare,
    duplicateShare: options.duplicateShare,
    startDate: new Date(Date.now() - 2 * 86_400_000),
  });
  const lake = await new LocalBuckets({ root: cloud.paths.lake }).ensureBucket(cloud.lakeBucket());
  const seeded = await seedReferenceData(lake, generator.sessions);
  say(`  reference data ${seeded.length > 0 ? `seeded: ${seeded.join(', ')}` : 'kept (already in the lake)'}`);

  let traffic: TrafficResult | undefined;
  try {
    if (options.traffic) {
      const bounded = options.events !== undefined;
      traffic = await runTraffic({
        generator,
        total: options.events ?? Number.POSITIVE_INFINITY,
        ...(options.rate !== undefined ? { ratePerSecond: options.rate } : bounded ? {} : { ratePerSecond: 200 }),
        send: kinesisSender(endpoints.kinesis, cloud.streamName()),
        signal: abort.signal,
        onProgress: (counts) => {
          produced = counts.produced;
        },
      });
      produced = traffic.produced;
    }
    if (options.events === undefined || stopping) {
      await new Promise<void>((resolve) => {
        if (abort.signal.aborted) resolve();
        else abort.signal.addEventListener('abort', () => resolve());
      });
      clearInterval(ticker);
      await cloud.stop();
      say('Stopped. State is kept; run again to resume.');
      return 0;
    }
    await cloud.idle();
    clearInterval(ticker);
    say(await progressLine(cloud, startedAt, produced));
    return await report(cloud, traffic);
  } catch (error) {
    clearInterval(ticker);
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    await cloud.stop();
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function report(cloud: LocalCloud, traffic: TrafficResult | undefined): Promise<number> {
  const r = await reconcile(cloud);
  const rows = await (await cloud.warehouse()).query(
    'SELECT country, attendees FROM mv_attendees_by_country ORDER BY attendees DESC, country LIMIT 15',
  );
  const out = [
    '',
    'Reconciliation (all runs on this data directory)',
    `  produced            ${r.produced}`,
    `  loaded              ${r.loaded}`,
    `  quarantined         ${r.quarantined}   ${JSON.stringify(r.byReason)}`,
    `  duplicates dropped  ${r.duplicatesDropped}`,
    `  unaccounted         ${r.unaccounted}   ${r.unaccounted === 0 ? 'balanced' : 'NOT BALANCED'}`,
    `  duplicate ids in the warehouse  ${r.duplicateRowsInWarehouse}`,
    '  stream-etl by event type (valid / duplicates dropped / written to the lake)',
    ...Object.entries(cloud.metrics.counters.byEventType).map(
      ([type, c]) =>
        `    ${type.padEnd(20)} ${String(c.valid).padStart(7)} ${String(c.duplicates).padStart(7)} ${String(c.written).padStart(7)}`,
    ),
  ];
  if (traffic) {
    out.push(
      `  this run sent       ${traffic.produced} (${traffic.valid} valid, ${traffic.malformed} malformed, ${traffic.duplicates} duplicates) in ${(traffic.elapsedMs / 1000).toFixed(1)} s`,
    );
  }
  out.push(
    '',
    'Attendees by country (warehouse, top 15)',
    ...rows.map((row) => `  ${String(row.country).padEnd(4)} ${String(row.attendees).padStart(7)}`),
  );
  cloud.print(out.join('\n'));
  await cloud.stop();
  return r.unaccounted === 0 && r.duplicateRowsInWarehouse === 0 ? 0 : 2;
}
