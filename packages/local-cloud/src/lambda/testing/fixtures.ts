import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KinesisStreamEvent } from '@sluice/contracts';
import { KinesisStore, type KinesisStoreOptions } from '../../kinesis';
import { KinesisEventSourceMapping } from '../kinesis-event-source-mapping';
import type { KinesisEventSourceMappingOptions, OnFailureRecord } from '../types';

export const STREAM = 'events';

/** A real store in a temporary directory, a checkpoint directory beside it, and the mappings to stop. */
export interface TestBed {
  readonly store: KinesisStore;
  readonly checkpointDir: string;
  readonly logs: string[];
  /** Options with quiet, fast defaults for tests; `overrides` win. */
  options(overrides?: Partial<KinesisEventSourceMappingOptions>): KinesisEventSourceMappingOptions;
  /** A started mapping, stopped by `close`. */
  start(overrides?: Partial<KinesisEventSourceMappingOptions>): KinesisEventSourceMapping;
  close(): Promise<void>;
}

export async function openTestBed(
  shardCount = 1,
  storeOptions: KinesisStoreOptions = {},
): Promise<TestBed & { invocations: Invocations }> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-esm-'));
  const store = await KinesisStore.open(join(dir, 'kinesis'), storeOptions);
  store.createStream(STREAM, shardCount);
  const checkpointDir = join(dir, 'checkpoints');
  const logs: string[] = [];
  const mappings: KinesisEventSourceMapping[] = [];
  const invocations = recordingFunction();
  const bed = {
    store,
    checkpointDir,
    logs,
    invocations,
    options: (overrides: Partial<KinesisEventSourceMappingOptions> = {}): KinesisEventSourceMappingOptions => ({
      store,
      streamName: STREAM,
      functionName: 'process-stream',
      invoke: invocations.invoke,
      batchSize: 10,
      maximumBatchingWindowInSeconds: 0,
      bisectBatchOnFunctionError: false,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      reportBatchItemFailures: false,
      startingPosition: 'TRIM_HORIZON',
      checkpointDir,
      retryDelayMs: 0,
      log: (message) => logs.push(message),
      ...overrides,
    }),
    start: (overrides: Partial<KinesisEventSourceMappingOptions> = {}) => {
      const mapping = new KinesisEventSourceMapping(bed.options(overrides));
      mappings.push(mapping);
      mapping.start();
      return mapping;
    },
    close: async () => {
      await Promise.all(mappings.map((mapping) => mapping.stop()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bed;
}

/**
 * Appends records whose data is their label, one PutRecords call. The partition key defaults to the
 * label's prefix before '#', so `a#1`, `a#2` share key `a`.
 */
export function putLabels(store: KinesisStore, labels: readonly string[], partitionKey = keyOf): string[] {
  const results = store.putRecords(
    STREAM,
    labels.map((label) => ({ data: Buffer.from(label), partitionKey: partitionKey(label) })),
  );
  return results.map((result) => {
    if (!('sequenceNumber' in result)) throw new Error(`put failed: ${result.errorMessage}`);
    return result.sequenceNumber;
  });
}

function keyOf(label: string): string {
  return label.split('#')[0] ?? label;
}

/** `['r0', 'r1', …]`. */
export function labels(count: number, prefix = 'r', from = 0): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${from + index}`);
}

export function labelsOf(event: KinesisStreamEvent): string[] {
  return event.Records.map((record) => Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
}

export type Behaviour = (event: KinesisStreamEvent, labels: string[]) => unknown;

/** A function that records every event it gets (checked against the contract) and then behaves as told. */
export interface Invocations {
  readonly invoke: (event: KinesisStreamEvent) => Promise<unknown>;
  /** The labels of each invocation, in call order. */
  readonly batches: string[][];
  readonly events: KinesisStreamEvent[];
  /** What the function does from now on: return a value, throw, or hang. */
  behave(behaviour: Behaviour): void;
}

export function recordingFunction(): Invocations {
  let behaviour: Behaviour = () => undefined;
  const batches: string[][] = [];
  const events: KinesisStreamEvent[] = [];
  return {
    batches,
    events,
    behave: (next) => {
      behaviour = next;
    },
    invoke: async (event) => {
      // The contract parse copies; the function gets the event itself, as a handler would.
      const parsed = KinesisStreamEvent.parse(event);
      events.push(parsed);
      const batch = labelsOf(parsed);
      batches.push(batch);
      return behaviour(event, batch);
    },
  };
}

/** A destination that keeps what it receives. */
export function collectingDestination(): {
  records: OnFailureRecord[];
  onFailure: (record: OnFailureRecord) => Promise<void>;
} {
  const records: OnFailureRecord[] = [];
  return { records, onFailure: async (record) => void records.push(record) };
}

/** A promise with its resolver, to hold a function mid-invocation. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Polls `condition` until it holds (for states with no event to await), failing after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
