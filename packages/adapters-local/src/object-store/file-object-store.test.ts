import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { InvalidKeyError, InvalidRangeError, KeyConflictError, NoSuchBucketError, NoSuchKeyError } from './errors';
import { LocalBuckets } from './local-buckets';
import { bytesOf, leftoverTempFiles, md5Hex, useTempRoot } from './test-support';

describe('FileObjectStore', () => {
  const tempRoot = useTempRoot();

  async function lake() {
    const root = await tempRoot();
    const buckets = new LocalBuckets({ root });
    const store = await buckets.ensureBucket('lake');
    return { root, buckets, store };
  }

  describe('put and get', () => {
    it('stores the exact bytes as a plain file at <root>/<bucket>/<key>, with an MD5 ETag', async () => {
      const { root, store } = await lake();
      const body = bytesOf('{"id":1}\n{"id":2}\n');

      const { etag } = await store.put('raw/attendees/dt=2026-11-25/a.json', body, 'application/x-ndjson');

      expect(etag).toBe(md5Hex(body));
      const onDisk = await readFile(join(root, 'lake/raw/attendees/dt=2026-11-25/a.json'));
      expect(onDisk.equals(Buffer.from(body))).toBe(true);
      expect(store.path('raw/attendees/dt=2026-11-25/a.json')).toBe(
        join(root, 'lake/raw/attendees/dt=2026-11-25/a.json'),
      );
      const got = await store.get('raw/attendees/dt=2026-11-25/a.json');
      expect(got?.etag).toBe(etag);
      expect(Buffer.from(got?.body ?? []).equals(Buffer.from(body))).toBe(true);
    });

    it('keeps the metadata in a sidecar outside the bucket folder', async () => {
      const { root, store } = await lake();
      await store.putObject('a/b.parquet', bytesOf('PAR1'), {
        contentType: 'application/vnd.apache.parquet',
        metadata: { owner: 'stream-etl' },
        headers: { cacheControl: 'no-cache' },
      });

      const sidecar = JSON.parse(await readFile(join(root, '.s3meta/lake/a/b.parquet.json'), 'utf8'));
      expect(sidecar).toMatchObject({
        etag: md5Hex('PAR1'),
        size: 4,
        contentType: 'application/vnd.apache.parquet',
        metadata: { owner: 'stream-etl' },
        headers: { cacheControl: 'no-cache' },
      });
      expect(await store.keys()).toEqual(['a/b.parquet']);
    });

    it('returns undefined for a missing key, and for a "folder" that only holds other keys', async () => {
      const { store } = await lake();
      await store.put('a/b', bytesOf('x'), 'text/plain');
      expect(await store.get('missing')).toBeUndefined();
      expect(await store.get('a')).toBeUndefined();
      expect(await store.head('a')).toBeUndefined();
      expect(await store.getStream('a')).toBeUndefined();
    });

    it('replaces an object whole on overwrite', async () => {
      const { store } = await lake();
      await store.put('k', bytesOf('first, longer version'), 'text/plain');
      await store.put('k', bytesOf('second'), 'text/csv');
      const head = await store.head('k');
      expect(head).toMatchObject({ key: 'k', size: 6, etag: md5Hex('second'), contentType: 'text/csv' });
      expect(Buffer.from((await store.get('k'))?.body ?? []).toString()).toBe('second');
    });

    it('writes a streamed body without changing a byte', async () => {
      const { root, store } = await lake();
      const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
      const info = await store.putObject('big.bin', Readable.from(chunks));
      const expected = Buffer.concat(chunks);
      expect(info).toMatchObject({ size: expected.length, etag: md5Hex(expected) });
      expect((await readFile(join(root, 'lake/big.bin'))).equals(expected)).toBe(true);
    });

    it('leaves no object, no temp file and the previous version when the body fails part-way', async () => {
      const { root, store } = await lake();
      await store.put('k', bytesOf('previous'), 'text/plain');
      async function* failing() {
        yield Buffer.from('half of the new ');
        throw new Error('client went away');
      }

      await expect(store.putObject('k', failing())).rejects.toThrow('client went away');
      await expect(store.putObject('new', failing())).rejects.toThrow('client went away');

      expect(Buffer.from((await store.get('k'))?.body ?? []).toString()).toBe('previous');
      expect(await store.head('new')).toBeUndefined();
      expect(await store.keys()).toEqual(['k']);
      expect(await leftoverTempFiles(root)).toEqual([]);
    });

    it('records a checksum given as a function once the body has been read', async () => {
      const { store } = await lake();
      let trailer: string | undefined;
      async function* body() {
        yield Buffer.from('abc');
        trailer = 'NSRBwg==';
      }
      const info = await store.putObject('k', body(), {
        checksum: () => (trailer ? { algorithm: 'CRC32', value: trailer } : undefined),
      });
      expect(info.checksum).toEqual({ algorithm: 'CRC32', value: 'NSRBwg==' });
      expect((await store.head('k'))?.checksum).toEqual({ algorithm: 'CRC32', value: 'NSRBwg==' });
    });
  });

  describe('keys', () => {
    it.each([
      ['../escape', InvalidKeyError],
      ['/abs', InvalidKeyError],
      ['a//b', InvalidKeyError],
    ])('rejects %j before touching the disk', async (key, error) => {
      const { store } = await lake();
      await expect(store.put(key, bytesOf('x'), 'text/plain')).rejects.toThrow(error);
      await expect(store.get(key)).rejects.toThrow(error);
    });

    it('refuses a key that would turn an object into a folder, or a folder into an object', async () => {
      const { store } = await lake();
      await store.put('a', bytesOf('file'), 'text/plain');
      await store.put('b/c', bytesOf('file'), 'text/plain');

      await expect(store.put('a/x', bytesOf('x'), 'text/plain')).rejects.toThrow(KeyConflictError);
      await expect(store.put('b', bytesOf('x'), 'text/plain')).rejects.toThrow(KeyConflictError);
      expect(await store.keys()).toEqual(['a', 'b/c']);
      expect(Buffer.from((await store.get('a'))?.body ?? []).toString()).toBe('file');
    });

    it('refuses a key whose sidecar would collide with another sidecar, before writing its object', async () => {
      const { root, store } = await lake();
      await store.put('a', bytesOf('file'), 'text/plain'); // sidecar: .s3meta/lake/a.json

      await expect(store.put('a.json/x', bytesOf('x'), 'text/plain')).rejects.toThrow(KeyConflictError);

      expect(await store.keys()).toEqual(['a']);
      await expect(stat(join(root, 'lake/a.json'))).rejects.toThrow(/ENOENT/);
      expect(await leftoverTempFiles(root)).toEqual([]);
    });
  });

  describe('list', () => {
    it('returns every object under the prefix, sorted by key, prefix cut mid-segment included', async () => {
      const { store } = await lake();
      const keys = [
        'curated/t/dt=2026-11-25/b.parquet',
        'curated/t/dt=2026-11-24/a.parquet',
        'curated/t/dt=2026-10-01/z.parquet',
        'curated/u/dt=2026-11-25/a.parquet',
        'curated/t.txt',
        'raw/t/dt=2026-11-25/a.json',
      ];
      for (const key of keys) await store.put(key, bytesOf(key), 'application/octet-stream');

      expect((await store.list('curated/t/dt=2026-11')).map((o) => o.key)).toEqual([
        'curated/t/dt=2026-11-24/a.parquet',
        'curated/t/dt=2026-11-25/b.parquet',
      ]);
      expect((await store.list('curated/t')).map((o) => o.key)).toEqual([
        'curated/t.txt',
        'curated/t/dt=2026-10-01/z.parquet',
        'curated/t/dt=2026-11-24/a.parquet',
        'curated/t/dt=2026-11-25/b.parquet',
      ]);
      expect(await store.list('nothing/here/')).toEqual([]);
      const all = await store.list();
      expect(all.map((o) => o.key)).toEqual([...keys].sort());
      expect(all[0]).toMatchObject({ size: 13, etag: md5Hex('curated/t.txt') });
      expect(all[0]?.lastModified).toBeInstanceOf(Date);
    });
  });

  describe('files written by other tools', () => {
    it('lists a file dropped into the bucket folder, with an ETag computed from its bytes', async () => {
      const { root, store } = await lake();
      await mkdir(join(root, 'lake/curated/t'), { recursive: true });
      await writeFile(join(root, 'lake/curated/t/from-duckdb.parquet'), 'PAR1 bytes');

      const [listed] = await store.list('curated/');
      expect(listed).toMatchObject({
        key: 'curated/t/from-duckdb.parquet',
        size: 10,
        etag: md5Hex('PAR1 bytes'),
        contentType: 'application/octet-stream',
      });
      expect(
        JSON.parse(await readFile(join(root, '.s3meta/lake/curated/t/from-duckdb.parquet.json'), 'utf8')).etag,
      ).toBe(md5Hex('PAR1 bytes'));
    });

    it('notices a file overwritten behind its back and describes the new bytes', async () => {
      const { root, store } = await lake();
      await store.put('k', bytesOf('old'), 'text/plain');
      const path = join(root, 'lake/k');
      await writeFile(path, 'new and longer');

      expect(await store.head('k')).toMatchObject({ size: 14, etag: md5Hex('new and longer') });
      await writeFile(path, 'newest');
      const got = await store.get('k');
      expect(got?.etag).toBe(md5Hex('newest'));
      expect(Buffer.from(got?.body ?? []).toString()).toBe('newest');
    });
  });

  describe('getStream', () => {
    it.each([
      [{ start: 2, end: 4 }, 'cde', { start: 2, end: 4 }],
      [{ start: 7 }, 'hij', { start: 7, end: 9 }],
      [{ start: 8, end: 100 }, 'ij', { start: 8, end: 9 }],
      [{ suffixLength: 3 }, 'hij', { start: 7, end: 9 }],
      [{ suffixLength: 50 }, 'abcdefghij', { start: 0, end: 9 }],
    ])('serves range %j', async (range, expected, resolved) => {
      const { store } = await lake();
      await store.put('k', bytesOf('abcdefghij'), 'text/plain');
      const opened = await store.getStream('k', range);
      expect(opened?.range).toEqual(resolved);
      expect(await text(opened?.body ?? Readable.from([]))).toBe(expected);
    });

    it('streams the whole object, empty ones included', async () => {
      const { store } = await lake();
      await store.put('k', bytesOf('abcdefghij'), 'text/plain');
      await store.put('empty', new Uint8Array(), 'text/plain');
      expect(await text((await store.getStream('k'))?.body ?? Readable.from(['wrong']))).toBe('abcdefghij');
      expect(await text((await store.getStream('empty'))?.body ?? Readable.from(['wrong']))).toBe('');
    });

    it('rejects a range that starts past the end', async () => {
      const { store } = await lake();
      await store.put('k', bytesOf('abc'), 'text/plain');
      await expect(store.getStream('k', { start: 3 })).rejects.toThrow(InvalidRangeError);
    });

    it('keeps serving the version it opened when the object is overwritten meanwhile', async () => {
      const { store } = await lake();
      await store.put('k', bytesOf('version one'), 'text/plain');
      const opened = await store.getStream('k');
      await store.put('k', bytesOf('version two, longer'), 'text/plain');
      expect(opened?.info.etag).toBe(md5Hex('version one'));
      expect(await text(opened?.body ?? Readable.from([]))).toBe('version one');
    });
  });

  describe('copyObject', () => {
    it('copies bytes and metadata across buckets, or replaces the metadata when asked', async () => {
      const { buckets, store } = await lake();
      const archive = await buckets.ensureBucket('archive');
      await store.putObject('src', bytesOf('payload'), { contentType: 'text/csv', metadata: { a: '1' } });

      const kept = await archive.copyObject(store, 'src', 'copies/kept');
      const replaced = await store.copyObject(store, 'src', 'replaced', {
        metadataDirective: 'REPLACE',
        contentType: 'application/json',
        metadata: { b: '2' },
      });

      expect(kept).toMatchObject({ etag: md5Hex('payload'), contentType: 'text/csv', metadata: { a: '1' } });
      expect(replaced).toMatchObject({
        etag: md5Hex('payload'),
        contentType: 'application/json',
        metadata: { b: '2' },
      });
      expect(Buffer.from((await archive.get('copies/kept'))?.body ?? []).toString()).toBe('payload');
    });

    it('fails with NoSuchKey for a missing source', async () => {
      const { store } = await lake();
      await expect(store.copyObject(store, 'missing', 'dest')).rejects.toThrow(NoSuchKeyError);
    });
  });

  describe('delete', () => {
    it('removes the file, its sidecar and the folders it leaves empty', async () => {
      const { root, store } = await lake();
      await store.put('a/b/c.json', bytesOf('1'), 'application/json');
      await store.put('a/keep.json', bytesOf('2'), 'application/json');

      expect(await store.delete('a/b/c.json')).toBe(true);
      expect(await store.delete('a/b/c.json')).toBe(false);

      await expect(stat(join(root, 'lake/a/b'))).rejects.toThrow(/ENOENT/);
      await expect(stat(join(root, '.s3meta/lake/a/b'))).rejects.toThrow(/ENOENT/);
      expect(await store.keys()).toEqual(['a/keep.json']);
    });

    it('does not delete a "folder" named like a key', async () => {
      const { store } = await lake();
      await store.put('a/b', bytesOf('1'), 'text/plain');
      expect(await store.delete('a')).toBe(false);
      expect(await store.keys()).toEqual(['a/b']);
    });
  });

  describe('concurrency', () => {
    it('keeps every object and its sidecar consistent under racing writes to the same key', async () => {
      const { store } = await lake();
      const bodies = Array.from({ length: 20 }, (_, i) => bytesOf(`body number ${i} `.repeat(i + 1)));
      await Promise.all(bodies.map((body, i) => store.putObject('k', body, { metadata: { i: String(i) } })));

      const got = await store.get('k');
      const head = await store.head('k');
      const winner = Number(head?.metadata.i);
      expect(head?.etag).toBe(md5Hex(got?.body ?? new Uint8Array()));
      expect(head?.etag).toBe(md5Hex(bodies[winner] ?? new Uint8Array()));
    });

    it('keeps writes that race with deletes emptying the same folders', async () => {
      const { store } = await lake();
      const folders = Array.from({ length: 40 }, (_, i) => `p/${i}`);
      await Promise.all(folders.map((folder) => store.put(`${folder}/old`, bytesOf('old'), 'text/plain')));
      await Promise.all(
        folders.flatMap((folder) => [
          store.delete(`${folder}/old`),
          store.put(`${folder}/new`, bytesOf('new'), 'text/plain'),
        ]),
      );
      expect(await store.keys('p/')).toEqual(folders.map((folder) => `${folder}/new`).sort());
    });
  });

  it('fails with NoSuchBucket once its bucket is deleted, instead of re-creating it', async () => {
    const { buckets, store } = await lake();
    await buckets.deleteBucket('lake');
    await expect(store.put('k', bytesOf('x'), 'text/plain')).rejects.toThrow(NoSuchBucketError);
    await expect(store.get('k')).rejects.toThrow(NoSuchBucketError);
    await expect(store.list('')).rejects.toThrow(NoSuchBucketError);
    expect(await buckets.hasBucket('lake')).toBe(false);
  });
});
