import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBridgeRequestHandler } from './eventbridge-endpoint';
import { LocalEventBus } from './local-event-bus';
import type { EventBridgeEvent } from './types';

const received: EventBridgeEvent[] = [];
const bus = new LocalEventBus({ name: 'sluice', account: '123456789012', region: 'us-east-1', retryBaseDelayMs: 1 });
bus.putRule({
  name: 'etl',
  eventPattern: { source: ['sluice.stream-etl'] },
  targets: [{ id: 'recorder', invoke: async (event) => received.push(event) }],
});

let server: Server;
let endpoint: string;
let client: EventBridgeClient;

beforeAll(async () => {
  server = createServer(createEventBridgeRequestHandler(bus));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** A raw JSON 1.1 call, for what the SDK would never send. */
async function rawCall(target: string | undefined, body: string) {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
  if (target !== undefined) headers['x-amz-target'] = target;
  return new Promise<{ status: number; errorType: string | undefined; body: unknown }>((resolve, reject) => {
    const call = httpRequest(`${endpoint}/`, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          errorType: response.headers['x-amzn-errortype'] as string | undefined,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        }),
      );
    });
    call.on('error', reject);
    call.end(body);
  });
}

describe('EventBridge JSON 1.1 endpoint', () => {
  it('takes PutEvents from the AWS SDK and delivers the events to matching rules', async () => {
    const time = new Date('2024-02-03T04:05:06Z');
    const response = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'sluice.stream-etl', DetailType: 'Batch Written', Detail: '{"rows":2}', Time: time },
          { Source: 'sluice.stream-etl', DetailType: 'Batch Written', Detail: 'not json' },
          {
            Source: 'sluice.stream-etl',
            DetailType: 'Batch Written',
            Detail: '{"rows":5}',
            Resources: ['arn:aws:s3:::lake'],
            EventBusName: 'sluice',
          },
        ],
      }),
    );
    await bus.drain();

    expect(response.FailedEntryCount).toBe(1);
    expect(response.Entries).toEqual([
      { EventId: expect.any(String) },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { EventId: expect.any(String) },
    ]);
    const first = received.find((event) => event.id === response.Entries?.[0]?.EventId);
    expect(first).toMatchObject({ time: '2024-02-03T04:05:06Z', detail: { rows: 2 }, account: '123456789012' });
    const third = received.find((event) => event.id === response.Entries?.[2]?.EventId);
    expect(third).toMatchObject({ resources: ['arn:aws:s3:::lake'], detail: { rows: 5 } });
  });

  it('answers a request of more than 10 entries with the ValidationException the SDK raises', async () => {
    const entries = Array.from({ length: 11 }, () => ({ Source: 's', DetailType: 'd', Detail: '{}' }));
    const error = await client.send(new PutEventsCommand({ Entries: entries })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have length less than or equal to 10'),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers any other operation with UnknownOperationException', async () => {
    const error = await client.send(new ListRulesCommand({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
    const raw = await rawCall(undefined, '{}');
    expect(raw).toMatchObject({
      status: 400,
      errorType: 'UnknownOperationException',
      body: { __type: 'UnknownOperationException' },
    });
  });

  it('answers a body that is not JSON with SerializationException', async () => {
    const raw = await rawCall('AWSEvents.PutEvents', '{"Entries": [');
    expect(raw).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
  });

  it('answers a body without Entries with ValidationException', async () => {
    const raw = await rawCall('AWSEvents.PutEvents', '{}');
    expect(raw).toMatchObject({ status: 400, body: { __type: 'ValidationException' } });
  });

  it('turns epoch-second Time values into the envelope time', async () => {
    const raw = await rawCall(
      'AWSEvents.PutEvents',
      JSON.stringify({ Entries: [{ Source: 'sluice.stream-etl', DetailType: 't', Detail: '{}', Time: 1700000000 }] }),
    );
    await bus.drain();
    const eventId = (raw.body as { Entries: { EventId: string }[] }).Entries[0]?.EventId;
    expect(raw.status).toBe(200);
    expect(received.find((event) => event.id === eventId)?.time).toBe('2023-11-14T22:13:20Z');
  });
});
