import type { ProfileSummary } from './cpu-profile';
import { median, type PipelineMeasurement, type StageBreakdown } from './measurement';

export interface RunPair {
  readonly candidate: PipelineMeasurement;
  readonly baseline: PipelineMeasurement;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface PipelineSummary {
  readonly eventsPerSecond: Spread;
  readonly eventsPerCpuSecond: Spread;
  readonly cpuSeconds: Spread;
  readonly peakRssMb: Spread;
  readonly idleRssMb: Spread;
  readonly outputBytes: Spread;
  readonly outputFiles: Spread;
}

export interface Summary {
  readonly candidate: PipelineSummary;
  readonly baseline: PipelineSummary;
  /** candidate / baseline per run (runs are interleaved), then median and range. */
  readonly ratio: { readonly eventsPerSecond: Spread; readonly eventsPerCpuSecond: Spread; readonly peakRssMb: Spread };
}

export interface ReportContext {
  readonly date: string;
  readonly machine: string;
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
  readonly events: number;
  readonly batchSize: number;
  readonly runs: number;
  readonly inputBytes: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly minEventBytes: number;
  readonly baselineSql: string;
}

export function spreadOf(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const eventsPerSecond = (m: PipelineMeasurement) => m.events / (m.wallMs / 1000);
const eventsPerCpuSecond = (m: PipelineMeasurement) => m.events / (m.cpuMs / 1000);

function summarizePipeline(runs: readonly PipelineMeasurement[]): PipelineSummary {
  return {
    eventsPerSecond: spreadOf(runs.map(eventsPerSecond)),
    eventsPerCpuSecond: spreadOf(runs.map(eventsPerCpuSecond)),
    cpuSeconds: spreadOf(runs.map((m) => m.cpuMs / 1000)),
    peakRssMb: spreadOf(runs.map((m) => m.peakRssMb)),
    idleRssMb: spreadOf(runs.map((m) => m.idleRssMb)),
    outputBytes: spreadOf(runs.map((m) => m.output.bytes)),
    outputFiles: spreadOf(runs.map((m) => m.output.files)),
  };
}

export function summarize(pairs: readonly RunPair[]): Summary {
  const ratio = (metric: (m: PipelineMeasurement) => number) =>
    spreadOf(pairs.map((pair) => metric(pair.candidate) / metric(pair.baseline)));
  return {
    candidate: summarizePipeline(pairs.map((pair) => pair.candidate)),
    baseline: summarizePipeline(pairs.map((pair) => pair.baseline)),
    ratio: {
      eventsPerSecond: ratio(eventsPerSecond),
      eventsPerCpuSecond: ratio(eventsPerCpuSecond),
      peakRssMb: ratio((m) => m.peakRssMb),
    },
  };
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const decimal = (digits: number) => (value: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const megabytes = (bytes: number) => decimal(1)(bytes / 1024 / 1024);

/** `median (min–max)`, or just the value when every run gave the same. */
function cell(spread: Spread, format: (value: number) => string): string {
  const median = format(spread.median);
  return spread.min === spread.max ? median : `${median} (${format(spread.min)}–${format(spread.max)})`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function resultsTable(context: ReportContext, summary: Summary): string {
  const row = (name: string, s: PipelineSummary, ratio: string) => [
    name,
    integer(context.events),
    cell(s.eventsPerSecond, integer),
    cell(s.eventsPerCpuSecond, integer),
    cell(s.cpuSeconds, decimal(2)),
    cell(s.peakRssMb, integer),
    cell(s.idleRssMb, integer),
    `${cell(s.outputBytes, megabytes)} MB in ${cell(s.outputFiles, integer)} files`,
    ratio,
  ];
  const batches = Math.ceil(context.events / context.batchSize);
  return table(
    [
      'Pipeline',
      'Events',
      'Events/s (wall)',
      'Events/CPU-s',
      'CPU s',
      'Peak RSS MB',
      'Idle RSS MB',
      'Output',
      'Events/s ratio',
    ],
    [
      row(
        `Candidate: stream-etl \`processBatch\`, ${batches} × ${integer(context.batchSize)} records`,
        summary.candidate,
        cell(summary.ratio.eventsPerSecond, (v) => `${decimal(2)(v)}×`),
      ),
      row('Baseline: DuckDB, 1 thread, NDJSON → partitioned Parquet', summary.baseline, '1.00×'),
    ],
  );
}

export function breakdownTable(breakdown: StageBreakdown): string {
  const total = breakdown.stages.reduce((sum, stage) => sum + stage.ms, 0);
  const rows = breakdown.stages.map((stage) => [
    stage.stage,
    decimal(1)(stage.ms),
    `${decimal(0)((stage.ms / total) * 100)} %`,
    decimal(2)((stage.ms * 1000) / breakdown.records),
  ]);
  rows.push(['sum of stages', decimal(1)(total), '100 %', decimal(2)((total * 1000) / breakdown.records)]);
  rows.push([
    '`processBatch` as a whole',
    decimal(1)(breakdown.wholeBatchMs),
    '',
    decimal(2)((breakdown.wholeBatchMs * 1000) / breakdown.records),
  ]);
  return table(['Stage (one batch)', 'ms', 'Share', 'µs/record'], rows);
}

export function profileTables(profile: ProfileSummary): string {
  const share = (ms: number) => `${decimal(0)((ms / profile.inPipelineMs) * 100)} %`;
  return [
    `Sampled ${decimal(1)(profile.totalMs / 1000)} s in the candidate process: ${decimal(1)(profile.inPipelineMs / 1000)} s under \`processBatch\`, ${decimal(1)(profile.garbageCollectorMs / 1000)} s in the garbage collector (not attributed to a caller). Shares below are of the time under \`processBatch\`.`,
    '',
    table(
      ['Inclusive (call and callees)', 'ms', 'Share'],
      profile.inclusive.map((entry) => [`\`${entry.name}\``, integer(entry.ms), share(entry.ms)]),
    ),
    '',
    table(
      ['Self time by area', 'ms', 'Share'],
      profile.byArea.map((entry) => [entry.name, integer(entry.ms), share(entry.ms)]),
    ),
    '',
    table(
      ['Self time by function', 'ms', 'Share'],
      profile.topSelf.map((entry) => [`\`${entry.name}\``, integer(entry.ms), share(entry.ms)]),
    ),
  ].join('\n');
}

function targetLines(context: ReportContext, summary: Summary): string[] {
  const throughput = summary.candidate.eventsPerSecond;
  const lines = [
    `- Target ≥ 50,000 events/s on one core: median ${integer(throughput.median)} events/s wall, ${integer(summary.candidate.eventsPerCpuSecond.median)} events per CPU-second — ${throughput.median >= 50_000 ? 'met' : 'not met'}${throughput.min < 50_000 && throughput.max >= 50_000 ? ' (runs on both sides)' : ''}.`,
  ];
  if (context.batchSize === 10_000) {
    const peak = summary.candidate.peakRssMb;
    lines.push(
      `- Target ≤ 512 MB peak RSS for a 10,000-record batch: worst run ${integer(peak.max)} MB (process high-water mark, Node and module start-up included) — ${peak.max <= 512 ? 'met' : 'not met'}.`,
    );
  }
  return lines;
}

export function markdownReport(
  context: ReportContext,
  summary: Summary,
  pairs: readonly RunPair[],
  breakdown: StageBreakdown | undefined,
  profile: ProfileSummary | undefined,
): string {
  const kinds = Object.entries(context.byKind)
    .map(([kind, count]) => `${integer(count)} ${kind}`)
    .join(', ');
  const latency = pairs
    .map((pair, index) => {
      const b = pair.candidate.batchMs;
      return b
        ? `run ${index + 1}: first ${integer(b.first)} ms, median ${integer(b.median)} ms, max ${integer(b.max)} ms`
        : '';
    })
    .join('; ');
  const sections = [
    '# stream-etl benchmark',
    '',
    `${context.date} · ${context.machine} · load average ${context.loadAverage.before.map(decimal(2)).join(' ')} before, ${context.loadAverage.after.map(decimal(2)).join(' ')} after`,
    '',
    `${integer(context.events)} events (${kinds}), ${megabytes(context.inputBytes)} MB, ${integer(context.inputBytes / context.events)} bytes per record on average${context.minEventBytes > 0 ? ` (well-formed records padded to ≥ ${integer(context.minEventBytes)} bytes with an unknown field)` : ''}. ${context.runs} runs, candidate and baseline interleaved, each in its own process; median (min–max).`,
    '',
    resultsTable(context, summary),
    '',
    ...targetLines(context, summary),
    `- Candidate invocation latency: ${latency}.`,
    `- Peak RSS ratio candidate/baseline: ${cell(summary.ratio.peakRssMb, (v) => `${decimal(2)(v)}×`)}; events per CPU-second ratio: ${cell(summary.ratio.eventsPerCpuSecond, (v) => `${decimal(2)(v)}×`)}.`,
  ];
  if (breakdown) {
    sections.push(
      '',
      `## Where the candidate's time goes (one batch of ${integer(breakdown.records)} records, ${integer(breakdown.valid)} valid; median of ${breakdown.iterations} after a warm-up)`,
      '',
      breakdownTable(breakdown),
    );
  }
  if (profile) sections.push('', '## CPU profile of one candidate run (`node --cpu-prof`)', '', profileTables(profile));
  sections.push('', '## Baseline SQL', '', '```sql', context.baselineSql, '```', '');
  return sections.join('\n');
}
