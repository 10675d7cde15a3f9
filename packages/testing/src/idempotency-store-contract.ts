import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';

/** The shape of the core's IdempotencyStore port (kept structural: the testing package does not import the core). */
export interface IdempotencyStoreUnderTest {
  findRecorded(eventIds: readonly string[]): Promise<Map<string, string>>;
  record(eventIds: readonly string[], batchKey: string): Promise<void>;
}

/**
 * The behaviour every idempotency store adapter must have (DynamoDB, file, in-memory): one suite, run
 * against each, so the local stand-in cannot drift from the AWS one.
 */
export function idempotencyStoreContract(name: string, open: () => Promise<IdempotencyStoreUnderTest>): void {
  describe(`${name} (idempotency store contract)`, () => {
    it('finds nothing before anything is recorded', async () => {
      const store = await open();
      expect(await store.findRecorded([randomUUID(), randomUUID()])).toEqual(new Map());
    });

    it('finds each recorded eventId with the batch that recorded it', async () => {
      const store = await open();
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await store.record([a, b], 'shard-1-100-200.batch');
      await store.record([c], 'shard-1-201-300.batch');
      const found = await store.findRecorded([a, b, c, randomUUID()]);
      expect(Object.fromEntries(found)).toEqual({
        [a]: 'shard-1-100-200.batch',
        [b]: 'shard-1-100-200.batch',
        [c]: 'shard-1-201-300.batch',
      });
    });

    it('recording the same eventId and batch again (a retried batch) changes nothing', async () => {
      const store = await open();
      const id = randomUUID();
      await store.record([id], 'first.batch');
      await store.record([id], 'first.batch');
      expect(Object.fromEntries(await store.findRecorded([id]))).toEqual({ [id]: 'first.batch' });
    });

    it('handles more ids than one request takes (DynamoDB: 100 per read, 25 per write)', async () => {
      const store = await open();
      const ids = Array.from({ length: 260 }, () => randomUUID());
      await store.record(ids, 'big.batch');
      const found = await store.findRecorded(ids);
      expect(found.size).toBe(260);
    });
  });
}
