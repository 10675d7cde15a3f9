/**
 * The benchmark suite: every measurement of Sluice, each in its own child process and each with its baseline
 * measured in the same run where one exists. Writes `<out>/latest.json` and `<out>/latest.md`.
 *
 *   npm run bench                     # full: 200k-event stream-etl ×3, 1M-row warehouse, 5-minute soak (~15 min)
 *   npm run bench -- --quick          # everything smaller (~3 min): 20k events ×1, 100k rows, 30 s soak
 *   npm run bench -- --only warehouse,ingest [--rows N] [--soak-seconds S] [--soak-rate R] [--out DIR]
 *
 * See this package's README for what each measurement does.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '@sluice/core';
import type { SoakResult } from '@sluice/proof';
import { z } from 'zod';
import { runChild } from './child-process';
import { configuredMemoryMb, type LambdaCost, lambdaCost, PRICES } from './cost-model';
import { MeasurementFailedError } from './errors';
import { type StreamEtlSummary, type SuiteResults, suiteMarkdown } from './suite-report';
import {
  FreshnessResult,
  type FreshnessSpec,
  IngestResult,
  type IngestSpec,
  type SoakSpec,
  WarehouseResult,
  type WarehouseSpec,
} from './suite-specs';

const MEASUREMENTS = ['stream-etl', 'freshness', 'warehouse', 'ingest', 'soak'] as const;
type Measurement = (typeof MEASUREMENTS)[number];
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Not a secret: the benchmark only needs a key of the length the masking policy demands. */
const BENCHMARK_HMAC_KEY = 'sluice-benchmark-masking-key-not-a-secret';

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench-results' },
      rows: { type: 'string' },
      'soak-seconds': { type: 'string' },
      'soak-rate': { type: 'string', default: '200' },
    },
  });
  const quick = values.quick;
  const problems: string[] = [];
  const only = (values.only?.split(',') ?? [...MEASUREMENTS]).map((name) => name.trim());
  for (const name of only) {
    if (!(MEASUREMENTS as readonly string[]).includes(name)) {
      problems.push(`--only: unknown measurement "${name}" (known: ${MEASUREMENTS.join(', ')})`);
    }
  }
  const positive = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text.replaceAll('_', ''));
    if (!Number.isFinite(value) || value <= 0) problems.push(`--${name} must be a positive number, got "${text}"`);
    return value;
  };
  const options = {
    quick,
    only: new Set(only as Measurement[]),
    out: resolve(values.out),
    streamEtl: quick ? { events: 20_000, runs: 1 } : { events: 200_000, runs: 3 },
    freshness: quick ? { events: 600, rate: 100 } : { events: 3_000, rate: 200 },
    rows: positive('rows', values.rows, quick ? 100_000 : 1_000_000),
    dashboardRuns: quick ? 10 : 30,
    ingestSeconds: quick ? 5 : 15,
    soakSeconds: positive('soak-seconds', values['soak-seconds'], quick ? 30 : 300),
    soakRate: positive('soak-rate', values['soak-rate'], 200),
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return options;
}
type Options = ReturnType<typeof parseOptions>;

/** The existing stream-etl benchmark, run as its own command; its detailed report lands in `out` too. */
async function streamEtl(options: Options): Promise<StreamEtlSummary> {
  const script = fileURLToPath(new URL('./stream-etl.ts', import.meta.url));
  const started = Date.now();
  const args = [
    '--events',
    String(options.streamEtl.events),
    '--runs',
    String(options.streamEtl.runs),
    '--out',
    options.out,
  ];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
      stdio: 'inherit',
    });
    child.once('error', fail);
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) throw new MeasurementFailedError('stream-etl', `exited with ${code}`);
  const written = readdirSync(options.out)
    .filter((name) => name.startsWith('stream-etl-') && name.endsWith('.json'))
    .map((name) => join(options.out, name))
    .filter((file) => statSync(file).mtimeMs >= started)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!written) throw new MeasurementFailedError('stream-etl', 'wrote no JSON result');
  const spread = z.object({ median: z.number(), min: z.number(), max: z.number() });
  const pipeline = z.object({ eventsPerSecond: spread, peakRssMb: spread });
  const report = z
    .object({
      context: z.object({ events: z.number(), batchSize: z.number(), runs: z.number() }),
      summary: z.object({ candidate: pipeline, baseline: pipeline }),
      runs: z.array(z.object({ candidate: z.object({ batchMs: z.object({ median: z.number() }) }) })),
    })
    .parse(JSON.parse(readFileSync(written, 'utf8')));
  const batchMedians = report.runs.map((run) => run.candidate.batchMs.median).sort((a, b) => a - b);
  return {
    events: report.context.events,
    batchSize: report.context.batchSize,
    runs: report.context.runs,
    candidate: report.summary.candidate,
    baseline: report.summary.baseline,
    batchMsMedian: batchMedians[Math.floor(batchMedians.length / 2)] as number,
  };
}

