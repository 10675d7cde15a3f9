import { pipeline } from 'node:stream/promises';
import { resolveRange } from '@sluice/adapters-local';
import { CHECKSUM_HEADER } from './checksums';
import { header, userMetadata } from './http';
import { objectResponseHeaders, parseRangeHeader, storedHeaders } from './object-headers';
import type { ObjectCall } from './operation';
import { openRequestBody } from './request-body';
import { sendEmpty } from './responses';
import { S3Error } from './s3-error';

/** GetObject, with single byte ranges (206) and S3's response-* header overrides. */
export async function getObject({ request, response, buckets, bucket, key, target }: ObjectCall): Promise<void> {
  const range = parseRangeHeader(header(request, 'range'));
  const opened = await buckets.bucket(bucket).getStream(key, range);
  if (!opened) throw noSuchKey(key);
  response.writeHead(opened.range ? 206 : 200, objectResponseHeaders(request, target.query, opened.info, opened.range));
  await pipeline(opened.body, response);
}

/** HeadObject: GetObject's headers without the body (a Range is honoured, as by S3). */
export async function headObject({ request, response, buckets, bucket, key, target }: ObjectCall): Promise<void> {
  const info = await buckets.bucket(bucket).head(key);
  if (!info) throw noSuchKey(key);
  const requested = parseRangeHeader(header(request, 'range'));
  const range = requested && resolveRange(requested, info.size);
  response.writeHead(range ? 206 : 200, objectResponseHeaders(request, target.query, info, range));
  response.end();
}

/**
 * PutObject. The body streams to a temp file (aws-chunked framing removed, checksums verified at the
 * end) and is renamed into place only if all of it arrived and matched.
 */
export async function putObject({ request, response, buckets, bucket, key }: ObjectCall): Promise<void> {
  const store = buckets.bucket(bucket);
  const body = openRequestBody(request);
  const info = await store.putObject(key, body.stream, {
    ...optionalContentType(header(request, 'content-type')),
    metadata: userMetadata(request),
    headers: storedHeaders(request),
    checksum: () => body.checksum(),
  });
  const checksum = info.checksum ? { [CHECKSUM_HEADER[info.checksum.algorithm]]: info.checksum.value } : {};
  sendEmpty(response, 200, { ETag: `"${info.etag}"`, ...checksum });
}

/** DeleteObject: 204 whether or not the key existed, as in an unversioned S3 bucket. */
export async function deleteObject({ response, buckets, bucket, key }: ObjectCall): Promise<void> {
  await buckets.bucket(bucket).delete(key);
  sendEmpty(response, 204);
}

export function noSuchKey(key: string): S3Error {
  return new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });
}

export function optionalContentType(contentType: string | undefined): { contentType?: string } {
  return contentType === undefined ? {} : { contentType };
}
