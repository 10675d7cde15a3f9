import { type BucketCall, drainBody, type S3Call } from './operation';
import { sendEmpty, sendXml } from './responses';
import { S3Error } from './s3-error';
import { element, group, s3Document } from './xml';

/** The region every local bucket reports, as clients configured for local use expect. */
export const LOCAL_REGION = 'us-east-1';
const OWNER = [element('ID', 'local'), element('DisplayName', 'local')];

export async function listBuckets({ response, buckets }: S3Call): Promise<void> {
  const listed = await buckets.listBuckets();
  const entries = listed.map((b) =>
    group('Bucket', [
      element('Name', b.name),
      element('CreationDate', b.creationDate.toISOString()),
      element('BucketRegion', LOCAL_REGION),
    ]),
  );
  sendXml(response, 200, s3Document('ListAllMyBucketsResult', [group('Owner', OWNER), group('Buckets', entries)]));
}

/**
 * CreateBucket. A bucket that exists answers 409 BucketAlreadyOwnedByYou (S3's answer outside
 * us-east-1), so a setup script notices it instead of silently reusing a bucket.
 */
export async function createBucket({ request, response, buckets, bucket }: BucketCall): Promise<void> {
  // The optional CreateBucketConfiguration (a location constraint) means nothing locally.
  await drainBody(request);
  await buckets.createBucket(bucket);
  sendEmpty(response, 200, { Location: `/${bucket}` });
}

export async function headBucket({ response, buckets, bucket }: BucketCall): Promise<void> {
  if (!(await buckets.hasBucket(bucket))) throw noSuchBucket(bucket);
  sendEmpty(response, 200, { 'x-amz-bucket-region': LOCAL_REGION });
}

export async function deleteBucket({ response, buckets, bucket }: BucketCall): Promise<void> {
  await buckets.deleteBucket(bucket);
  sendEmpty(response, 204);
}

/** GetBucketLocation: empty for us-east-1, as S3 answers; some tools ask before anything else. */
export async function getBucketLocation({ response, buckets, bucket }: BucketCall): Promise<void> {
  if (!(await buckets.hasBucket(bucket))) throw noSuchBucket(bucket);
  sendXml(response, 200, s3Document('LocationConstraint', []));
}

export function noSuchBucket(bucket: string): S3Error {
  return new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
}
