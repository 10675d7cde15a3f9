import { SluiceError } from '@sluice/core';

/**
 * Base of the local event-source mapping's errors, so a caller can tell them from its function's own.
 *
 * @example
 * ```ts
 * try {
 *   mapping.start();
 * } catch (error) {
 *   if (error instanceof EventSourceMappingError) console.error(error.code, error.message);
 * }
 * ```
 */
export class EventSourceMappingError extends SluiceError {}

/** Options CreateEventSourceMapping would reject; lists every problem at once. */
export class InvalidEventSourceMappingError extends EventSourceMappingError {
  constructor(readonly problems: readonly string[]) {
    super('INVALID_EVENT_SOURCE_MAPPING', `invalid Kinesis event source mapping:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * A checkpoint file that exists but cannot be read. Starting anyway would mean guessing a position:
 * TRIM_HORIZON processes everything again, LATEST loses records, so the mapping refuses to start.
 */
export class CheckpointCorruptError extends EventSourceMappingError {
  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super('CHECKPOINT_CORRUPT', `${path}: ${reason}; fix or delete the file to start over`, options);
  }
}

/** Another running mapping of this process checkpoints into the same directory; both would deliver every record. */
export class CheckpointDirectoryInUseError extends EventSourceMappingError {
  constructor(dir: string) {
    super('CHECKPOINT_DIRECTORY_IN_USE', `${dir} is already used by a running event source mapping`);
  }
}

/** The function did not answer within `timeoutMs`; like a Lambda timeout, it counts as a function error. */
export class FunctionTimeoutError extends EventSourceMappingError {
  constructor(functionName: string, timeoutMs: number) {
    super('FUNCTION_TIMEOUT', `${functionName} did not return within ${timeoutMs} ms`);
  }
}

/** `start()` was called twice, or `idle()` before `start()`. */
export class MappingStateError extends EventSourceMappingError {
  constructor(message: string) {
    super('MAPPING_STATE', message);
  }
}

/** The mapping stopped while a caller was waiting for it to become idle. */
export class MappingStoppedError extends EventSourceMappingError {
  constructor() {
    super('MAPPING_STOPPED', 'the event source mapping stopped before it became idle');
  }
}