/** Lambda cost per million events: from the stream-etl benchmark's batches, the live run's invocations, ingest. */
function costModel(results: Partial<SuiteResults>): LambdaCost[] {
  const costs: LambdaCost[] = [];
  if (results.streamEtl) {
    costs.push(
      lambdaCost({
        source: `stream-etl, benchmark batches of ${results.streamEtl.batchSize.toLocaleString('en-US')}`,
        memoryMb: configuredMemoryMb(REPO_ROOT, 'stream-etl'),
        eventsPerInvocation: results.streamEtl.batchSize,
        msPerInvocation: results.streamEtl.batchMsMedian,
      }),
    );
  }
  // The live run's invocations of every function the pipeline runs per event, at each one's configured memory.
  const liveFunctions = [
    { suffix: '-processStream', service: 'stream-etl' },
    { suffix: '-registerPartitions', service: 'catalog-updater' },
    { suffix: '-loadWarehouse', service: 'warehouse-loader' },
  ];
  for (const { suffix, service } of liveFunctions) {
    if (!results.freshness) break;
    const [name, live] = Object.entries(results.freshness.invocations).find(([fn]) => fn.endsWith(suffix)) ?? [];
    if (!name || !live || live.invocations === 0) continue;
    costs.push(
      lambdaCost({
        source: `${service}, live local-cloud invocations (configured batch size and window)`,
        memoryMb: configuredMemoryMb(REPO_ROOT, service),
        eventsPerInvocation: results.freshness.events / live.invocations,
        msPerInvocation: live.totalMs / live.invocations,
      }),
    );
  }
  if (results.ingest) {
    const c = results.ingest.candidate;
    costs.push(
      lambdaCost({
        source: 'ingest (HTTP API + Lambda), request latency as duration',
        memoryMb: configuredMemoryMb(REPO_ROOT, 'ingest'),
        eventsPerInvocation: c.events / Math.max(1, c.requests),
        msPerInvocation: c.latency.p50,
        otherPerMillionRequests: PRICES.httpApiPerMillionRequests,
      }),
    );
  }
  return costs;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'sluice-bench-suite-'));
  const results: { -readonly [K in keyof SuiteResults]?: SuiteResults[K] } = {};
  const step = (name: string) => console.log(`\n== ${name} ==`);
  try {
    if (options.only.has('stream-etl')) {
      step('stream-etl throughput vs DuckDB');
      results.streamEtl = await streamEtl(options);
    }
    if (options.only.has('freshness')) {
      step('end-to-end freshness on the local cloud');
      results.freshness = await runChild({
        name: 'freshness',
        script: new URL('./freshness-run.ts', import.meta.url),
        spec: {
          events: options.freshness.events,
          ratePerSecond: options.freshness.rate,
          pollMs: 100,
          resultFile: join(work, 'freshness.json'),
        } satisfies FreshnessSpec,
        result: FreshnessResult,
      });
    }
    if (options.only.has('warehouse')) {
      step('local warehouse load and dashboard queries');
      const dir = join(work, 'warehouse');
      mkdirSync(dir);
      results.warehouse = await runChild({
        name: 'warehouse',
        script: new URL('./warehouse-run.ts', import.meta.url),
        spec: {
          rows: options.rows,
          workDir: dir,
          dashboardRuns: options.dashboardRuns,
          hmacKey: BENCHMARK_HMAC_KEY,
          resultFile: join(dir, 'result.json'),
        } satisfies WarehouseSpec,
        result: WarehouseResult,
      });
      rmSync(dir, { recursive: true, force: true });
    }
    if (options.only.has('ingest')) {
      step('HTTP ingest on loopback');
      results.ingest = await runChild({
        name: 'ingest',
        script: new URL('./ingest-run.ts', import.meta.url),
        spec: {
          seconds: options.ingestSeconds,
          connections: 8,
          eventsPerRequest: 100,
          resultFile: join(work, 'ingest.json'),
        } satisfies IngestSpec,
        result: IngestResult,
      });
    }
    results.cost = costModel(results);
    if (options.only.has('soak')) {
      step(`soak: ${options.soakRate} events/s for ${options.soakSeconds} s`);
      const soak = await runChild({
        name: 'soak',
        script: new URL('./soak-run.ts', import.meta.url),
        spec: {
          rate: options.soakRate,
          seconds: options.soakSeconds,
          resultFile: join(work, 'soak.json'),
        } satisfies SoakSpec,
        result: z.custom<SoakResult>((value) => typeof value === 'object' && value !== null && 'samples' in value),
      });
      const { samples, ...summary } = soak;
      results.soak = summary;
      writeFileSync(join(options.out, 'soak-samples.json'), `${JSON.stringify(samples)}\n`);
    }
    const suite: SuiteResults = {
      date: new Date().toISOString(),
      machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, Node ${process.version}`,
      mode: options.quick ? 'quick' : 'full',
      ...results,
    };
    const markdown = suiteMarkdown(suite);
    writeFileSync(join(options.out, 'latest.json'), `${JSON.stringify(suite, null, 2)}\n`);
    writeFileSync(join(options.out, 'latest.md'), markdown);
    console.log(`\n${markdown}\nResults: ${join(options.out, 'latest.md')} and latest.json`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
