import type { SoakResult } from '@sluice/proof';
import type { LambdaCost } from './cost-model';
import { PRICES } from './cost-model';
import type { FreshnessResult, IngestResult, WarehouseResult } from './suite-specs';

/** The stream-etl benchmark's summary, as its JSON holds it (median and range over the runs). */
export interface StreamEtlSummary {
  readonly events: number;
  readonly batchSize: number;
  readonly runs: number;
  readonly candidate: { eventsPerSecond: Spread; peakRssMb: Spread };
  readonly baseline: { eventsPerSecond: Spread; peakRssMb: Spread };
  readonly batchMsMedian: number;
}

interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface SuiteResults {
  readonly date: string;
  readonly machine: string;
  readonly mode: 'quick' | 'full';
  readonly streamEtl?: StreamEtlSummary;
  readonly freshness?: FreshnessResult;
  readonly warehouse?: WarehouseResult;
  readonly ingest?: IngestResult;
  readonly cost?: readonly LambdaCost[];
  readonly soak?: Omit<SoakResult, 'samples'>;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const dec = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const range = (s: Spread, f: (n: number) => string) =>
  s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const seconds = (ms: number) => `${dec(ms / 1000, 2)} s`;
const dollars = (n: number) => `$${n < 0.01 ? n.toFixed(4) : n.toFixed(2)}`;

/** One Markdown table of every measurement, then the details a reader needs to trust it. */
export function suiteMarkdown(r: SuiteResults): string {
  const rows: string[][] = [];
  if (r.streamEtl) {
    const s = r.streamEtl;
    rows.push([
      `stream-etl throughput, ${int(s.events)} events, batches of ${int(s.batchSize)}`,
      `${range(s.candidate.eventsPerSecond, int)} events/s, peak RSS ${range(s.candidate.peakRssMb, int)} MB`,
      `DuckDB NDJSON → partitioned Parquet: ${range(s.baseline.eventsPerSecond, int)} events/s, peak RSS ${range(s.baseline.peakRssMb, int)} MB`,
      `median (min–max) of ${s.runs} run${s.runs === 1 ? '' : 's'}, each in its own process`,
    ]);
  }
  if (r.freshness) {
    const f = r.freshness;
    rows.push([
      'End-to-end freshness, PutRecords → row in the warehouse',
      `p50 ${seconds(f.p50Ms)}, p95 ${seconds(f.p95Ms)} (max ${seconds(f.maxMs)})`,
      '—',
      `${int(f.visible)}/${int(f.events)} events at ${int(f.ratePerSecond)}/s on the local cloud; warehouse polled every ${f.pollMs} ms`,
    ]);
  }
  if (r.warehouse) {
    const w = r.warehouse;
    rows.push([
      `Local warehouse load, ${int(w.rows)} rows`,
      `${int(w.candidate.rowsPerSecond)} rows/s (${seconds(w.candidate.loadMs)}; views refreshed in ${seconds(w.candidate.refreshViewsMs)})`,
      `DuckDB INSERT … SELECT * FROM read_parquet: ${int(w.baseline.rowsPerSecond)} rows/s (${seconds(w.baseline.loadMs)})`,
      `${int(w.files)} curated Parquet files, ${dec(w.parquetBytes / 1024 / 1024)} MB; adapter = ledger + MERGE by event id + schema checks`,
    ]);
    for (const d of w.dashboard) {
      rows.push([
        `Dashboard panel \`${d.panel}\` over ${int(w.rows)} rows`,
        `p50 ${dec(d.latency.p50)} ms, p95 ${dec(d.latency.p95)} ms`,
        '—',
        `${d.latency.runs} runs after 3 warm-up, through the warehouse adapter`,
      ]);
    }
  }
  if (r.ingest) {
    const { candidate: c, baseline: b } = r.ingest;
    rows.push([
      'HTTP ingest on loopback (POST /events)',
      `${int(c.requestsPerSecond)} requests/s, ${int(c.eventsPerSecond)} events/s; p50 ${dec(c.latency.p50)} ms, p95 ${dec(c.latency.p95)} ms`,
      `bare node:http + JSON.parse: ${int(b.requestsPerSecond)} requests/s, ${int(b.eventsPerSecond)} events/s; p50 ${dec(b.latency.p50)} ms`,
      `${int(c.events / Math.max(1, c.requests))} events per request, load from a second process; ${c.failedRequests} non-2xx`,
    ]);
  }
  for (const cost of r.cost ?? []) {
    rows.push([
      `Cost model: ${cost.source}`,
      `${dec(cost.gbSecondsPerMillionEvents, 1)} GB-s and ${dollars(cost.dollarsPerMillionEvents)} per million events`,
      '—',
      `${int(cost.memoryMb)} MB, ${dec(cost.eventsPerInvocation, 0)} events and ${int(cost.msPerInvocation)} ms per invocation`,
    ]);
  }
  if (r.soak) {
    const s = r.soak;
    rows.push([
      `Soak, ${int(s.rate)} events/s for ${int(s.durationSeconds)} s`,
      `RSS ${int(s.rssAfterWarmupMb)} → ${int(s.rssEndMb)} MB (peak ${int(s.rssPeakMb)}, ${dec(s.rssSlopeMbPerMinute)} MB/min); live heap ${dec(s.liveHeapSlopeMbPerMinute)} MB/min; lag p95 ${seconds(s.lagP95Ms)}, max ${seconds(s.lagMaxMs)}`,
      '—',
      `${int(s.produced)} events, ${int(s.warehouseRows)}/${int(s.uniqueValidEvents)} valid in the warehouse, drained ${dec(s.drainSeconds)} s after the last send`,
    ]);
  }
  const table = [
    '| Measurement | Sluice | Baseline (same run) | Conditions |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  return [
    `# Sluice benchmarks (${r.mode})`,
    '',
    `${r.date}, ${r.machine}.`,
    '',
    table,
    '',
    `Cost model prices: Lambda arm64 $${PRICES.lambdaArm64PerGbSecond} per GB-s and $${PRICES.lambdaPerMillionRequests} per million requests; API Gateway HTTP API $${PRICES.httpApiPerMillionRequests} per million requests (first tier). Durations are this machine's; a Lambda with 1,024 MB has about 0.6 vCPU, so expect longer ones there. Kinesis, S3, EventBridge, Step Functions and Redshift are not in the model.`,
    '',
  ].join('\n');
}
