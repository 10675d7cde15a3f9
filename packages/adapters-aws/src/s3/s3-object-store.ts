import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore, StoredObject } from '@sluice/core';
import { UnexpectedResponseError } from '../errors';
import { awsErrorName } from '../internal/poll';

export interface S3ObjectStoreOptions {
  readonly bucket: string;
}

/** S3 returns ETags quoted (`"9b2cf535f27731c974343645a3985328"`); the port carries them bare. */
function bareEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}

/**
 * The lake bucket over S3. A missing object is `undefined` (GetObject `NoSuchKey`, HeadObject `NotFound`),
 * never an error; every other failure throws.
 *
 * @example
 * const lake = buildS3ObjectStore(clients.s3, { bucket: 'sluice-lake' });
 * await lake.put('curated/attendee_registered/dt=2025-05-01/x.parquet', bytes, 'application/vnd.apache.parquet');
 */
export function buildS3ObjectStore(client: S3Client, options: S3ObjectStoreOptions): ObjectStore {
  const { bucket } = options;
  return {
    bucket,

    async put(key, body, contentType) {
      const response = await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
      return { etag: bareEtag(response.ETag) };
    },

    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!response.Body) throw new UnexpectedResponseError(`GetObject s3://${bucket}/${key} returned no body`);
        return { body: await response.Body.transformToByteArray(), etag: bareEtag(response.ETag) };
      } catch (error) {
        if (awsErrorName(error) === 'NoSuchKey') return undefined;
        throw error;
      }
    },

    async head(key) {
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { key, size: response.ContentLength ?? 0, etag: bareEtag(response.ETag) };
      } catch (error) {
        // HEAD responses have no body, so S3's 404 reaches the SDK as a bare `NotFound`.
        if (awsErrorName(error) === 'NotFound') return undefined;
        throw error;
      }
    },

    async list(prefix) {
      const objects: StoredObject[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken }),
        );
        for (const entry of page.Contents ?? []) {
          if (entry.Key === undefined) continue;
          objects.push({ key: entry.Key, size: entry.Size ?? 0, etag: bareEtag(entry.ETag) });
        }
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (continuationToken !== undefined);
      return objects;
    },
  };
}
