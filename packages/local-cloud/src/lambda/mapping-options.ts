import { LOCAL_REGION } from '../kinesis';
import { InvalidEventSourceMappingError } from './errors';
import type { KinesisEventSourceMappingOptions } from './types';

/** The options with every default filled in. */
export type ResolvedMappingOptions = Required<Omit<KinesisEventSourceMappingOptions, 'onFailure' | 'timeoutMs'>> &
  Pick<KinesisEventSourceMappingOptions, 'onFailure' | 'timeoutMs'>;

/** The limits CreateEventSourceMapping enforces for Kinesis (record age relaxed, see the option). */
export const MAPPING_LIMITS = {
  maxBatchSize: 10_000,
  maxBatchingWindowInSeconds: 300,
  maxRetryAttempts: 10_000,
  maxRecordAgeInSeconds: 604_800,
  /** Synchronous invocation payload limit; a batch stops growing before its event would exceed it. */
  maxPayloadBytes: 6 * 1024 * 1024,
} as const;

const DEFAULT_RETRY_DELAY_MS = 100;

/**
 * Checks the options the way CreateEventSourceMapping does and fills in the defaults; throws
 * InvalidEventSourceMappingError listing every problem.
 */
export function resolveMappingOptions(options: KinesisEventSourceMappingOptions): ResolvedMappingOptions {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(options.streamName.length > 0, 'streamName must not be empty');
  check(options.functionName.length > 0, 'functionName must not be empty');
  check(options.checkpointDir.length > 0, 'checkpointDir must not be empty');
  check(
    isIntegerIn(options.batchSize, 1, MAPPING_LIMITS.maxBatchSize),
    `batchSize must be an integer from 1 to ${MAPPING_LIMITS.maxBatchSize}, got ${options.batchSize}`,
  );
  check(
    isNumberIn(options.maximumBatchingWindowInSeconds, 0, MAPPING_LIMITS.maxBatchingWindowInSeconds),
    `maximumBatchingWindowInSeconds must be from 0 to ${MAPPING_LIMITS.maxBatchingWindowInSeconds}, got ${options.maximumBatchingWindowInSeconds}`,
  );
  check(
    isIntegerIn(options.maximumRetryAttempts, -1, MAPPING_LIMITS.maxRetryAttempts),
    `maximumRetryAttempts must be -1 (infinite) or an integer from 0 to ${MAPPING_LIMITS.maxRetryAttempts}, got ${options.maximumRetryAttempts}`,
  );
  check(
    options.maximumRecordAgeInSeconds === -1 ||
      isNumberIn(options.maximumRecordAgeInSeconds, 0, MAPPING_LIMITS.maxRecordAgeInSeconds),
    `maximumRecordAgeInSeconds must be -1 (infinite) or from 0 to ${MAPPING_LIMITS.maxRecordAgeInSeconds}, got ${options.maximumRecordAgeInSeconds}`,
  );
  check(
    options.startingPosition === 'TRIM_HORIZON' || options.startingPosition === 'LATEST',
    `startingPosition must be TRIM_HORIZON or LATEST, got ${String(options.startingPosition)}`,
  );
  check(
    options.timeoutMs === undefined || (Number.isFinite(options.timeoutMs) && options.timeoutMs > 0),
    `timeoutMs must be a positive number, got ${options.timeoutMs}`,
  );
  check(
    options.retryDelayMs === undefined || isNumberIn(options.retryDelayMs, 0, Number.MAX_SAFE_INTEGER),
    `retryDelayMs must be a non-negative number, got ${options.retryDelayMs}`,
  );
  if (problems.length > 0) throw new InvalidEventSourceMappingError(problems);
  return {
    ...options,
    region: options.region ?? LOCAL_REGION,
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    fsyncCheckpoints: options.fsyncCheckpoints ?? false,
    now: options.now ?? Date.now,
    log: options.log ?? ((message: string) => process.stderr.write(`${message}\n`)),
  };
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function isNumberIn(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}
