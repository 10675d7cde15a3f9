import type { StoredObject } from '@sluice/core';

/** Checksum algorithms S3 accepts on upload and this store can keep for later reads. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** A full-object checksum as S3 reports it: the base64 of the digest. */
export interface ObjectChecksum {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
}

/** The standard HTTP headers S3 stores with an object and returns on GET and HEAD. */
export interface ObjectHeaders {
  readonly cacheControl?: string;
  readonly contentDisposition?: string;
  readonly contentEncoding?: string;
  readonly contentLanguage?: string;
  readonly expires?: string;
}

/** Everything S3 reports about an object; a superset of the core port's `StoredObject`. */
export interface ObjectInfo extends StoredObject {
  readonly contentType: string;
  /** Whole seconds, as S3 keeps it. */
  readonly lastModified: Date;
  /** User metadata (`x-amz-meta-*`), names in lower case. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly headers: ObjectHeaders;
  readonly checksum?: ObjectChecksum;
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
