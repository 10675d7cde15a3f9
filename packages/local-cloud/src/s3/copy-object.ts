import { header, userMetadata } from './http';
import { storedHeaders } from './object-headers';
import { optionalContentType } from './object-operations';
import { drainBody, type ObjectCall } from './operation';
import { sendXml } from './responses';
import { S3Error } from './s3-error';
import { element, s3Document } from './xml';

/**
 * CopyObject (`PUT` with `x-amz-copy-source: /bucket/key`), within or across buckets. Metadata is copied
 * unless `x-amz-metadata-directive: REPLACE`; copying an object onto itself without REPLACE is refused, as
 * S3 refuses it.
 */
export async function copyObject({ request, response, buckets, bucket, key }: ObjectCall): Promise<void> {
  await drainBody(request);
  const source = parseCopySource(header(request, 'x-amz-copy-source') ?? '');
  const directive = (header(request, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw new S3Error('InvalidArgument', 'Unknown metadata directive.', {
      ArgumentName: 'x-amz-metadata-directive',
      ArgumentValue: directive,
    });
  }
  if (source.bucket === bucket && source.key === key && directive === 'COPY') {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const destination = buckets.bucket(bucket);
  const info = await destination.copyObject(
    buckets.bucket(source.bucket),
    source.key,
    key,
    directive === 'REPLACE'
      ? {
          metadataDirective: 'REPLACE',
          ...optionalContentType(header(request, 'content-type')),
          metadata: userMetadata(request),
          headers: storedHeaders(request),
        }
      : {},
  );
  sendXml(
    response,
    200,
    s3Document('CopyObjectResult', [
      element('LastModified', info.lastModified.toISOString()),
      element('ETag', `"${info.etag}"`),
    ]),
  );
}

/** `x-amz-copy-source` is `bucket/key` or `/bucket/key`, URL-encoded, optionally with `?versionId=`. */
export function parseCopySource(value: string): { bucket: string; key: string } {
  const withoutVersion = value.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutVersion.startsWith('/') ? withoutVersion.slice(1) : withoutVersion);
  } catch {
    throw invalidCopySource();
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw invalidCopySource();
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1) };
}

function invalidCopySource(): S3Error {
  return new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', {
    ArgumentName: 'x-amz-copy-source',
  });
}
