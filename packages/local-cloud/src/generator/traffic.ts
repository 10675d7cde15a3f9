import { ConfigurationError } from '@sluice/core';
import { TrafficSendError } from './errors';
import type { GeneratedRecord } from './generate-events';
import { TokenBucket } from './token-bucket';
import { type TrafficCounts, TrafficTally } from './traffic-counts';

/** Anything that hands out records one at a time; an `EventGenerator` is one. */
export interface RecordSource {
  next(): GeneratedRecord;
}

/**
 * Delivers one batch. Resolve only once every record in it is accepted (e.g. after retrying PutRecords partial
 * failures): resolved batches are what the counts promise reached the stream.
 */
export type SendRecords = (records: readonly GeneratedRecord[], signal?: AbortSignal) => Promise<void>;

export interface TrafficOptions {
  readonly generator: RecordSource;
  /** Records to send; `Infinity` runs until aborted. */
  readonly total: number;
  /** Records per second; unlimited when undefined. */
  readonly ratePerSecond?: number;
  /** Records per `send` call; default 500, the Kinesis PutRecords limit. */
  readonly batchSize?: number;
  readonly send: SendRecords;
  /** Stops the run between batches (an in-flight `send` is awaited, and counted if it resolves). */
  readonly signal?: AbortSignal;
  /** Called after every resolved batch with the counts so far, e.g. for a live progress line. */
  readonly onProgress?: (counts: TrafficCounts) => void;
}

export interface TrafficResult extends TrafficCounts {
  /** True when the signal stopped the run before `total` was reached. */
  readonly aborted: boolean;
  readonly elapsedMs: number;
}

/**
 * Sends `total` generated records in batches, paced by a token bucket when a rate is given, and returns exact
 * counts of what `send` accepted — also when aborted midway, so the run can be reconciled with what the
 * pipeline loaded and quarantined.
 *
 * @throws {ConfigurationError} listing every invalid option.
 * @throws {TrafficSendError} when `send` rejects (and the run was not aborted); it carries the counts so far.
 * @example
 * ```ts
 * const controller = new AbortController();
 * const result = await runTraffic({
 *   generator: createEventGenerator({ seed: 7 }),
 *   total: 100_000,
 *   ratePerSecond: 2_000,
 *   send: (records) => kinesis.putRecords(records),
 *   signal: controller.signal,
 *   onProgress: (counts) => process.stdout.write(`\r${counts.produced} sent`),
 * });
 * console.log(result.valid, result.malformed, result.duplicates, result.uniqueValidEventIds);
 * ```
 */
export async function runTraffic(options: TrafficOptions): Promise<TrafficResult> {
  const problems = trafficOptionProblems(options);
  if (problems.length > 0) throw new ConfigurationError(problems);
  const { generator, total, ratePerSecond, send, signal, onProgress } = options;
  // A batch never exceeds one second's worth of records, so a low rate still sends steadily.
  const batchSize =
    ratePerSecond === undefined
      ? (options.batchSize ?? 500)
      : Math.max(1, Math.min(options.batchSize ?? 500, Math.floor(ratePerSecond)));
  const bucket = ratePerSecond === undefined ? undefined : new TokenBucket(ratePerSecond, batchSize);
  const tally = new TrafficTally();
  const startedAt = Date.now();

  while (tally.produced < total && !signal?.aborted) {
    const size = Math.min(batchSize, total - tally.produced);
    if (bucket && !(await bucket.take(size, signal))) break;
    const batch = Array.from({ length: size }, () => generator.next());
    try {
      await send(batch, signal);
    } catch (error) {
      // A send cut short by the abort is simply not delivered; any other failure is the caller's to handle.
      if (signal?.aborted) break;
      throw new TrafficSendError(tally.snapshot(), error);
    }
    tally.add(batch);
    onProgress?.(tally.snapshot());
  }

  return {
    ...tally.snapshot(),
    aborted: tally.produced < total && (signal?.aborted ?? false),
    elapsedMs: Date.now() - startedAt,
  };
}

function trafficOptionProblems(options: TrafficOptions): string[] {
  const problems: string[] = [];
  const { total, ratePerSecond, batchSize } = options;
  if (!(total === Number.POSITIVE_INFINITY || (Number.isInteger(total) && total >= 0))) {
    problems.push(`total must be a non-negative integer or Infinity, got ${total}`);
  }
  if (ratePerSecond !== undefined && !(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
    problems.push(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1)) {
    problems.push(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (typeof options.send !== 'function') problems.push('send must be a function');
  return problems;
}
