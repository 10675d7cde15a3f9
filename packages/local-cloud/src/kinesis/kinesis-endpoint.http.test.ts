import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KinesisStoreClosedError } from './errors';
import { type KinesisServer, startKinesisServer } from './kinesis-endpoint';
import { KinesisStore } from './kinesis-store';
import { temporaryDirectory } from './testing/fixtures';

let directory: ReturnType<typeof temporaryDirectory>;
let store: KinesisStore;
let server: KinesisServer;
let internalErrors: unknown[];

/** A raw JSON 1.1 call, for what the SDK would never send. */
async function call(target: string | undefined, body: string, method = 'POST') {
  const response = await fetch(server.url, {
    method,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      ...(target === undefined ? {} : { 'X-Amz-Target': target }),
    },
    ...(method === 'POST' ? { body } : {}),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-amzn-requestid'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

beforeEach(async () => {
  directory = temporaryDirectory();
  store = await KinesisStore.open(directory.dir);
  internalErrors = [];
  server = await startKinesisServer({ store, onInternalError: (error) => internalErrors.push(error) });
});

afterEach(async () => {
  await server.close();
  store.close();
  directory.remove();
});

describe('the Kinesis endpoint on the wire', () => {
  it('answers in JSON 1.1 with a request id', async () => {
    const response = await call('Kinesis_20131202.ListStreams', '{}');
    expect(response).toMatchObject({
      status: 200,
      contentType: 'application/x-amz-json-1.1',
      body: { StreamNames: [], HasMoreStreams: false },
    });
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects operations it does not implement, a missing target and other methods as UnknownOperationException', async () => {
    for (const [target, method] of [
      ['Kinesis_20131202.MergeShards', 'POST'],
      ['Kinesis_20131202.constructor', 'POST'],
      ['DynamoDB_20120810.ListTables', 'POST'],
      [undefined, 'POST'],
      ['Kinesis_20131202.ListStreams', 'GET'],
    ] as const) {
      const response = await call(target, '{}', method);
      expect({ target, method, status: response.status, type: response.body.__type }).toEqual({
        target,
        method,
        status: 400,
        type: 'UnknownOperationException',
      });
    }
  });

  it('rejects malformed bodies and members of the wrong JSON type as SerializationException', async () => {
    const bodies = [
      ['Kinesis_20131202.CreateStream', '{"StreamName": "s", '],
      ['Kinesis_20131202.CreateStream', '["StreamName"]'],
      ['Kinesis_20131202.CreateStream', '{"StreamName": "s", "ShardCount": "two"}'],
      ['Kinesis_20131202.PutRecord', '{"StreamName": "s", "PartitionKey": "k", "Data": "not base64!"}'],
      ['Kinesis_20131202.PutRecord', '{"StreamName": "s", "PartitionKey": "k", "Data": "AB-_"}'],
      ['Kinesis_20131202.PutRecord', '{"StreamName": "s", "PartitionKey": "k", "Data": "AA=A"}'],
      ['Kinesis_20131202.PutRecords', '{"StreamName": "s", "Records": {"Data": "AA=="}}'],
    ] as const;
    for (const [target, body] of bodies) {
      const response = await call(target, body);
      expect({ body, status: response.status, type: response.body.__type }).toEqual({
        body,
        status: 400,
        type: 'SerializationException',
      });
    }
  });

  it('reports every constraint violation of a request together', async () => {
    const response = await call('Kinesis_20131202.CreateStream', '{"StreamName": "", "ShardCount": 0}');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'ValidationException',
      message: expect.stringMatching(/^3 validation errors detected: .*'streamName'.*'streamName'.*'shardCount'/),
    });
  });

  it('refuses a body larger than any Kinesis request, after reading it, with ValidationException', async () => {
    const huge = JSON.stringify({
      StreamName: 's',
      Records: [{ PartitionKey: 'k', Data: 'A'.repeat(9 * 1024 * 1024) }],
    });
    const response = await call('Kinesis_20131202.PutRecords', huge);
    expect(response).toMatchObject({ status: 400, body: { __type: 'ValidationException' } });
  });

  it('answers errors that are not API errors with a 500 InternalFailureException and reports them', async () => {
    store.close();
    const response = await call('Kinesis_20131202.ListStreams', '{}');
    expect(response).toMatchObject({ status: 500, body: { __type: 'InternalFailureException' } });
    expect(internalErrors).toHaveLength(1);
    expect(internalErrors[0]).toBeInstanceOf(KinesisStoreClosedError);
  });

  it('refuses to listen anywhere but on loopback, since it checks no signatures', async () => {
    await expect(startKinesisServer({ store, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startKinesisServer({ store, host: '192.168.1.10' })).rejects.toThrow(/loopback/);
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});
