import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from './test-server';

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP/1.1 request with exactly these headers and body bytes, as a client library might send it. */
function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string | number> = {},
  body?: Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

function crc32Base64(bytes: Buffer): string {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(bytes));
  return digest.toString('base64');
}

function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('S3 endpoint: the wire, with hand-made requests', () => {
  let s3: TestS3;

  beforeEach(async () => {
    s3 = await startTestS3();
    await s3.buckets.createBucket('lake');
  });

  afterEach(async () => {
    expect(s3.internalErrors).toEqual([]);
    await s3.close();
  });

  async function stored(key: string): Promise<string | undefined> {
    return readFile(join(s3.root, 'lake', key), 'utf8').catch(() => undefined);
  }

  async function tempFiles(): Promise<string[]> {
    return readdir(join(s3.root, '.s3tmp')).catch(() => []);
  }

  it('stores a SigV4-signed aws-chunked body (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) without its framing', async () => {
    const signature = `;chunk-signature=${'0f'.repeat(32)}`;
    const body = Buffer.from(`5${signature}\r\nhello\r\n6${signature}\r\n world\r\n0${signature}\r\n\r\n`);
    const response = await send(
      s3.server.url,
      'PUT',
      '/lake/signed.txt',
      {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'x-amz-decoded-content-length': 11,
        'content-length': body.length,
      },
      body,
    );
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe(`"${createHash('md5').update('hello world').digest('hex')}"`);
    expect(await stored('signed.txt')).toBe('hello world');
  });

  it('rejects a trailer checksum that does not match with BadDigest, keeping the previous version', async () => {
    await s3.buckets.bucket('lake').put('k', new TextEncoder().encode('previous'), 'text/plain');
    const body = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n');
    const response = await send(
      s3.server.url,
      'PUT',
      '/lake/k',
      {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-decoded-content-length': 5,
        'x-amz-trailer': 'x-amz-checksum-crc32',
        'content-length': body.length,
      },
      body,
    );
    expect(response.status).toBe(400);
    expect(xmlField(response.body, 'Code')).toBe('BadDigest');
    expect(await stored('k')).toBe('previous');
    expect(await tempFiles()).toEqual([]);
    expect(s3.created.map((e) => e.key)).toEqual(['k']);
  });

  it.each([
    ['x-amz-checksum-crc32', { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('other')) }, 'BadDigest'],
    ['Content-MD5', { 'content-md5': createHash('md5').update('other').digest('base64') }, 'BadDigest'],
    [
      'x-amz-content-sha256',
      { 'x-amz-content-sha256': createHash('sha256').update('other').digest('hex') },
      'XAmzContentSHA256Mismatch',
    ],
  ])('rejects a body that does not match its %s header', async (_, headers, code) => {
    const response = await send(s3.server.url, 'PUT', '/lake/k', headers, Buffer.from('hello'));
    expect(response.status).toBe(400);
    expect(xmlField(response.body, 'Code')).toBe(code);
    expect(await stored('k')).toBeUndefined();
  });

  it('accepts a body that matches its integrity headers and keeps the checksum', async () => {
    const body = Buffer.from('hello');
    const response = await send(
      s3.server.url,
      'PUT',
      '/lake/k',
      {
        'x-amz-checksum-crc32': crc32Base64(body),
        'content-md5': createHash('md5').update(body).digest('base64'),
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
      body,
    );
    expect(response.status).toBe(200);
    expect(response.headers['x-amz-checksum-crc32']).toBe(crc32Base64(body));
    const got = await send(s3.server.url, 'GET', '/lake/k', { 'x-amz-checksum-mode': 'ENABLED' });
    expect(got.headers['x-amz-checksum-crc32']).toBe(crc32Base64(body));
    const ranged = await send(s3.server.url, 'GET', '/lake/k', {
      'x-amz-checksum-mode': 'ENABLED',
      range: 'bytes=0-1',
    });
    expect(ranged.headers['x-amz-checksum-crc32']).toBeUndefined();
  });

  it('answers a plain chunked upload of unknown length 501 NotImplemented, as S3 does', async () => {
    const response = await send(s3.server.url, 'PUT', '/lake/k', { 'transfer-encoding': 'chunked' }, Buffer.from('x'));
    expect(response.status).toBe(501);
    expect(xmlField(response.body, 'Code')).toBe('NotImplemented');
    expect(xmlField(response.body, 'Header')).toBe('Transfer-Encoding');
  });

  it('requires x-amz-decoded-content-length with aws-chunked', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    const response = await send(
      s3.server.url,
      'PUT',
      '/lake/k',
      { 'content-encoding': 'aws-chunked', 'content-length': body.length },
      body,
    );
    expect(response.status).toBe(411);
    expect(xmlField(response.body, 'Code')).toBe('MissingContentLength');
  });

  it('answers malformed framing early in a large body, and the connection stays usable', async () => {
    const body = Buffer.concat([Buffer.from('not-hex\r\n'), Buffer.alloc(2_000_000, 0x61)]);
    const response = await send(
      s3.server.url,
      'PUT',
      '/lake/k',
      { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': 2_000_000, 'content-length': body.length },
      body,
    );
    expect(response.status).toBe(400);
    expect(xmlField(response.body, 'Code')).toBe('InvalidRequest');
    expect(await tempFiles()).toEqual([]);
    expect((await send(s3.server.url, 'HEAD', '/lake')).status).toBe(200);
  });

  it('commits nothing when the client disconnects mid-upload', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(`${s3.server.url}/lake/partial`, {
        method: 'PUT',
        headers: { 'content-length': 1_000_000 },
      });
      request.on('error', () => resolve());
      request.write(Buffer.alloc(100_000, 0x62), () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 50);
      });
      request.on('response', () => reject(new Error('the server answered an incomplete upload')));
    });
    // The server notices the close asynchronously; give it a moment, then check nothing landed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stored('partial')).toBeUndefined();
    expect(await tempFiles()).toEqual([]);
    expect(s3.created).toEqual([]);
  });

  it('requires Content-MD5 or a checksum on DeleteObjects, as S3 does', async () => {
    await s3.buckets.bucket('lake').put('k', new TextEncoder().encode('x'), 'text/plain');
    const xml = Buffer.from('<Delete><Object><Key>k</Key></Object></Delete>');
    const response = await send(s3.server.url, 'POST', '/lake?delete', { 'content-length': xml.length }, xml);
    expect(response.status).toBe(400);
    expect(xmlField(response.body, 'Code')).toBe('InvalidRequest');
    expect(await stored('k')).toBe('x');
  });

  it('answers errors with the S3 XML document and request ids', async () => {
    const response = await send(s3.server.url, 'GET', '/lake/missing%20key');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/xml');
    expect(response.body).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist\.<\/Message><Key>missing key<\/Key><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/,
    );
    expect(xmlField(response.body, 'RequestId')).toBe(response.headers['x-amz-request-id']);

    const noBucket = await send(s3.server.url, 'GET', '/nope?list-type=2');
    expect(noBucket.status).toBe(404);
    expect(xmlField(noBucket.body, 'Code')).toBe('NoSuchBucket');
    expect(xmlField(noBucket.body, 'BucketName')).toBe('nope');
  });

  it('answers 501 for APIs it does not implement, and 405 for methods a resource does not take', async () => {
    const tagging = await send(s3.server.url, 'PUT', '/lake?tagging', {}, Buffer.from('<Tagging/>'));
    expect([tagging.status, xmlField(tagging.body, 'Code')]).toEqual([501, 'NotImplemented']);
    const multipart = await send(s3.server.url, 'POST', '/lake/big?uploads');
    expect([multipart.status, xmlField(multipart.body, 'Code')]).toEqual([501, 'NotImplemented']);
    const v1 = await send(s3.server.url, 'GET', '/lake');
    expect([v1.status, xmlField(v1.body, 'Code')]).toEqual([501, 'NotImplemented']);
    const post = await send(s3.server.url, 'POST', '/lake/k');
    expect([post.status, xmlField(post.body, 'Code')]).toEqual([405, 'MethodNotAllowed']);
    expect(await s3.buckets.bucket('lake').keys()).toEqual([]);
  });

  it('accepts virtual-host style addressing (Host: <bucket>.localhost)', async () => {
    const put = await send(s3.server.url, 'PUT', '/vh/a.txt', { host: 'lake.localhost' }, Buffer.from('virtual'));
    expect(put.status).toBe(200);
    expect(await stored('vh/a.txt')).toBe('virtual');
    const got = await send(s3.server.url, 'GET', '/vh/a.txt', { host: 'lake.localhost' });
    expect(got.body).toBe('virtual');
  });

  it('answers GetBucketLocation for us-east-1', async () => {
    const response = await send(s3.server.url, 'GET', '/lake?location');
    expect(response.status).toBe(200);
    expect(response.body).toContain(
      '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>',
    );
  });
});
