import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildS3ObjectStore } from './s3-object-store';

const s3 = mockClient(S3Client);
const lake = buildS3ObjectStore(new S3Client({ region: 'eu-west-1' }), { bucket: 'sluice-lake' });

/** A GetObject body as the SDK hands it out in Node: a Readable mixed with the `transformTo*` helpers. */
function objectBody(bytes: Uint8Array): GetObjectCommandOutput['Body'] {
  const stream = Readable.from([Buffer.from(bytes)]);
  const readAll = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
  return Object.assign(stream, {
    transformToByteArray: readAll,
    transformToString: async () => new TextDecoder().decode(await readAll()),
    transformToWebStream: () => Readable.toWeb(stream) as ReadableStream,
  }) as unknown as GetObjectCommandOutput['Body'];
}

beforeEach(() => s3.reset());

describe('buildS3ObjectStore', () => {
  it('puts an object with its content type and returns the ETag without quotes', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"9b2cf535f27731c974343645a3985328"' });
    const body = new TextEncoder().encode('{"entries":[]}');

    const result = await lake.put('manifests/abc.json', body, 'application/json');

    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'sluice-lake',
      Key: 'manifests/abc.json',
      Body: body,
      ContentType: 'application/json',
    });
    expect(result).toEqual({ etag: '9b2cf535f27731c974343645a3985328' });
  });

  it('gets the body bytes and the bare ETag', async () => {
    const bytes = new Uint8Array([80, 65, 82, 49, 0, 1, 2, 80, 65, 82, 49]);
    s3.on(GetObjectCommand, { Bucket: 'sluice-lake', Key: 'curated/t/dt=2025-05-01/f.parquet' }).resolves({
      Body: objectBody(bytes),
      ETag: '"d41d8cd98f00b204e9800998ecf8427e"',
      ContentLength: bytes.length,
    });

    const object = await lake.get('curated/t/dt=2025-05-01/f.parquet');

    expect(object).toEqual({ body: bytes, etag: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('answers undefined for a missing key (NoSuchKey) and throws any other error', async () => {
    s3.on(GetObjectCommand, { Key: 'missing' })
      .rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }))
      .on(GetObjectCommand, { Key: 'forbidden' })
      .rejects(
        new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: {} }),
      );

    expect(await lake.get('missing')).toBeUndefined();
    await expect(lake.get('forbidden')).rejects.toThrow('Access Denied');
  });

  it('heads an object into key, size and bare ETag; undefined when S3 says NotFound', async () => {
    s3.on(HeadObjectCommand, { Key: 'present' })
      .resolves({ ContentLength: 1234, ETag: '"abc"', ContentType: 'application/vnd.apache.parquet' })
      .on(HeadObjectCommand, { Key: 'absent' })
      .rejects(new NotFound({ message: 'UnknownError', $metadata: { httpStatusCode: 404 } }));

    expect(await lake.head('present')).toEqual({ key: 'present', size: 1234, etag: 'abc' });
    expect(await lake.head('absent')).toBeUndefined();
    expect(s3.commandCalls(HeadObjectCommand)[0]?.args[0].input).toEqual({ Bucket: 'sluice-lake', Key: 'present' });
  });

  it('lists every page, following the continuation tokens', async () => {
    s3.on(ListObjectsV2Command)
      .resolvesOnce({
        IsTruncated: true,
        NextContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
        KeyCount: 2,
        Contents: [
          { Key: 'curated/t/dt=2025-05-01/a.parquet', Size: 10, ETag: '"e1"' },
          { Key: 'curated/t/dt=2025-05-01/b.parquet', Size: 20, ETag: '"e2"' },
        ],
      })
      .resolvesOnce({
        IsTruncated: false,
        KeyCount: 1,
        Contents: [{ Key: 'curated/t/dt=2025-05-02/c.parquet', Size: 30, ETag: '"e3"' }],
      });

    const objects = await lake.list('curated/t/');

    expect(objects).toEqual([
      { key: 'curated/t/dt=2025-05-01/a.parquet', size: 10, etag: 'e1' },
      { key: 'curated/t/dt=2025-05-01/b.parquet', size: 20, etag: 'e2' },
      { key: 'curated/t/dt=2025-05-02/c.parquet', size: 30, etag: 'e3' },
    ]);
    expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'sluice-lake', Prefix: 'curated/t/', ContinuationToken: undefined },
      {
        Bucket: 'sluice-lake',
        Prefix: 'curated/t/',
        ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      },
    ]);
  });

  it('lists nothing for an empty prefix (no Contents in the response)', async () => {
    s3.on(ListObjectsV2Command).resolves({ IsTruncated: false, KeyCount: 0 });

    expect(await lake.list('curated/none/')).toEqual([]);
  });
});
