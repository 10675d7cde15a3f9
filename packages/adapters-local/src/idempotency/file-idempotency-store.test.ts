import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyStoreContract } from '@sluice/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryIdempotencyStore } from '../in-memory';
import { FileIdempotencyStore } from './file-idempotency-store';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'sluice-idem-')), 'idempotency', 'events.log');

idempotencyStoreContract(
  'FileIdempotencyStore',
  async () => new FileIdempotencyStore({ file: tempFile(), ttlSeconds: 3600 }),
);
idempotencyStoreContract('in-memory idempotency store', async () => createInMemoryIdempotencyStore());

describe('FileIdempotencyStore', () => {
  it('sees records another process appended (two stores on one file)', async () => {
    const file = tempFile();
    const writer = new FileIdempotencyStore({ file, ttlSeconds: 3600 });
    const reader = new FileIdempotencyStore({ file, ttlSeconds: 3600 });
    expect((await reader.findRecorded(['a'])).size).toBe(0);
    await writer.record(['a', 'b'], 'k1');
    expect(Object.fromEntries(await reader.findRecorded(['a', 'b']))).toEqual({ a: 'k1', b: 'k1' });
  });

  it('forgets an eventId after its time to live, like the DynamoDB TTL', async () => {
    let now = 1_000_000;
    const store = new FileIdempotencyStore({ file: tempFile(), ttlSeconds: 60, now: () => now });
    await store.record(['a'], 'k1');
    now += 59_000;
    expect((await store.findRecorded(['a'])).size).toBe(1);
    now += 2_000;
    expect((await store.findRecorded(['a'])).size).toBe(0);
  });
});
