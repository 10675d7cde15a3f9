import { SluiceError } from '@sluice/core';

/**
 * An error the Kinesis API itself would return. `code` is the AWS error type (`__type` on the wire) so
 * the endpoint can answer exactly as Kinesis does, and in-process callers can branch on the same names
 * they would see from the AWS SDK.
 *
 * @example
 * ```ts
 * try {
 *   store.describeStream('missing');
 * } catch (error) {
 *   if (error instanceof KinesisApiError && error.code === 'ResourceNotFoundException') {
 *     // create it
 *   }
 * }
 * ```
 */
export class KinesisApiError extends SluiceError {
  constructor(
    code: string,
    message: string,
    /** The HTTP status Kinesis uses for this error: 400 for client errors, 500 for internal ones. */
    readonly httpStatus: number = 400,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** The stream or shard does not exist (or the stream was deleted and re-created under the same name). */
export class ResourceNotFoundError extends KinesisApiError {
  constructor(message: string) {
    super('ResourceNotFoundException', message);
  }
}

/** The stream already exists. */
export class ResourceInUseError extends KinesisApiError {
  constructor(message: string) {
    super('ResourceInUseException', message);
  }
}

/** A well-formed parameter that does not make sense here (a sequence number from another shard, say). */
export class InvalidArgumentError extends KinesisApiError {
  constructor(message: string) {
    super('InvalidArgumentException', message);
  }
}

/** A parameter that breaks the API model's constraints (length, range, pattern, list size). */
export class ValidationError extends KinesisApiError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** The request body is not the JSON the operation expects (wrong member type, malformed JSON). */
export class SerializationError extends KinesisApiError {
  constructor(message: string) {
    super('SerializationException', message);
  }
}

/** The account-wide shard limit would be exceeded. */
export class LimitExceededError extends KinesisApiError {
  constructor(message: string) {
    super('LimitExceededException', message);
  }
}

/** A shard iterator older than five minutes, as on AWS. */
export class ExpiredIteratorError extends KinesisApiError {
  constructor(message: string) {
    super('ExpiredIteratorException', message);
  }
}

/** X-Amz-Target names no operation this endpoint implements. */
export class UnknownOperationError extends KinesisApiError {
  constructor(message: string) {
    super('UnknownOperationException', message);
  }
}

/** A whole-request throttle (PutRecord only; PutRecords reports throttling per record). */
export class ProvisionedThroughputExceededError extends KinesisApiError {
  constructor(message: string) {
    super('ProvisionedThroughputExceededException', message);
  }
}

/** A simulated or real server-side failure; Kinesis answers these with HTTP 500. */
export class InternalFailureError extends KinesisApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('InternalFailureException', message, 500, options);
  }
}

/** A log line that is complete (newline-terminated) yet unreadable: the directory was damaged by hand. */
export class KinesisStoreCorruptError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('KINESIS_STORE_CORRUPT', message, options);
  }
}

/** Another live store (this process or another) holds the directory; two writers would interleave. */
export class KinesisStoreLockedError extends SluiceError {
  constructor(message: string) {
    super('KINESIS_STORE_LOCKED', message);
  }
}

/** The store was closed; using it would write behind the back of whoever opens the directory next. */
export class KinesisStoreClosedError extends SluiceError {
  constructor() {
    super('KINESIS_STORE_CLOSED', 'the Kinesis store is closed');
  }
}
