import type { StoredRecord } from '../kinesis';
import { readBatchResponse } from './batch-response';
import type { BatchEntry } from './event-records';
import type { ResolvedMappingOptions } from './mapping-options';
import type { DiscardedBatch } from './on-failure-record';
import type { MappingCounters, OnFailureCondition } from './types';

/** What delivering a batch needs from its shard's poller. */
export interface DeliveryContext {
  readonly options: ResolvedMappingOptions;
  readonly counters: MappingCounters;
  readonly isStopping: () => boolean;
  /** Sleeps, returning early when the mapping stops. */
  readonly pause: (ms: number) => Promise<void>;
  /** Runs the function once on the event (with the timeout applied); rejects on a function error. */
  readonly invoke: (entries: readonly BatchEntry[]) => Promise<unknown>;
  /** Persists that the shard is done up to and including `record`. */
  readonly checkpoint: (record: StoredRecord) => void;
  /** Reports a discarded batch; false if the mapping stopped before the destination took it. */
  readonly discard: (batch: DiscardedBatch) => Promise<boolean>;
  readonly describe: (entries: readonly BatchEntry[]) => string;
}

/** A contiguous run of a batch that is invoked as one event. */
interface Segment {
  entries: BatchEntry[];
  /** Invocations that carried these records so far, bisected parents included. */
  invokeCount: number;
  /** Retries counted against maximumRetryAttempts. */
  retries: number;
}

type AttemptOutcome = { kind: 'success' } | { kind: 'partial'; failedIndex: number } | { kind: 'failed' };

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Delivers one batch the way Lambda's Kinesis poller does: on success it checkpoints the batch; on a
 * reported item failure it checkpoints the records before the lowest failed one and retries from it;
 * on a function error it bisects (when enabled, without spending a retry) or retries the batch; records
 * past maximumRecordAgeInSeconds, and batches out of retries, are discarded to onFailure and passed.
 * Segments are handled strictly in order, so nothing after a failing record reaches the function first.
 *
 * Returns true once every record is checkpointed (delivered or discarded), false if the mapping
 * stopped first; whatever was not checkpointed is delivered again after a restart.
 */
export async function deliverBatch(batch: readonly BatchEntry[], context: DeliveryContext): Promise<boolean> {
  const { options, counters } = context;
  const pending: Segment[] = [{ entries: [...batch], invokeCount: 0, retries: 0 }];
  while (pending.length > 0) {
    if (context.isStopping()) return false;
    const segment = pending[0] as Segment;

    const expired = countExpired(segment.entries, options);
    if (expired > 0) {
      const old = segment.entries.slice(0, expired);
      if (!(await discard(old, 'RecordAgeExceeded', segment.invokeCount, context))) return false;
      segment.entries = segment.entries.slice(expired);
      if (segment.entries.length === 0) pending.shift();
      continue;
    }

    const outcome = await attempt(segment, context);
    segment.invokeCount++;
    if (outcome.kind === 'success') {
      succeed(segment.entries, context);
      pending.shift();
      continue;
    }
    if (outcome.kind === 'partial') {
      succeed(segment.entries.slice(0, outcome.failedIndex), context);
      segment.entries = segment.entries.slice(outcome.failedIndex);
    } else if (options.bisectBatchOnFunctionError && segment.entries.length > 1) {
      // Halves inherit the parent's retries: splitting itself is free, as on AWS.
      const middle = Math.ceil(segment.entries.length / 2);
      const halves = [segment.entries.slice(0, middle), segment.entries.slice(middle)].map((entries) => ({
        entries,
        invokeCount: segment.invokeCount,
        retries: segment.retries,
      }));
      pending.splice(0, 1, ...halves);
      counters.bisections++;
      continue;
    }

    const exhausted = options.maximumRetryAttempts !== -1 && segment.retries >= options.maximumRetryAttempts;
    if (exhausted) {
      if (!(await discard(segment.entries, 'RetryAttemptsExhausted', segment.invokeCount, context))) return false;
      pending.shift();
      continue;
    }
    segment.retries++;
    counters.retries++;
    await context.pause(Math.min(MAX_RETRY_DELAY_MS, options.retryDelayMs * 2 ** (segment.retries - 1)));
  }
  return true;
}

async function attempt(segment: Segment, context: DeliveryContext): Promise<AttemptOutcome> {
  const { counters, options } = context;
  counters.batchesInvoked++;
  counters.recordsDelivered += segment.entries.length;
  let result: unknown;
  try {
    result = await context.invoke(segment.entries);
  } catch (error) {
    counters.functionErrors++;
    options.log(`${context.describe(segment.entries)}: function error: ${errorMessage(error)}`);
    return { kind: 'failed' };
  }
  if (!options.reportBatchItemFailures) return { kind: 'success' };
  const response = readBatchResponse(
    result,
    segment.entries.map((entry) => entry.record.sequenceNumber),
  );
  if (response.kind === 'malformed') {
    counters.functionErrors++;
    options.log(`${context.describe(segment.entries)}: whole batch failed: ${response.reason}`);
    return { kind: 'failed' };
  }
  if (response.kind === 'partial') counters.partialFailures++;
  return response;
}

function succeed(entries: readonly BatchEntry[], context: DeliveryContext): void {
  const last = entries[entries.length - 1];
  if (last === undefined) return;
  context.checkpoint(last.record);
  context.counters.recordsSucceeded += entries.length;
}

async function discard(
  entries: readonly BatchEntry[],
  condition: OnFailureCondition,
  invokeCount: number,
  context: DeliveryContext,
): Promise<boolean> {
  const records = entries.map((entry) => entry.record);
  const last = records[records.length - 1];
  if (last === undefined) return true;
  if (!(await context.discard({ records, condition, invokeCount }))) return false;
  context.counters.discardedToOnFailure += records.length;
  context.checkpoint(last);
  return true;
}

/** Records arrive in order within a shard, so the ones too old are a prefix. */
function countExpired(entries: readonly BatchEntry[], options: ResolvedMappingOptions): number {
  if (options.maximumRecordAgeInSeconds === -1) return 0;
  const oldestAllowed = options.now() - options.maximumRecordAgeInSeconds * 1000;
  let count = 0;
  while (count < entries.length && (entries[count] as BatchEntry).record.approximateArrivalTimestamp < oldestAllowed) {
    count++;
  }
  return count;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
