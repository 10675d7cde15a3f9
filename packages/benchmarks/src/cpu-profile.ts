import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The parts of V8's `.cpuprofile` format (what `node --cpu-prof` writes) that the summary reads. */
const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.int(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.int() }),
      children: z.array(z.int()).optional(),
    }),
  ),
  samples: z.array(z.int()),
  timeDeltas: z.array(z.number()),
});

export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Samples with `processBatch` (or a function it resumed) on the stack. */
  readonly inPipelineMs: number;
  readonly garbageCollectorMs: number;
  /** Self time inside the pipeline, by function, largest first. */
  readonly topSelf: readonly ProfileEntry[];
  /** Self time inside the pipeline, by package or runtime area. */
  readonly byArea: readonly ProfileEntry[];
  /** Inclusive time of the pipeline's main calls. */
  readonly inclusive: readonly ProfileEntry[];
}

const PIPELINE_ROOT = 'processBatch';
const WATCHED = [
  'decodeRecord',
  'safeParse',
  'maskEvent',
  'toRow',
  'encodeParquet',
  'vectorFromArray',
  'tableToIPC',
  'fromIPCStream',
  'writeParquet',
  'put',
];

function areaOf(url: string, functionName: string): string {
  if (functionName.startsWith('(')) return functionName;
  const packages: [RegExp, string][] = [
    [/parquet-wasm/, 'parquet-wasm (Parquet writer, WebAssembly)'],
    [/apache-arrow/, 'apache-arrow (columns, IPC)'],
    [/\/zod\//, 'zod (contract validation)'],
    [/packages\/core\//, '@sluice/core'],
    [/packages\/contracts\//, '@sluice/contracts'],
    [/packages\/parquet\//, '@sluice/parquet'],
    [/packages\/adapters-local\//, '@sluice/adapters-local (file object store)'],
    [/^wasm:/, 'parquet-wasm (Parquet writer, WebAssembly)'],
    [/^node:/, 'Node.js runtime'],
  ];
  for (const [pattern, area] of packages) if (pattern.test(url)) return area;
  return url === '' ? 'V8 built-ins (JSON, RegExp, strings)' : 'other';
}

function shortUrl(url: string): string {
  const nodeModules = url.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return url.slice(nodeModules + 'node_modules/'.length);
  const packages = url.indexOf('/packages/');
  return packages >= 0 ? url.slice(packages + 1) : url;
}

function sortedEntries(map: Map<string, number>, limit = Number.POSITIVE_INFINITY): ProfileEntry[] {
  return [...map]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/** Self and inclusive time of a profile written by `node --cpu-prof`, focused on the pipeline. */
export function summarizeCpuProfile(file: string, top = 12): ProfileSummary {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let inPipelineMs = 0;
  let garbageCollectorMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    totalMs += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(garbage collector)') garbageCollectorMs += ms;
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = byId.get(at)?.callFrame.functionName;
      if (name) onStack.add(name);
    }
    if (!onStack.has(PIPELINE_ROOT)) return;
    inPipelineMs += ms;
    // tsx's output has no line structure worth showing; a package's JavaScript does.
    const line = url.endsWith('.ts') || url === '' ? '' : `:${lineNumber + 1}`;
    const label = `${functionName || '(anonymous)'} ${shortUrl(url)}${line}`.trim();
    self.set(label, (self.get(label) ?? 0) + ms);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    for (const name of WATCHED) if (onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  return {
    totalMs,
    inPipelineMs,
    garbageCollectorMs,
    topSelf: sortedEntries(self, top),
    byArea: sortedEntries(areas),
    inclusive: WATCHED.map((name) => ({ name, ms: inclusive.get(name) ?? 0 })),
  };
}
