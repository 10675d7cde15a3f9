import type { IncomingMessage } from 'node:http';
import type { ByteRange, ObjectHeaders, ObjectInfo, RangeRequest } from '@sluice/adapters-local';
import { CHECKSUM_HEADER } from './checksums';
import { header } from './http';

/** The standard headers S3 stores with an object (besides Content-Type), by request header name. */
const STORED_HEADERS = {
  'cache-control': 'cacheControl',
  'content-disposition': 'contentDisposition',
  'content-encoding': 'contentEncoding',
  'content-language': 'contentLanguage',
  expires: 'expires',
} as const satisfies Record<string, keyof ObjectHeaders>;

/** GetObject query parameters that override a response header, as S3 allows (e.g. for presigned links). */
const RESPONSE_OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** The headers of a PutObject (or a REPLACE copy) to store with the object. */
export function storedHeaders(request: IncomingMessage): ObjectHeaders {
  const stored: Record<string, string> = {};
  for (const [name, field] of Object.entries(STORED_HEADERS)) {
    let value = header(request, name);
    // aws-chunked only framed the upload; the stored object is not encoded that way.
    if (name === 'content-encoding' && value !== undefined) {
      value = value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked')
        .join(', ');
    }
    if (value) stored[field] = value;
  }
  return stored;
}

/**
 * The headers of a GetObject or HeadObject response. The stored checksum is returned only when the
 * client asks for it (`x-amz-checksum-mode: ENABLED`) and for the whole object, as S3 does: the SDK
 * then validates the body against it, and a ranged body would never match a full-object checksum.
 */
export function objectResponseHeaders(
  request: IncomingMessage,
  query: URLSearchParams,
  info: ObjectInfo,
  range: ByteRange | undefined,
): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    'Content-Type': info.contentType,
    'Content-Length': range ? range.end - range.start + 1 : info.size,
    ETag: `"${info.etag}"`,
    'Last-Modified': info.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  for (const [name, field] of Object.entries(STORED_HEADERS)) {
    const value = info.headers[field];
    if (value) headers[name] = value;
  }
  for (const [name, value] of Object.entries(info.metadata)) headers[`x-amz-meta-${name}`] = value;
  for (const [parameter, name] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = query.get(parameter);
    if (value !== null) headers[name] = value;
  }
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${info.size}`;
  if (info.checksum && !range && header(request, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED') {
    headers[CHECKSUM_HEADER[info.checksum.algorithm]] = info.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return headers;
}

/**
 * A `Range: bytes=...` header as a range request. Malformed or multi-range headers are ignored (the
 * whole object is served), as HTTP prescribes and S3 does.
 *
 * @example
 * parseRangeHeader('bytes=0-99'); // { start: 0, end: 99 }
 * parseRangeHeader('bytes=-500'); // { suffixLength: 500 }
 */
export function parseRangeHeader(value: string | undefined): RangeRequest | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') return { suffixLength: Number(last) };
  const start = Number(first);
  if (last === '') return { start };
  const end = Number(last);
  return end < start ? undefined : { start, end };
}
