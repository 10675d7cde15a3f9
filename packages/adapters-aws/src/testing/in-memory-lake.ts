import { createHash } from 'node:crypto';
import type { ObjectStore, StoredObject } from '@sluice/core';

/** A Map-backed ObjectStore for tests of adapters that use the lake (not the port's local adapter). */
export function inMemoryLake(bucket: string, objects: Record<string, Uint8Array> = {}) {
  const stored = new Map<string, { body: Uint8Array; contentType: string }>(
    Object.entries(objects).map(([key, body]) => [key, { body, contentType: 'application/vnd.apache.parquet' }]),
  );
  const etag = (body: Uint8Array) => createHash('md5').update(body).digest('hex');
  const describe = (key: string, body: Uint8Array): StoredObject => ({ key, size: body.length, etag: etag(body) });
  const lake: ObjectStore = {
    bucket,
    async put(key, body, contentType) {
      stored.set(key, { body, contentType });
      return { etag: etag(body) };
    },
    async get(key) {
      const object = stored.get(key);
      return object && { body: object.body, etag: etag(object.body) };
    },
    async head(key) {
      const object = stored.get(key);
      return object && describe(key, object.body);
    },
    async list(prefix) {
      return [...stored].filter(([key]) => key.startsWith(prefix)).map(([key, o]) => describe(key, o.body));
    },
  };
  return { lake, stored };
}
