import { z } from 'zod';

/** What one child process reports about one pipeline run over all the events. */
export const PipelineMeasurement = z.object({
  pipeline: z.enum(['candidate', 'baseline']),
  events: z.int().nonnegative(),
  /** Time inside the pipeline only (reading the input batches and starting the process are excluded). */
  wallMs: z.number().nonnegative(),
  /** Process CPU time (user + system, every thread) over the same intervals. */
  cpuMs: z.number().nonnegative(),
  /** The process's high-water mark (VmHWM), start-up included. */
  peakRssMb: z.number().positive(),
  /** RSS once modules were loaded and the pipeline built, before the first event. */
  idleRssMb: z.number().positive(),
  output: z.object({ files: z.int().nonnegative(), bytes: z.int().nonnegative() }),
  counts: z.record(z.string(), z.number()),
  /** Candidate only: per-invocation latency. */
  batchMs: z.object({ first: z.number(), median: z.number(), max: z.number() }).optional(),
});
export type PipelineMeasurement = z.infer<typeof PipelineMeasurement>;

export const StageTiming = z.object({ stage: z.string(), ms: z.number().nonnegative() });
export type StageTiming = z.infer<typeof StageTiming>;

/** Where one batch's time goes, each stage timed by calling the core functions directly. */
export const StageBreakdown = z.object({
  records: z.int().positive(),
  valid: z.int().nonnegative(),
  iterations: z.int().positive(),
  /** Median over the iterations, after one warm-up iteration. */
  stages: z.array(StageTiming),
  /** `processBatch` on the same records, for comparison with the sum of the stages. */
  wholeBatchMs: z.number().nonnegative(),
});
export type StageBreakdown = z.infer<typeof StageBreakdown>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
