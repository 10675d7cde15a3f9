import { SluiceError } from '@sluice/core';
import type { TrafficCounts } from './traffic-counts';

/**
 * `send` rejected while traffic was running. `counts` covers only the batches `send` had resolved before, so
 * the caller can still reconcile what reached the stream.
 *
 * @example
 * ```ts
 * try {
 *   await runTraffic({ generator, total: 10_000, send });
 * } catch (error) {
 *   if (error instanceof TrafficSendError) console.error(`${error.counts.produced} sent before`, error.cause);
 * }
 * ```
 */
export class TrafficSendError extends SluiceError {
  constructor(
    readonly counts: TrafficCounts,
    cause: unknown,
  ) {
    super('TRAFFIC_SEND_FAILED', `sending a batch failed after ${counts.produced} records were sent`, { cause });
  }
}
