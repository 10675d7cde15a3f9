import type { IdempotencyStore } from '@sluice/core';

/** The idempotency store for tests: a map, first writer wins, as with DynamoDB's conditional put. */
export function createInMemoryIdempotencyStore(): IdempotencyStore & { readonly size: () => number } {
  const recorded = new Map<string, string>();
  return {
    size: () => recorded.size,
    async findRecorded(eventIds) {
      const found = new Map<string, string>();
      for (const id of eventIds) {
        const batchKey = recorded.get(id);
        if (batchKey !== undefined) found.set(id, batchKey);
      }
      return found;
    },
    async record(eventIds, batchKey) {
      for (const id of eventIds) if (!recorded.has(id)) recorded.set(id, batchKey);
    },
  };
}
