import { continuationToken, listPage, resumePointOf } from './list-page';
import type { BucketCall } from './operation';
import { sendXml } from './responses';
import { S3Error } from './s3-error';
import { element, group, s3Document } from './xml';

const MAX_KEYS_LIMIT = 1000;

/**
 * ListObjectsV2: prefix, delimiter (CommonPrefixes), max-keys (at most 1,000), continuation-token,
 * start-after, encoding-type=url and fetch-owner. Only the returned page's sidecars are read.
 */
export async function listObjectsV2({ response, buckets, bucket, target }: BucketCall): Promise<void> {
  const { query } = target;
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') || undefined;
  const maxKeys = Math.min(parseMaxKeys(query.get('max-keys')), MAX_KEYS_LIMIT);
  const startAfter = query.get('start-after') || undefined;
  const token = query.get('continuation-token');
  const encodingType = query.get('encoding-type');
  if (encodingType !== null && encodingType !== 'url') {
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
      ArgumentValue: encodingType,
    });
  }
  const encode = encodingType === 'url' ? urlEncode : (text: string) => text;

  const store = buckets.bucket(bucket);
  const page = listPage(await store.keys(prefix), {
    prefix,
    maxKeys,
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(startAfter === undefined ? {} : { startAfter }),
    ...(token === null ? {} : { resumeAfter: resumePointOf(token) }),
  });
  const objects = await store.describeKeys(page.keys);
  const owner =
    query.get('fetch-owner') === 'true'
      ? [group('Owner', [element('ID', 'local'), element('DisplayName', 'local')])]
      : [];

  const contents = objects.map((info) =>
    group('Contents', [
      element('Key', encode(info.key)),
      element('LastModified', info.lastModified.toISOString()),
      element('ETag', `"${info.etag}"`),
      ...(info.checksum
        ? [element('ChecksumAlgorithm', info.checksum.algorithm), element('ChecksumType', 'FULL_OBJECT')]
        : []),
      element('Size', info.size),
      ...owner,
      element('StorageClass', 'STANDARD'),
    ]),
  );
  const commonPrefixes = page.commonPrefixes.map((p) => group('CommonPrefixes', [element('Prefix', encode(p))]));
  sendXml(
    response,
    200,
    s3Document('ListBucketResult', [
      element('Name', bucket),
      element('Prefix', encode(prefix)),
      ...(delimiter === undefined ? [] : [element('Delimiter', encode(delimiter))]),
      element('MaxKeys', maxKeys),
      ...(encodingType === null ? [] : [element('EncodingType', encodingType)]),
      element('KeyCount', objects.length + page.commonPrefixes.length),
      element('IsTruncated', page.isTruncated),
      ...(token === null ? [] : [element('ContinuationToken', token)]),
      ...(page.isTruncated && page.last !== undefined
        ? [element('NextContinuationToken', continuationToken(page.last))]
        : []),
      ...(startAfter === undefined ? [] : [element('StartAfter', encode(startAfter))]),
      ...contents,
      ...commonPrefixes,
    ]),
  );
}

function parseMaxKeys(value: string | null): number {
  if (value === null) return MAX_KEYS_LIMIT;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
    throw new S3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range', {
      ArgumentName: 'max-keys',
      ArgumentValue: value,
    });
  }
  return parsed;
}

/** encoding-type=url: percent-encode like S3, keeping `/` readable (clients decode either way). */
function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/');
}
