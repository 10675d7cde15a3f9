import { SluiceError } from '@sluice/core';

/**
 * Base of the local object store's errors. `s3Code` is the S3 error code the condition maps to, so the
 * S3-compatible endpoint can answer exactly as S3 would without a lookup table of its own.
 *
 * @example
 * try {
 *   await buckets.deleteBucket('sluice-lake');
 * } catch (error) {
 *   if (error instanceof ObjectStoreError && error.s3Code === 'BucketNotEmpty') console.warn(error.message);
 * }
 */
export class ObjectStoreError extends SluiceError {
  constructor(
    code: string,
    readonly s3Code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** A key the file layout cannot represent faithfully (see `validateKey`). */
export class InvalidKeyError extends ObjectStoreError {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super('INVALID_KEY', 'InvalidArgument', `invalid object key ${JSON.stringify(key)}: ${reason}`);
  }
}

/** S3 rejects keys longer than 1,024 UTF-8 bytes with its own code, so this one keeps it. */
export class KeyTooLongError extends ObjectStoreError {
  constructor(readonly key: string) {
    super('KEY_TOO_LONG', 'KeyTooLongError', `object key is ${Buffer.byteLength(key)} bytes; the limit is 1024`);
  }
}

/**
 * Two keys that S3 allows side by side but one file tree cannot (`a` and `a/b`: a file and a directory
 * with the same name). Raised instead of silently replacing either object.
 */
export class KeyConflictError extends ObjectStoreError {
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(
      'KEY_CONFLICT',
      'InvalidArgument',
      `object key ${JSON.stringify(key)} conflicts with an existing key: the local store keeps objects as files, ` +
        'so a key cannot also be a "folder" of other keys (for example "a" and "a/b")',
      options,
    );
  }
}

export class InvalidBucketNameError extends ObjectStoreError {
  constructor(
    readonly bucket: string,
    reason: string,
  ) {
    super('INVALID_BUCKET_NAME', 'InvalidBucketName', `invalid bucket name ${JSON.stringify(bucket)}: ${reason}`);
  }
}

export class NoSuchBucketError extends ObjectStoreError {
  constructor(readonly bucket: string) {
    super('NO_SUCH_BUCKET', 'NoSuchBucket', `bucket ${JSON.stringify(bucket)} does not exist`);
  }
}

export class NoSuchKeyError extends ObjectStoreError {
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(
      'NO_SUCH_KEY',
      'NoSuchKey',
      `object ${JSON.stringify(key)} does not exist in bucket ${JSON.stringify(bucket)}`,
    );
  }
}

export class BucketAlreadyOwnedByYouError extends ObjectStoreError {
  constructor(readonly bucket: string) {
    super('BUCKET_EXISTS', 'BucketAlreadyOwnedByYou', `bucket ${JSON.stringify(bucket)} already exists`);
  }
}

export class BucketNotEmptyError extends ObjectStoreError {
  constructor(readonly bucket: string) {
    super('BUCKET_NOT_EMPTY', 'BucketNotEmpty', `bucket ${JSON.stringify(bucket)} is not empty`);
  }
}

/** A byte range that starts past the end of the object (HTTP 416). */
export class InvalidRangeError extends ObjectStoreError {
  constructor(readonly objectSize: number) {
    super(
      'INVALID_RANGE',
      'InvalidRange',
      `the requested range is not satisfiable for an object of ${objectSize} bytes`,
    );
  }
}
