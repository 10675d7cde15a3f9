import { ObjectStoreError } from '@sluice/adapters-local';
import { SluiceError } from '@sluice/core';

/** HTTP status of each S3 error code this endpoint answers with. */
const STATUS: Readonly<Record<string, number>> = {
  AccessDenied: 403,
  BadDigest: 400,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  IncompleteBody: 400,
  InternalError: 500,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidDigest: 400,
  InvalidRange: 416,
  InvalidRequest: 400,
  InvalidURI: 400,
  KeyTooLongError: 400,
  MalformedTrailerError: 400,
  MalformedXML: 400,
  MaxMessageLengthExceeded: 400,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NotImplemented: 501,
  XAmzContentSHA256Mismatch: 400,
};

/** S3's own wording, used where the store's message would tell an S3 client nothing more. */
const STANDARD_MESSAGE: Readonly<Record<string, string>> = {
  BucketAlreadyOwnedByYou: 'Your previous request to create the named bucket succeeded and you already own it.',
  BucketNotEmpty: 'The bucket you tried to delete is not empty',
  InvalidRange: 'The requested range is not satisfiable',
  NoSuchBucket: 'The specified bucket does not exist',
  NoSuchKey: 'The specified key does not exist.',
};

/**
 * An error answered as S3 answers it: status, `<Code>`, `<Message>` and the extra elements S3 adds for
 * that code (`<Key>` for NoSuchKey, `<BucketName>` for NoSuchBucket, ...), and optional response headers.
 *
 * @example
 * throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: 'raw/a.json' }); // 404
 */
export class S3Error extends SluiceError {
  readonly status: number;

  constructor(
    readonly s3Code: string,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`S3_${s3Code}`, message);
    this.status = STATUS[s3Code] ?? 400;
  }

  /** The S3 error for a store error, keeping the store's explanation unless S3 has a standard one. */
  static fromStoreError(error: ObjectStoreError): S3Error {
    // S3 names the object for key errors and the bucket for bucket errors, never both.
    const details: Record<string, string> = {};
    if ('key' in error && typeof error.key === 'string') details.Key = error.key;
    else if ('bucket' in error && typeof error.bucket === 'string') details.BucketName = error.bucket;
    if ('objectSize' in error && typeof error.objectSize === 'number') {
      details.ActualObjectSize = String(error.objectSize);
      return new S3Error(error.s3Code, STANDARD_MESSAGE.InvalidRange ?? error.message, details, {
        'Content-Range': `bytes */${error.objectSize}`,
      });
    }
    return new S3Error(error.s3Code, STANDARD_MESSAGE[error.s3Code] ?? error.message, details);
  }
}

export function notImplemented(what: string): S3Error {
  return new S3Error('NotImplemented', `${what} is not implemented by the local S3 endpoint`);
}

/** The S3 error to answer for anything thrown while handling a request; undefined for a bug. */
export function asS3Error(error: unknown): S3Error | undefined {
  if (error instanceof S3Error) return error;
  if (error instanceof ObjectStoreError) return S3Error.fromStoreError(error);
  return undefined;
}
