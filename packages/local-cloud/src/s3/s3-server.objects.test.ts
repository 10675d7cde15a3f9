import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from './test-server';

function clientFor(url: string, requestChecksumCalculation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED'): S3Client {
  return new S3Client({
    endpoint: url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    ...(requestChecksumCalculation ? { requestChecksumCalculation } : {}),
  });
}

/** Bytes that make framing mistakes visible: CRLFs, digits that parse as chunk sizes, NULs. */
function awkwardBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 256;
  bytes.write('0\r\n\r\nff;chunk-signature=0\r\n', 100);
  return bytes;
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

async function rejection(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('S3 endpoint: objects, with @aws-sdk/client-s3', () => {
  let s3: TestS3;
  let client: S3Client;

  beforeEach(async () => {
    s3 = await startTestS3();
    client = clientFor(s3.server.url);
    await client.send(new CreateBucketCommand({ Bucket: 'lake' }));
  });

  afterEach(async () => {
    client.destroy();
    expect(s3.internalErrors).toEqual([]);
    await s3.close();
  });

  describe.each([
    ['default checksums', undefined],
    ["requestChecksumCalculation 'WHEN_REQUIRED'", 'WHEN_REQUIRED'],
  ] as const)('put and get with %s', (_, mode) => {
    it('round-trips a Buffer body, stored byte for byte as a plain file', async () => {
      const sdk = clientFor(s3.server.url, mode);
      const body = awkwardBytes(70_000);
      const put = await sdk.send(
        new PutObjectCommand({ Bucket: 'lake', Key: 'raw/a b+c/x.bin', Body: body, ContentType: 'application/x-test' }),
      );

      expect(put.ETag).toBe(`"${md5(body)}"`);
      expect((await readFile(join(s3.root, 'lake/raw/a b+c/x.bin'))).equals(body)).toBe(true);
      const got = await sdk.send(new GetObjectCommand({ Bucket: 'lake', Key: 'raw/a b+c/x.bin' }));
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
      expect(got).toMatchObject({ ContentType: 'application/x-test', ContentLength: body.length, ETag: put.ETag });
      sdk.destroy();
    });

    it('round-trips a Readable stream body without keeping any aws-chunked framing', async () => {
      const sdk = clientFor(s3.server.url, mode);
      const body = awkwardBytes(300_000);
      const chunks = [body.subarray(0, 5), body.subarray(5, 70_000), body.subarray(70_000)];
      await sdk.send(
        new PutObjectCommand({
          Bucket: 'lake',
          Key: 'stream.bin',
          Body: Readable.from(chunks),
          ContentLength: body.length,
        }),
      );

      expect((await readFile(join(s3.root, 'lake/stream.bin'))).equals(body)).toBe(true);
      const got = await sdk.send(new GetObjectCommand({ Bucket: 'lake', Key: 'stream.bin' }));
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
      expect(got.ETag).toBe(`"${md5(body)}"`);
      sdk.destroy();
    });
  });

  it('rejects a stream body of unknown length as S3 does (501 NotImplemented), storing nothing', async () => {
    const sdk = clientFor(s3.server.url, 'WHEN_REQUIRED');
    const error = await rejection(
      sdk.send(
        new PutObjectCommand({ Bucket: 'lake', Key: 'unknown-length', Body: Readable.from([Buffer.from('x')]) }),
      ),
    );
    expect(error.name).toBe('NotImplemented');
    expect(error.$metadata.httpStatusCode).toBe(501);
    expect(await s3.buckets.bucket('lake').keys()).toEqual([]);
    sdk.destroy();
  });

  it('keeps the checksum the SDK sent and returns it, so the SDK validates GetObject bodies', async () => {
    const body = Buffer.from('checked end to end');
    for (const algorithm of ['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const) {
      const key = `sum/${algorithm}`;
      const put = await client.send(
        new PutObjectCommand({ Bucket: 'lake', Key: key, Body: body, ChecksumAlgorithm: algorithm }),
      );
      const got = await client.send(new GetObjectCommand({ Bucket: 'lake', Key: key, ChecksumMode: 'ENABLED' }));
      const field = `Checksum${algorithm}` as const;
      expect(got[field]).toBe(put[field]);
      expect(got[field]).toBeTruthy();
      expect(await got.Body?.transformToString()).toBe('checked end to end');
    }
  });

  it('serves byte ranges as 206 with Content-Range', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'r', Body: 'abcdefghij' }));
    const cases = [
      ['bytes=0-3', 'abcd', 'bytes 0-3/10'],
      ['bytes=7-', 'hij', 'bytes 7-9/10'],
      ['bytes=-2', 'ij', 'bytes 8-9/10'],
      ['bytes=5-500', 'fghij', 'bytes 5-9/10'],
    ] as const;
    for (const [range, expected, contentRange] of cases) {
      const got = await client.send(new GetObjectCommand({ Bucket: 'lake', Key: 'r', Range: range }));
      expect(await got.Body?.transformToString()).toBe(expected);
      expect(got.ContentRange).toBe(contentRange);
      expect(got.$metadata.httpStatusCode).toBe(206);
    }
    const error = await rejection(client.send(new GetObjectCommand({ Bucket: 'lake', Key: 'r', Range: 'bytes=10-' })));
    expect(error.name).toBe('InvalidRange');
    expect(error.$metadata.httpStatusCode).toBe(416);
  });

  it('returns metadata and standard headers on HeadObject', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'lake',
        Key: 'm.json',
        Body: '{}',
        ContentType: 'application/json',
        CacheControl: 'no-cache',
        Metadata: { producer: 'stream-etl', batch: '42' },
      }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'm.json' }));
    expect(head).toMatchObject({
      ContentType: 'application/json',
      ContentLength: 2,
      CacheControl: 'no-cache',
      ETag: `"${md5(Buffer.from('{}'))}"`,
      Metadata: { producer: 'stream-etl', batch: '42' },
    });
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it('copies objects within and across buckets, keeping or replacing metadata', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'archive' }));
    await client.send(
      new PutObjectCommand({
        Bucket: 'lake',
        Key: 'src/a.csv',
        Body: 'x,y\n',
        ContentType: 'text/csv',
        Metadata: { a: '1' },
      }),
    );

    const copied = await client.send(
      new CopyObjectCommand({ Bucket: 'archive', Key: 'copy of a.csv', CopySource: 'lake/src/a.csv' }),
    );
    const replaced = await client.send(
      new CopyObjectCommand({
        Bucket: 'lake',
        Key: 'src/a.csv',
        CopySource: '/lake/src%2Fa.csv',
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { b: '2' },
      }),
    );

    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5(Buffer.from('x,y\n'))}"`);
    expect(copied.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
    expect(replaced.CopyObjectResult?.ETag).toBe(copied.CopyObjectResult?.ETag);
    expect(await readFile(join(s3.root, 'archive/copy of a.csv'), 'utf8')).toBe('x,y\n');
    const archived = await client.send(new HeadObjectCommand({ Bucket: 'archive', Key: 'copy of a.csv' }));
    expect(archived).toMatchObject({ ContentType: 'text/csv', Metadata: { a: '1' } });
    const source = await client.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'src/a.csv' }));
    expect(source).toMatchObject({ ContentType: 'text/plain', Metadata: { b: '2' } });
    expect(s3.created.map((e) => `${e.bucket}/${e.key}:${e.reason}`)).toEqual([
      'lake/src/a.csv:PutObject',
      'archive/copy of a.csv:CopyObject',
      'lake/src/a.csv:CopyObject',
    ]);
  });

  it('refuses to copy an object onto itself without REPLACE, and a missing source with NoSuchKey', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'k', Body: 'x' }));
    const self = await rejection(
      client.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'k', CopySource: 'lake/k' })),
    );
    expect(self.name).toBe('InvalidRequest');
    const missing = await rejection(
      client.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'k2', CopySource: 'lake/nothing' })),
    );
    expect(missing.name).toBe('NoSuchKey');
  });

  it('deletes objects (204 even when missing) and then empty buckets', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'a/b/c', Body: 'x' }));
    const notEmpty = await rejection(client.send(new DeleteBucketCommand({ Bucket: 'lake' })));
    expect(notEmpty.name).toBe('BucketNotEmpty');
    expect(notEmpty.$metadata.httpStatusCode).toBe(409);

    const deleted = await client.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'a/b/c' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await client.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'a/b/c' }));
    await client.send(new DeleteBucketCommand({ Bucket: 'lake' }));
    const gone = await rejection(client.send(new HeadBucketCommand({ Bucket: 'lake' })));
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('answers with S3 error shapes', async () => {
    const noKey = await rejection(client.send(new GetObjectCommand({ Bucket: 'lake', Key: 'missing.json' })));
    expect(noKey.name).toBe('NoSuchKey');
    expect(noKey.message).toBe('The specified key does not exist.');
    expect(noKey.$metadata.httpStatusCode).toBe(404);
    expect(noKey.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    expect((noKey as unknown as { Key?: string }).Key).toBe('missing.json');

    const noBucket = await rejection(client.send(new GetObjectCommand({ Bucket: 'nope', Key: 'k' })));
    expect(noBucket.name).toBe('NoSuchBucket');
    expect(noBucket.$metadata.httpStatusCode).toBe(404);

    const headMissing = await rejection(client.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'missing' })));
    expect(headMissing.name).toBe('NotFound');
    expect(headMissing.$metadata.httpStatusCode).toBe(404);

    const exists = await rejection(client.send(new CreateBucketCommand({ Bucket: 'lake' })));
    expect(exists.name).toBe('BucketAlreadyOwnedByYou');
    expect(exists.$metadata.httpStatusCode).toBe(409);

    const badName = await rejection(client.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })));
    expect(badName.name).toBe('InvalidBucketName');

    const badKey = await rejection(client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'a/../b', Body: 'x' })));
    expect(badKey.name).toBe('InvalidArgument');
    expect(badKey.message).toMatch(/"\.\." path segment/);

    const conflict = await client
      .send(new PutObjectCommand({ Bucket: 'lake', Key: 'file', Body: 'x' }))
      .then(() => rejection(client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'file/child', Body: 'y' }))));
    expect(conflict.name).toBe('InvalidArgument');
    expect(conflict.message).toMatch(/conflicts with an existing key/);
  });

  it('fires the object-created listener once per put, with the key, size and ETag', async () => {
    const first = Buffer.from('first');
    await client.send(
      new PutObjectCommand({ Bucket: 'lake', Key: 'curated/t/dt=2026-11-25/one.parquet', Body: first }),
    );
    await client.send(
      new PutObjectCommand({
        Bucket: 'lake',
        Key: 'curated/t/dt=2026-11-25/two.parquet',
        Body: Readable.from([first]),
        ContentLength: 5,
      }),
    );

    expect(s3.created).toEqual([
      expect.objectContaining({
        bucket: 'lake',
        key: 'curated/t/dt=2026-11-25/one.parquet',
        size: 5,
        etag: md5(first),
        reason: 'PutObject',
      }),
      expect.objectContaining({
        bucket: 'lake',
        key: 'curated/t/dt=2026-11-25/two.parquet',
        size: 5,
        etag: md5(first),
        reason: 'PutObject',
      }),
    ]);
    expect((s3.created[0]?.sequencer ?? '') < (s3.created[1]?.sequencer ?? '')).toBe(true);
  });
});
