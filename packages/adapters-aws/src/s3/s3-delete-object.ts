import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Deletes one object of the lake bucket (compaction removes the files it merged). Deleting a missing key
 * succeeds, as in S3, so a rerun after a crash does not fail on files already gone.
 */
export function buildS3DeleteObject(client: S3Client, options: { readonly bucket: string }) {
  return async function deleteObject(key: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }));
  };
}
