import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseRangeHeader, storedHeaders } from './object-headers';

describe('parseRangeHeader', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100 }],
    ['bytes=-500', { suffixLength: 500 }],
    [' bytes=5-5 ', { start: 5, end: 5 }],
  ])('reads %j', (header, expected) => {
    expect(parseRangeHeader(header)).toEqual(expected);
  });

  it.each([undefined, '', 'bytes=-', 'bytes=5-1', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b'])(
    'ignores %j, so the whole object is served',
    (header) => {
      expect(parseRangeHeader(header)).toBeUndefined();
    },
  );
});

describe('storedHeaders', () => {
  function request(headers: Record<string, string>): IncomingMessage {
    return { headers } as unknown as IncomingMessage;
  }

  it('keeps the standard headers and drops the aws-chunked transfer framing from Content-Encoding', () => {
    expect(
      storedHeaders(request({ 'cache-control': 'no-cache', 'content-encoding': 'aws-chunked, gzip', expires: 'x' })),
    ).toEqual({ cacheControl: 'no-cache', contentEncoding: 'gzip', expires: 'x' });
    expect(storedHeaders(request({ 'content-encoding': 'aws-chunked' }))).toEqual({});
  });
});
