import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { IdempotencyStore } from '@sluice/core';
import { AwsAdapterError } from '../errors';

export interface DynamoDbIdempotencyStoreOptions {
  readonly tableName: string;
  /** Written as `expiresAt` (epoch seconds), the table's TTL attribute. */
  readonly ttlSeconds: number;
  /** Attempts for unprocessed keys/items (throttling) before giving up and failing the batch. */
  readonly maxAttempts?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class IdempotencyStoreError extends AwsAdapterError {
  constructor(message: string) {
    super('IDEMPOTENCY_STORE', message);
  }
}

// DynamoDB's per-request limits.
const GET_LIMIT = 100;
const WRITE_LIMIT = 25;
const PARALLEL_REQUESTS = 8;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * The idempotency store on DynamoDB: one item per eventId (`eventId`, `batchKey`, `expiresAt` as TTL).
 * Batched reads (BatchGetItem, 100 keys) and writes (BatchWriteItem, 25 items), 8 requests in flight,
 * rather than Powertools' one conditional PutItem per record: a 10,000-event batch is 100 reads and 400
 * writes instead of 10,000 round trips. Writes are unconditional; the core records only ids it found
 * unrecorded, and events of one attendee share a shard, so two batches do not race for one id.
 */
export function buildDynamoDbIdempotencyStore(
  client: DynamoDBClient,
  options: DynamoDbIdempotencyStoreOptions,
): IdempotencyStore {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = (attempt: number) => sleep(Math.min(1000, 25 * 2 ** attempt));

  async function getChunk(ids: readonly string[]): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let keys: Record<string, AttributeValue>[] = ids.map((id) => ({ eventId: { S: id } }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt === maxAttempts) {
        throw new IdempotencyStoreError(
          `BatchGetItem on ${options.tableName}: ${keys.length} keys still unprocessed after ${maxAttempts} attempts (throttled?)`,
        );
      }
      if (attempt > 0) await backoff(attempt);
      const response = await client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [options.tableName]: {
              Keys: keys,
              ConsistentRead: true,
              ProjectionExpression: 'eventId, batchKey, expiresAt',
            },
          },
        }),
      );
      items.push(...(response.Responses?.[options.tableName] ?? []));
      keys = response.UnprocessedKeys?.[options.tableName]?.Keys ?? [];
    }
    return items;
  }

  async function writeChunk(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === maxAttempts) {
        throw new IdempotencyStoreError(
          `BatchWriteItem on ${options.tableName}: ${pending.length} items still unprocessed after ${maxAttempts} attempts (throttled?)`,
        );
      }
      if (attempt > 0) await backoff(attempt);
      const response = await client.send(new BatchWriteItemCommand({ RequestItems: { [options.tableName]: pending } }));
      pending = response.UnprocessedItems?.[options.tableName] ?? [];
    }
  }

  return {
    async findRecorded(eventIds) {
      const unique = [...new Set(eventIds)];
      const pages = await inParallel(
        chunks(unique, GET_LIMIT).map((ids) => () => getChunk(ids)),
        PARALLEL_REQUESTS,
      );
      const nowSeconds = Math.floor(now() / 1000);
      const found = new Map<string, string>();
      for (const item of pages.flat()) {
        // TTL deletion lags by up to two days: an expired item still read back is treated as gone.
        const expiresAt = Number(item.expiresAt?.N ?? Number.POSITIVE_INFINITY);
        if (item.eventId?.S && item.batchKey?.S && expiresAt > nowSeconds) found.set(item.eventId.S, item.batchKey.S);
      }
      return found;
    },
    async record(eventIds, batchKey) {
      const expiresAt = String(Math.floor(now() / 1000) + options.ttlSeconds);
      const requests: WriteRequest[] = [...new Set(eventIds)].map((id) => ({
        PutRequest: { Item: { eventId: { S: id }, batchKey: { S: batchKey }, expiresAt: { N: expiresAt } } },
      }));
      await inParallel(
        chunks(requests, WRITE_LIMIT).map((chunk) => () => writeChunk(chunk)),
        PARALLEL_REQUESTS,
      );
    },
  };
}
