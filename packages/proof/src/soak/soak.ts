import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEventGenerator, runTraffic } from '@sluice/local-cloud';
import { startLocalRun } from '../support/local-run';
import { linearSlope, quantile } from './trend';

export interface SoakOptions {
  /** Events per second the generator sends, steadily. */
  readonly rate: number;
  readonly durationSeconds: number;
  /** Samples taken in the first part of the run are warm-up (module loading, first DuckDB pages), not trend. */
  readonly warmupSeconds?: number;
  readonly sampleEveryMs?: number;
  /** A full GC before every n-th sample (default 5); a short soak needs more live-heap points for a trend. */
  readonly gcEverySamples?: number;
  readonly seed?: number;
}

export interface SoakSample {
  readonly atSeconds: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Heap still in use right after a full garbage collection (every n-th sample): what a leak grows. */
  readonly liveHeapMb?: number;
  readonly produced: number;
  /** Records stream-etl has taken from the stream. */
  readonly consumed: number;
  /** Age of the oldest record not yet processed, the largest of any shard (Kinesis MillisBehindLatest). */
  readonly millisBehindLatest: number;
  readonly warehouseRows: number;
}

export interface SoakResult {
  readonly rate: number;
  readonly durationSeconds: number;
  readonly produced: number;
  /** Sent per second of the run, as the token bucket allowed. */
  readonly achievedRate: number;
  readonly samples: readonly SoakSample[];
  /** RSS growth after warm-up, least squares, in MB per minute. */
  readonly rssSlopeMbPerMinute: number;
  readonly rssAfterWarmupMb: number;
  readonly rssPeakMb: number;
  readonly rssEndMb: number;
  /** Live heap (after a full GC) growth after warm-up, in MB per minute: the leak signal RSS's sawtooth hides. */
  readonly liveHeapSlopeMbPerMinute: number;
  readonly liveHeapAfterWarmupMb: number;
  readonly liveHeapEndMb: number;
  readonly lagP95Ms: number;
  readonly lagMaxMs: number;
  /** Records sent but not yet consumed, largest seen after warm-up. */
  readonly recordsBehindMax: number;
  /** Seconds from the last send until the warehouse held every valid event. */
  readonly drainSeconds: number;
  /** Warehouse rows at the end, and the distinct valid events sent: equal when nothing was lost. */
  readonly warehouseRows: number;
  readonly uniqueValidEvents: number;
}

const MB = 1024 * 1024;
const GC_EVERY_SAMPLES = 5;

/** The V8 collector, reachable without `--expose-gc` on the command line (vitest and tsx start the process). */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Runs the local cloud in this process with the generator at a fixed rate for a while, sampling memory and lag
 * every second; then waits for the pipeline to drain and checks the warehouse holds every valid event.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const warmup = options.warmupSeconds ?? Math.min(60, options.durationSeconds / 3);
  const run = await startLocalRun({ prefix: 'sluice-soak-' });
  const samples: SoakSample[] = [];
  let produced = 0;
  const startedAt = Date.now();
  const gc = fullGc();
  const sample = async () => {
    const collect = samples.length % (options.gcEverySamples ?? GC_EVERY_SAMPLES) === 0;
    if (collect) gc();
    const memory = process.memoryUsage();
    const mappings = run.cloud.eventSourceMappings().map((m) => m.stats().total);
    const rows = Object.values(await run.cloud.warehouseRows()).reduce((a, b) => a + b, 0);
    samples.push({
      atSeconds: (Date.now() - startedAt) / 1000,
      rssMb: memory.rss / MB,
      heapUsedMb: memory.heapUsed / MB,
      ...(collect ? { liveHeapMb: memory.heapUsed / MB } : {}),
      produced,
      consumed: run.cloud.metrics.counters.recordsIn,
      millisBehindLatest: Math.max(0, ...mappings.map((m) => m.millisBehindLatest)),
      warehouseRows: rows,
    });
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample, sample);
  }, options.sampleEveryMs ?? 1000);
  try {
    const traffic = await runTraffic({
      generator: createEventGenerator({ seed: options.seed ?? 5, malformedShare: 0.02, duplicateShare: 0.01 }),
      total: Math.round(options.rate * options.durationSeconds),
      ratePerSecond: options.rate,
      send: (records) => run.put(records),
      onProgress: (counts) => {
        produced = counts.produced;
      },
    });
    const sentAt = Date.now();
    await run.cloud.idle();
    const drainSeconds = (Date.now() - sentAt) / 1000;
    clearInterval(timer);
    await sampling;
    const rows = Object.values(await run.cloud.warehouseRows()).reduce((a, b) => a + b, 0);
    const steady = samples.filter((s) => s.atSeconds >= warmup && s.atSeconds <= options.durationSeconds);
    const lags = steady.map((s) => s.millisBehindLatest);
    const live = steady.flatMap((s) => (s.liveHeapMb === undefined ? [] : [{ x: s.atSeconds / 60, y: s.liveHeapMb }]));
    return {
      rate: options.rate,
      durationSeconds: options.durationSeconds,
      produced: traffic.produced,
      achievedRate: traffic.produced / (traffic.elapsedMs / 1000),
      samples,
      rssSlopeMbPerMinute: linearSlope(steady.map((s) => ({ x: s.atSeconds / 60, y: s.rssMb }))),
      rssAfterWarmupMb: steady[0]?.rssMb ?? Number.NaN,
      rssPeakMb: Math.max(...samples.map((s) => s.rssMb)),
      rssEndMb: steady.at(-1)?.rssMb ?? Number.NaN,
      liveHeapSlopeMbPerMinute: linearSlope(live),
      liveHeapAfterWarmupMb: live[0]?.y ?? Number.NaN,
      liveHeapEndMb: live.at(-1)?.y ?? Number.NaN,
      lagP95Ms: quantile(lags, 0.95),
      lagMaxMs: Math.max(0, ...lags),
      recordsBehindMax: Math.max(0, ...steady.map((s) => s.produced - s.consumed)),
      drainSeconds,
      warehouseRows: rows,
      uniqueValidEvents: traffic.uniqueValidEventIds,
    };
  } finally {
    clearInterval(timer);
    await sampling.catch(() => {});
    await run.dispose();
  }
}
