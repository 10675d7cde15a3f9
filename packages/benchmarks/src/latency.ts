import { quantile } from '@sluice/proof';
import type { Latency } from './suite-specs';

/** p50, p95 and max of durations in milliseconds. */
export function latencyOf(durations: readonly number[]): Latency {
  return {
    runs: durations.length,
    p50: quantile(durations, 0.5),
    p95: quantile(durations, 0.95),
    max: Math.max(...durations),
  };
}
