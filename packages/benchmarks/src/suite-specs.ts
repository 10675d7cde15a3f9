import { z } from 'zod';

/** Latency percentiles of repeated calls, in milliseconds. */
export const Latency = z.object({ runs: z.int().positive(), p50: z.number(), p95: z.number(), max: z.number() });
export type Latency = z.infer<typeof Latency>;

/** Input of the warehouse child (`warehouse-run.ts`). */
export const WarehouseSpec = z.object({
  rows: z.int().positive(),
  workDir: z.string(),
  dashboardRuns: z.int().positive(),
  hmacKey: z.string().min(32),
  resultFile: z.string(),
});
export type WarehouseSpec = z.infer<typeof WarehouseSpec>;

export const WarehouseResult = z.object({
  files: z.int().nonnegative(),
  parquetBytes: z.int().nonnegative(),
  rows: z.int().nonnegative(),
  candidate: z.object({
    loadMs: z.number(),
    rowsInserted: z.int(),
    rowsPerSecond: z.number(),
    refreshViewsMs: z.number(),
  }),
  baseline: z.object({ loadMs: z.number(), rowsInserted: z.int(), rowsPerSecond: z.number() }),
  dashboard: z.array(z.object({ panel: z.string(), sql: z.string(), latency: Latency })),
  peakRssMb: z.number(),
});
export type WarehouseResult = z.infer<typeof WarehouseResult>;

/** Input of the freshness child (`freshness-run.ts`). */
export const FreshnessSpec = z.object({
  events: z.int().positive(),
  ratePerSecond: z.number().positive(),
  pollMs: z.int().positive(),
  resultFile: z.string(),
});
export type FreshnessSpec = z.infer<typeof FreshnessSpec>;

export const FreshnessResult = z.object({
  events: z.int(),
  visible: z.int(),
  ratePerSecond: z.number(),
  pollMs: z.int(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  maxMs: z.number(),
  /** Lambda invocations and their durations, per function, for the cost model. */
  invocations: z.record(z.string(), z.object({ invocations: z.int(), errors: z.int(), totalMs: z.number() })),
});
export type FreshnessResult = z.infer<typeof FreshnessResult>;

/** Input of the HTTP ingest child (`ingest-run.ts`). */
export const IngestSpec = z.object({
  seconds: z.number().positive(),
  connections: z.int().positive(),
  eventsPerRequest: z.int().positive(),
  resultFile: z.string(),
});
export type IngestSpec = z.infer<typeof IngestSpec>;

/** Input of the load generator (`http-load.ts`), a process of its own. */
export const HttpLoadSpec = IngestSpec.extend({ url: z.string(), bodiesFile: z.string() });
export type HttpLoadSpec = z.infer<typeof HttpLoadSpec>;

export const HttpLoadResult = z.object({
  requests: z.int(),
  events: z.int(),
  acceptedEvents: z.int(),
  failedRequests: z.int(),
  seconds: z.number(),
  requestsPerSecond: z.number(),
  eventsPerSecond: z.number(),
  latency: Latency,
});
export type HttpLoadResult = z.infer<typeof HttpLoadResult>;

export const IngestResult = z.object({ candidate: HttpLoadResult, baseline: HttpLoadResult });
export type IngestResult = z.infer<typeof IngestResult>;

/** Input of the soak child (`soak-run.ts`). */
export const SoakSpec = z.object({
  rate: z.number().positive(),
  seconds: z.number().positive(),
  resultFile: z.string(),
});
export type SoakSpec = z.infer<typeof SoakSpec>;
