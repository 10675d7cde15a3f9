import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from './test-server';

function clientFor(url: string): S3Client {
  return new S3Client({
    endpoint: url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

describe('S3 endpoint: listing and bulk delete, with @aws-sdk/client-s3', () => {
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

  /** Puts through the store directly: the listing, not 1,500 HTTP uploads, is under test here. */
  async function seed(keys: readonly string[]): Promise<void> {
    const store = s3.buckets.bucket('lake');
    for (let i = 0; i < keys.length; i += 16) {
      await Promise.all(
        keys.slice(i, i + 16).map((key) => store.put(key, new TextEncoder().encode(key), 'text/plain')),
      );
    }
  }

  it('lists buckets', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'archive' }));
    const listed = await client.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => b.Name)).toEqual(['archive', 'lake']);
    expect(listed.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(listed.Owner?.ID).toBe('local');
  });

  it('lists objects under a prefix with their size and ETag, sorted by key', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'curated/t/dt=2026-11-25/b.parquet', Body: 'bb' }));
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'curated/t/dt=2026-11-24/a.parquet', Body: 'a' }));
    await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'raw/t/dt=2026-11-25/x.json', Body: 'x' }));

    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'curated/t/' }));

    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      ['curated/t/dt=2026-11-24/a.parquet', 1],
      ['curated/t/dt=2026-11-25/b.parquet', 2],
    ]);
    expect(listed.Contents?.[0]).toMatchObject({
      ETag: '"0cc175b9c0f1b6a831c399e269772661"',
      StorageClass: 'STANDARD',
    });
    expect(listed.Contents?.[0]?.LastModified).toBeInstanceOf(Date);
    expect(listed).toMatchObject({
      KeyCount: 2,
      IsTruncated: false,
      Prefix: 'curated/t/',
      MaxKeys: 1000,
      Name: 'lake',
    });
  });

  it('rolls keys up into CommonPrefixes with a delimiter', async () => {
    await seed([
      'curated/attendees/dt=2026-11-24/a.parquet',
      'curated/attendees/dt=2026-11-25/a.parquet',
      'curated/attendees/dt=2026-11-25/b.parquet',
      'curated/attendees/_schema.json',
      'curated/sessions/dt=2026-11-25/a.parquet',
    ]);

    const partitions = await client.send(
      new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'curated/attendees/', Delimiter: '/' }),
    );
    expect(partitions.CommonPrefixes?.map((p) => p.Prefix)).toEqual([
      'curated/attendees/dt=2026-11-24/',
      'curated/attendees/dt=2026-11-25/',
    ]);
    expect(partitions.Contents?.map((o) => o.Key)).toEqual(['curated/attendees/_schema.json']);
    expect(partitions.KeyCount).toBe(3);
    expect(partitions.Delimiter).toBe('/');

    const tables = await client.send(new ListObjectsV2Command({ Bucket: 'lake', Delimiter: '/' }));
    expect(tables.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['curated/']);
    expect(tables.Contents).toBeUndefined();
  });

  it('pages through 1,500+ keys: 1,000 at most per page, continuation tokens, the SDK paginator', async () => {
    const events = Array.from({ length: 1500 }, (_, i) => `events/${String(i).padStart(5, '0')}.json`);
    const partitions = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}/x`);
    await seed([...events, ...partitions, 'z']);

    const first = await client.send(new ListObjectsV2Command({ Bucket: 'lake', MaxKeys: 5000 }));
    expect(first).toMatchObject({ KeyCount: 1000, MaxKeys: 1000, IsTruncated: true });
    expect(first.NextContinuationToken).toBeTruthy();
    const second = await client.send(
      new ListObjectsV2Command({ Bucket: 'lake', ContinuationToken: first.NextContinuationToken }),
    );
    expect(second).toMatchObject({ KeyCount: 531, IsTruncated: false, ContinuationToken: first.NextContinuationToken });
    expect(second.NextContinuationToken).toBeUndefined();
    expect([...(first.Contents ?? []), ...(second.Contents ?? [])].map((o) => o.Key)).toEqual([
      ...events,
      ...partitions,
      'z',
    ]);

    // With a delimiter, common prefixes count against the page size and are never repeated across pages.
    const pages: ListObjectsV2CommandOutput[] = [];
    for await (const page of paginateListObjectsV2({ client, pageSize: 7 }, { Bucket: 'lake', Delimiter: '/' })) {
      pages.push(page);
    }
    expect(pages.map((p) => p.KeyCount)).toEqual([7, 7, 7, 7, 4]);
    expect(pages.flatMap((p) => p.CommonPrefixes?.map((c) => c.Prefix) ?? [])).toEqual([
      'events/',
      ...partitions.map((key) => key.replace('x', '')),
    ]);
    expect(pages.flatMap((p) => p.Contents?.map((c) => c.Key) ?? [])).toEqual(['z']);
  });

  it('starts after a given key', async () => {
    await seed(['a', 'b', 'c', 'd']);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'lake', StartAfter: 'b', MaxKeys: 1 }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['c']);
    expect(listed).toMatchObject({ IsTruncated: true, StartAfter: 'b' });
  });

  it('URL-encodes keys when asked (encoding-type=url), and the SDK decodes them', async () => {
    await seed(['odd/a&b <c>.txt', 'odd/tab\there']);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'odd/', EncodingType: 'url' }));
    expect(listed.Contents?.map((o) => decodeURIComponent(o.Key ?? ''))).toEqual(['odd/a&b <c>.txt', 'odd/tab\there']);
    const plain = await client.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'odd/' }));
    expect(plain.Contents?.map((o) => o.Key)).toEqual(['odd/a&b <c>.txt', 'odd/tab\there']);
  });

  it('rejects a forged continuation token', async () => {
    try {
      await client.send(new ListObjectsV2Command({ Bucket: 'lake', ContinuationToken: 'not a token!' }));
      expect.unreachable('the listing should fail');
    } catch (error) {
      expect(error).toBeInstanceOf(S3ServiceException);
      expect((error as S3ServiceException).name).toBe('InvalidArgument');
    }
  });

  it('deletes many objects at once, reporting missing keys as deleted and invalid ones as errors', async () => {
    await seed(['d/1', 'd/2', 'keep']);
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: 'lake',
        Delete: { Objects: [{ Key: 'd/1' }, { Key: 'd/2' }, { Key: 'never-existed' }, { Key: '../bad' }] },
      }),
    );
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['d/1', 'd/2', 'never-existed']);
    expect(result.Errors).toEqual([expect.objectContaining({ Key: '../bad', Code: 'InvalidArgument' })]);
    expect(await s3.buckets.bucket('lake').keys()).toEqual(['keep']);

    const quiet = await client.send(
      new DeleteObjectsCommand({ Bucket: 'lake', Delete: { Objects: [{ Key: 'keep' }], Quiet: true } }),
    );
    expect(quiet.Deleted).toBeUndefined();
    expect(await s3.buckets.bucket('lake').keys()).toEqual([]);
  });
});
