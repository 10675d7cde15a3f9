import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { ChecksumAlgorithm, ObjectChecksum } from '@sluice/adapters-local';
import { type Checksum, createChecksum } from './checksums';
import { S3Error } from './s3-error';

/** What the client claimed about the body, to be checked once it has all arrived. */
export interface BodyClaims {
  /** `x-amz-checksum-*`, from a header or (read lazily) an aws-chunked trailer. */
  readonly checksum?: { readonly algorithm: ChecksumAlgorithm; readonly expected: () => string | undefined };
  /** `Content-MD5`, base64. */
  readonly contentMd5?: string;
  /** `x-amz-content-sha256` when it is a real digest (hex) rather than UNSIGNED-PAYLOAD or STREAMING-*. */
  readonly contentSha256?: string;
}

/**
 * Passes the body through unchanged while hashing it, and fails at the end, before the store commits,
 * if any claim does not hold, with the error S3 gives (BadDigest, XAmzContentSHA256Mismatch, ...).
 * A corrupted upload is thus rejected locally exactly where AWS would reject it.
 */
export class BodyVerifier extends Transform {
  private readonly checksum: Checksum | undefined;
  private readonly md5: Hash | undefined;
  private readonly sha256: Hash | undefined;
  private verified: ObjectChecksum | undefined;

  constructor(private readonly claims: BodyClaims) {
    super();
    this.checksum = claims.checksum && createChecksum(claims.checksum.algorithm);
    this.md5 = claims.contentMd5 === undefined ? undefined : createHash('md5');
    this.sha256 = claims.contentSha256 === undefined ? undefined : createHash('sha256');
  }

  /** The checksum the client sent and the body matched; set once the body has ended. */
  verifiedChecksum(): ObjectChecksum | undefined {
    return this.verified;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.checksum?.update(chunk);
    this.md5?.update(chunk);
    this.sha256?.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.verify();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private verify(): void {
    const { claims } = this;
    if (this.md5 && this.md5.digest('base64') !== claims.contentMd5) {
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    if (this.sha256 && this.sha256.digest('hex') !== claims.contentSha256?.toLowerCase()) {
      throw new S3Error(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
      );
    }
    if (claims.checksum && this.checksum) {
      const { algorithm } = claims.checksum;
      const expected = claims.checksum.expected();
      if (expected === undefined) {
        throw new S3Error(
          'MalformedTrailerError',
          `The ${algorithm} checksum trailer announced by x-amz-trailer is missing.`,
        );
      }
      if (this.checksum.digestBase64() !== expected) {
        throw new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);
      }
      this.verified = { algorithm, value: expected };
    }
  }
}
