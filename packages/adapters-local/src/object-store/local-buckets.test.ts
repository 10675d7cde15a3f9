import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BucketAlreadyOwnedByYouError, BucketNotEmptyError, InvalidBucketNameError, NoSuchBucketError } from './errors';
import type { ObjectCreatedEvent, ObjectRemovedEvent } from './events';
import { LocalBuckets } from './local-buckets';
import { bytesOf, md5Hex, useTempRoot } from './test-support';

describe('LocalBuckets', () => {
  const tempRoot = useTempRoot();

  describe('buckets', () => {
    it('creates, lists (sorted) and deletes buckets as folders of the root', async () => {
      const root = await tempRoot();
      const buckets = new LocalBuckets({ root });
      await buckets.createBucket('zeta');
      await buckets.createBucket('alpha');

      const listed = await buckets.listBuckets();
      expect(listed.map((b) => b.name)).toEqual(['alpha', 'zeta']);
      expect(listed[0]?.creationDate).toBeInstanceOf(Date);
      expect((await readdir(root)).sort()).toEqual(['.s3meta', 'alpha', 'zeta']);

      await buckets.deleteBucket('zeta');
      expect((await buckets.listBuckets()).map((b) => b.name)).toEqual(['alpha']);
      expect(await readdir(join(root, '.s3meta'))).toEqual(['alpha']);
    });

    it('serves a folder made by another tool as a bucket, and ignores its own folders', async () => {
      const root = await tempRoot();
      await mkdir(join(root, 'made-by-duckdb'), { recursive: true });
      const buckets = new LocalBuckets({ root });
      await buckets.ensureBucket('lake');
      await buckets.bucket('lake').put('k', bytesOf('x'), 'text/plain');

      expect((await buckets.listBuckets()).map((b) => b.name)).toEqual(['lake', 'made-by-duckdb']);
      expect(await buckets.bucket('made-by-duckdb').list()).toEqual([]);
    });

    it('refuses duplicate and invalid names', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      await buckets.createBucket('lake');
      await expect(buckets.createBucket('lake')).rejects.toThrow(BucketAlreadyOwnedByYouError);
      await expect(buckets.createBucket('Not_Valid')).rejects.toThrow(InvalidBucketNameError);
      await expect(buckets.ensureBucket('lake')).resolves.toBe(buckets.bucket('lake'));
    });

    it('throws NoSuchBucket for unknown buckets', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      expect(() => buckets.bucket('missing')).toThrow(NoSuchBucketError);
      expect(() => buckets.bucket('../etc')).toThrow(NoSuchBucketError);
      await expect(buckets.deleteBucket('missing')).rejects.toThrow(NoSuchBucketError);
      expect(await buckets.listBuckets()).toEqual([]);
    });

    it('deletes only empty buckets', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      const store = await buckets.ensureBucket('lake');
      await store.put('a/b/c', bytesOf('x'), 'text/plain');

      await expect(buckets.deleteBucket('lake')).rejects.toThrow(BucketNotEmptyError);
      expect(await store.keys()).toEqual(['a/b/c']);

      await store.delete('a/b/c');
      await buckets.deleteBucket('lake');
      expect(await buckets.hasBucket('lake')).toBe(false);
    });
  });

  describe('events', () => {
    it('tells object-created listeners once per committed put or copy, with increasing sequencers', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      const store = await buckets.ensureBucket('lake');
      const events: ObjectCreatedEvent[] = [];
      buckets.onObjectCreated((event) => {
        events.push(event);
      });

      await store.put('raw/a.json', bytesOf('{}'), 'application/json');
      await store.put('raw/a.json', bytesOf('{"v":2}'), 'application/json');
      await store.copyObject(store, 'raw/a.json', 'raw/b.json');

      expect(events).toEqual([
        {
          bucket: 'lake',
          key: 'raw/a.json',
          size: 2,
          etag: md5Hex('{}'),
          sequencer: expect.any(String),
          reason: 'PutObject',
        },
        {
          bucket: 'lake',
          key: 'raw/a.json',
          size: 7,
          etag: md5Hex('{"v":2}'),
          sequencer: expect.any(String),
          reason: 'PutObject',
        },
        {
          bucket: 'lake',
          key: 'raw/b.json',
          size: 7,
          etag: md5Hex('{"v":2}'),
          sequencer: expect.any(String),
          reason: 'CopyObject',
        },
      ]);
      const sequencers = events.map((e) => e.sequencer);
      expect([...sequencers].sort()).toEqual(sequencers);
      expect(new Set(sequencers).size).toBe(3);
      expect(sequencers.every((s) => /^[0-9A-F]{16}$/.test(s))).toBe(true);
    });

    it('fires after the object is readable', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      const store = await buckets.ensureBucket('lake');
      const seen: (string | undefined)[] = [];
      buckets.onObjectCreated(async (event) => {
        seen.push((await store.head(event.key))?.etag);
      });
      await store.put('k', bytesOf('body'), 'text/plain');
      await vi.waitFor(() => expect(seen).toEqual([md5Hex('body')]));
    });

    it('tells object-removed listeners about deletes that removed something', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      const store = await buckets.ensureBucket('lake');
      const removed: ObjectRemovedEvent[] = [];
      buckets.onObjectRemoved((event) => {
        removed.push(event);
      });
      await store.put('k', bytesOf('x'), 'text/plain');
      await store.delete('k');
      await store.delete('k');
      expect(removed).toEqual([{ bucket: 'lake', key: 'k', sequencer: expect.any(String), reason: 'DeleteObject' }]);
    });

    it('reports a failing listener without failing the write or the other listeners', async () => {
      const onListenerError = vi.fn();
      const buckets = new LocalBuckets({ root: await tempRoot(), onListenerError });
      const store = await buckets.ensureBucket('lake');
      const other = vi.fn();
      buckets.onObjectCreated(() => {
        throw new Error('sync boom');
      });
      buckets.onObjectCreated(async () => {
        throw new Error('async boom');
      });
      buckets.onObjectCreated(other);

      await expect(store.put('k', bytesOf('x'), 'text/plain')).resolves.toEqual({ etag: md5Hex('x') });

      expect(other).toHaveBeenCalledOnce();
      await vi.waitFor(() => expect(onListenerError).toHaveBeenCalledTimes(2));
      expect(onListenerError.mock.calls.map(([error]) => (error as Error).message).sort()).toEqual([
        'async boom',
        'sync boom',
      ]);
    });

    it('stops calling a listener once unsubscribed', async () => {
      const buckets = new LocalBuckets({ root: await tempRoot() });
      const store = await buckets.ensureBucket('lake');
      const listener = vi.fn();
      const unsubscribe = buckets.onObjectCreated(listener);
      await store.put('a', bytesOf('x'), 'text/plain');
      unsubscribe();
      await store.put('b', bytesOf('x'), 'text/plain');
      expect(listener).toHaveBeenCalledOnce();
    });
  });
});
