/**
 * stream-etl benchmark: the full stream-etl pipeline against DuckDB on the same events, in the same run.
 *
 *   npx tsx packages/benchmarks/src/stream-etl.ts [--events N] [--batch N] [--out DIR] [--runs N]
 *     [--seed N] [--min-event-bytes N] [--breakdown-iterations N] [--profile] [--keep]
 *
 * See this package's README for what is measured and how to read the output.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '@sluice/core';
import { baselineCopySql } from './baseline-sql';
import { runChild } from './child-process';
import { type ProfileSummary, summarizeCpuProfile } from './cpu-profile';
import { prepareInput } from './generate-input';
import { PipelineMeasurement, type StageBreakdown, StageBreakdown as StageBreakdownSchema } from './measurement';
import { markdownReport, type ReportContext, type RunPair, summarize } from './report';
import type { BaselineSpec, BreakdownSpec, CandidateSpec } from './specs';

/** Not a secret: the benchmark only needs a key of the length the composition root demands. */
const BENCHMARK_HMAC_KEY = 'sluice-benchmark-masking-key-not-a-secret';

interface Options {
  readonly events: number;
  readonly batch: number;
  readonly out: string;
  readonly runs: number;
  readonly seed: number;
  readonly minEventBytes: number;
  readonly breakdownIterations: number;
  readonly profile: boolean;
  readonly keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '200000' },
      batch: { type: 'string', default: '10000' },
      out: { type: 'string', default: 'bench-results' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'min-event-bytes': { type: 'string', default: '0' },
      'breakdown-iterations': { type: 'string', default: '5' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const problems: string[] = [];
  const integer = (name: string, text: string, min: number): number => {
    const value = Number(text.replaceAll('_', ''));
    if (!Number.isSafeInteger(value) || value < min)
      problems.push(`--${name} must be an integer ≥ ${min}, got "${text}"`);
    return value;
  };
  const options: Options = {
    events: integer('events', values.events, 1),
    batch: integer('batch', values.batch, 1),
    out: values.out,
    runs: integer('runs', values.runs, 1),
    seed: integer('seed', values.seed, 0),
    minEventBytes: integer('min-event-bytes', values['min-event-bytes'], 0),
    breakdownIterations: integer('breakdown-iterations', values['breakdown-iterations'], 1),
    profile: values.profile,
    keep: values.keep,
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return options;
}

const childScript = (name: string) => new URL(`./${name}.ts`, import.meta.url);

async function measurePair(work: string, manifestFile: string, ndjsonFile: string, events: number, run: number) {
  const dir = join(work, `run-${run}`);
  mkdirSync(dir);
  const candidate = await runChild({
    name: `candidate run ${run}`,
    script: childScript('candidate-run'),
    spec: {
      manifestFile,
      lakeRoot: join(dir, 'lake'),
      hmacKey: BENCHMARK_HMAC_KEY,
      resultFile: join(dir, 'candidate.json'),
    } satisfies CandidateSpec,
    result: PipelineMeasurement,
  });
  const outDir = join(dir, 'duckdb');
  const baseline = await runChild({
    name: `baseline run ${run}`,
    script: childScript('baseline-run'),
    spec: {
      events,
      copySql: baselineCopySql(ndjsonFile, outDir),
      outDir,
      resultFile: join(dir, 'baseline.json'),
    } satisfies BaselineSpec,
    result: PipelineMeasurement,
  });
  rmSync(dir, { recursive: true, force: true });
  return { candidate, baseline } satisfies RunPair;
}

async function profileCandidate(
  work: string,
  manifestFile: string,
  out: string,
  stamp: string,
): Promise<ProfileSummary> {
  const dir = join(work, 'profile');
  mkdirSync(dir);
  await runChild({
    name: 'candidate profile',
    script: childScript('candidate-run'),
    spec: {
      manifestFile,
      lakeRoot: join(dir, 'lake'),
      hmacKey: BENCHMARK_HMAC_KEY,
      resultFile: join(dir, 'candidate.json'),
    } satisfies CandidateSpec,
    result: PipelineMeasurement,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=candidate.cpuprofile'],
  });
  const file = join(dir, 'candidate.cpuprofile');
  const summary = summarizeCpuProfile(file);
  rmSync(join(dir, 'lake'), { recursive: true, force: true });
  // Kept beside the results, to open in Chrome DevTools or speedscope.
  copyFileSync(file, join(out, `stream-etl-${stamp}.cpuprofile`));
  return summary;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const loadBefore = loadavg();
  try {
    console.log(`Generating ${options.events.toLocaleString('en-US')} events (untimed)…`);
    const manifestFile = join(work, 'manifest.json');
    const manifest = prepareInput({
      events: options.events,
      batchSize: options.batch,
      seed: options.seed,
      minEventBytes: options.minEventBytes,
      dir: work,
    });

    const pairs: RunPair[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const pair = await measurePair(work, manifestFile, manifest.ndjsonFile, manifest.events, run);
      const rate = (m: PipelineMeasurement) => Math.round(m.events / (m.wallMs / 1000)).toLocaleString('en-US');
      console.log(
        `run ${run}/${options.runs}: candidate ${rate(pair.candidate)} events/s, ${Math.round(pair.candidate.peakRssMb)} MB peak; ` +
          `baseline ${rate(pair.baseline)} events/s, ${Math.round(pair.baseline.peakRssMb)} MB peak`,
      );
      pairs.push(pair);
    }

    console.log('Timing the stages of one batch…');
    const breakdownDir = join(work, 'breakdown');
    mkdirSync(breakdownDir);
    const breakdown: StageBreakdown = await runChild({
      name: 'stage breakdown',
      script: childScript('stage-breakdown'),
      spec: {
        manifestFile,
        lakeRoot: join(breakdownDir, 'lake'),
        hmacKey: BENCHMARK_HMAC_KEY,
        iterations: options.breakdownIterations,
        resultFile: join(breakdownDir, 'result.json'),
      } satisfies BreakdownSpec,
      result: StageBreakdownSchema,
    });

    const stamp = `${options.events}x${options.batch}-${new Date().toISOString().replaceAll(/[:.]/g, '-')}`;
    let profile: ProfileSummary | undefined;
    if (options.profile) {
      console.log('Profiling one candidate run…');
      profile = await profileCandidate(work, manifestFile, out, stamp);
    }

    const summary = summarize(pairs);
    const context: ReportContext = {
      date: new Date().toISOString(),
      machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, Node ${process.version}`,
      loadAverage: { before: loadBefore, after: loadavg() },
      events: manifest.events,
      batchSize: manifest.batchSize,
      runs: options.runs,
      inputBytes: manifest.bytes,
      byKind: manifest.byKind,
      minEventBytes: options.minEventBytes,
      baselineSql: baselineCopySql('<events.ndjson>', '<output folder>'),
    };
    const markdown = markdownReport(context, summary, pairs, breakdown, profile);
    const base = join(out, `stream-etl-${stamp}`);
    writeFileSync(`${base}.md`, markdown);
    writeFileSync(
      `${base}.json`,
      `${JSON.stringify({ context, options, summary, runs: pairs, breakdown, profile }, null, 2)}\n`,
    );
    console.log(`\n${markdown}`);
    console.log(`Results: ${base}.md and ${base}.json`);
    if (options.keep) console.log(`Input kept in ${work}: ${readdirSync(work).length} files`);
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
