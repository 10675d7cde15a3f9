import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { idempotencyStoreContract } from '@sluice/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { buildDynamoDbIdempotencyStore, IdempotencyStoreError } from './dynamodb-idempotency-store';

const TABLE = 'sluice-test-idempotency';

/**
 * A DynamoDB table behind aws-sdk-client-mock that answers BatchGetItem / BatchWriteItem with the API's
 * real response shapes and enforces its request limits (100 keys, 25 writes), optionally leaving the
 * first `throttled` requests' keys/items unprocessed, as a throttled table does.
 */
function fakeTable(options: { throttled?: number } = {}) {
  const items = new Map<string, Record<string, AttributeValue>>();
  const client = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  let throttled = options.throttled ?? 0;
  mock.on(BatchGetItemCommand).callsFake((input: BatchGetItemCommandInput): BatchGetItemCommandOutput => {
    const request = input.RequestItems?.[TABLE];
    const keys = request?.Keys ?? [];
    if (keys.length > 100) throw new Error('ValidationException: Too many items requested for the BatchGetItem call');
    if (throttled-- > 0)
      return { $metadata: {}, Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: keys } } };
    const found = keys.flatMap((key) => {
      const item = items.get(key.eventId?.S ?? '');
      return item ? [item] : [];
    });
    return { $metadata: {}, Responses: { [TABLE]: found }, UnprocessedKeys: {} };
  });
  mock.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput): BatchWriteItemCommandOutput => {
    const requests = input.RequestItems?.[TABLE] ?? [];
    if (requests.length > 25)
      throw new Error('ValidationException: Too many items requested for the BatchWriteItem call');
    if (throttled-- > 0) return { $metadata: {}, UnprocessedItems: { [TABLE]: requests } };
    for (const request of requests) {
      const item = request.PutRequest?.Item;
      if (item?.eventId?.S) items.set(item.eventId.S, item);
    }
    return { $metadata: {}, UnprocessedItems: {} };
  });
  return { client, mock, items };
}

const noSleep = async () => {};

idempotencyStoreContract('DynamoDB idempotency store', async () =>
  buildDynamoDbIdempotencyStore(fakeTable().client, { tableName: TABLE, ttlSeconds: 3600, sleep: noSleep }),
);

describe('buildDynamoDbIdempotencyStore', () => {
  it('writes eventId, batchKey and the TTL attribute expiresAt in epoch seconds', async () => {
    const table = fakeTable();
    const store = buildDynamoDbIdempotencyStore(table.client, {
      tableName: TABLE,
      ttlSeconds: 600,
      now: () => 1_700_000_000_000,
      sleep: noSleep,
    });
    await store.record(['e-1'], 'shard-1-1-9.batch');
    expect(table.items.get('e-1')).toEqual({
      eventId: { S: 'e-1' },
      batchKey: { S: 'shard-1-1-9.batch' },
      expiresAt: { N: String(1_700_000_000 + 600) },
    });
    const [call] = table.mock.commandCalls(BatchGetItemCommand);
    expect(call).toBeUndefined();
    await store.findRecorded(['e-1']);
    expect(table.mock.commandCalls(BatchGetItemCommand)[0]?.args[0].input.RequestItems?.[TABLE]).toMatchObject({
      ConsistentRead: true,
    });
  });

  it('treats an item past its expiresAt as gone (TTL deletes lazily)', async () => {
    const table = fakeTable();
    let now = 1_700_000_000_000;
    const store = buildDynamoDbIdempotencyStore(table.client, {
      tableName: TABLE,
      ttlSeconds: 60,
      now: () => now,
      sleep: noSleep,
    });
    await store.record(['e-1'], 'k');
    now += 61_000;
    expect((await store.findRecorded(['e-1'])).size).toBe(0);
  });

  it('retries unprocessed keys and items (throttling) until they are processed', async () => {
    const table = fakeTable({ throttled: 2 });
    const store = buildDynamoDbIdempotencyStore(table.client, { tableName: TABLE, ttlSeconds: 60, sleep: noSleep });
    await store.record(['a', 'b'], 'k');
    expect(Object.fromEntries(await store.findRecorded(['a', 'b']))).toEqual({ a: 'k', b: 'k' });
    expect(table.mock.commandCalls(BatchWriteItemCommand)).toHaveLength(3);
  });

  it('fails the batch with a clear error when the table stays throttled', async () => {
    const table = fakeTable({ throttled: 100 });
    const store = buildDynamoDbIdempotencyStore(table.client, {
      tableName: TABLE,
      ttlSeconds: 60,
      sleep: noSleep,
      maxAttempts: 3,
    });
    await expect(store.findRecorded(['a'])).rejects.toThrow(IdempotencyStoreError);
    await expect(store.record(['a'], 'k')).rejects.toThrow(/1 items still unprocessed after 3 attempts/);
  });
});
