import { S3Error } from './s3-error';

/** What a request addresses: the service (no bucket), a bucket, or an object. */
export interface S3Target {
  readonly bucket?: string;
  readonly key?: string;
  readonly query: URLSearchParams;
}

const VIRTUAL_HOST_SUFFIX = '.localhost';

/**
 * Reads bucket and key from a request. Path style (`/bucket/key`) is what clients use with
 * `forcePathStyle: true`; virtual-host style (`Host: bucket.localhost`) is accepted too. The path is
 * split by hand rather than with `URL`, which would resolve `..` and `%2e%2e` segments and so change keys.
 *
 * @example
 * parseTarget('/lake/a%20b/c.json?x-id=GetObject', '127.0.0.1:9000'); // { bucket: 'lake', key: 'a b/c.json', ... }
 */
export function parseTarget(requestUrl: string, host: string | undefined): S3Target {
  const queryStart = requestUrl.indexOf('?');
  const rawPath = queryStart === -1 ? requestUrl : requestUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : requestUrl.slice(queryStart + 1));
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;

  const virtualBucket = bucketOfHost(host);
  if (virtualBucket !== undefined) return withParts(virtualBucket, path, query);

  const slash = path.indexOf('/');
  const bucket = decode(slash === -1 ? path : path.slice(0, slash));
  return withParts(bucket, slash === -1 ? '' : path.slice(slash + 1), query);
}

function withParts(bucket: string, rawKey: string, query: URLSearchParams): S3Target {
  const key = decode(rawKey);
  return {
    ...(bucket === '' ? {} : { bucket }),
    ...(key === '' ? {} : { key }),
    query,
  };
}

function bucketOfHost(host: string | undefined): string | undefined {
  const name = host?.replace(/:\d+$/, '').toLowerCase();
  if (!name?.endsWith(VIRTUAL_HOST_SUFFIX) || name.length === VIRTUAL_HOST_SUFFIX.length) return undefined;
  return name.slice(0, -VIRTUAL_HOST_SUFFIX.length);
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw new S3Error('InvalidURI', "Couldn't parse the specified URI.");
  }
}
