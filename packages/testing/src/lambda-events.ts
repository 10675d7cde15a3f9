import type { HttpApiEvent, KinesisStreamEvent, S3ObjectCreated } from '@sluice/contracts';

export const TEST_STREAM_ARN = 'arn:aws:kinesis:eu-west-1:123456789012:stream/sluice-test-events';

/** A Kinesis event-source-mapping invocation as Lambda delivers it; `data` is any JSON value or raw text. */
export function kinesisEvent(
  payloads: readonly unknown[],
  options: { shardId?: string; firstSequence?: bigint; partitionKey?: string } = {},
): KinesisStreamEvent {
  const shardId = options.shardId ?? 'shardId-000000000000';
  const first = options.firstSequence ?? 49_650_000_000_000_000_000_000_000_000_000_000_000_000_000_000n;
  return {
    Records: payloads.map((payload, index) => {
      const sequenceNumber = (first + BigInt(index)).toString();
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: options.partitionKey ?? 'att-0001',
          sequenceNumber,
          data: Buffer.from(text).toString('base64'),
          approximateArrivalTimestamp: 1_795_640_000 + index / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shardId}:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::123456789012:role/sluice-stream-etl',
        awsRegion: 'eu-west-1',
        eventSourceARN: TEST_STREAM_ARN,
      };
    }),
  };
}

/** An API Gateway HTTP API (payload 2.0) request. */
export function httpApiEvent(
  method: string,
  path: string,
  body?: string,
  query: Record<string, string> = {},
): HttpApiEvent {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: { 'content-type': 'application/json', host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      routeKey: `${method} ${path}`,
      stage: '$default',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'vitest' },
      time: '25/Nov/2026:20:00:00 +0000',
      timeEpoch: 1_795_641_600_000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

/** S3 "Object Created" as EventBridge delivers it for a bucket with EventBridge notifications on. */
export function s3ObjectCreated(bucket: string, key: string, size = 1024): S3ObjectCreated {
  return {
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2026-11-25T20:00:00Z',
    region: 'eu-west-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key, size, etag: 'b1946ac92492d2347c6235b4d2611184', sequencer: '00617F08299329D189' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '123456789012',
      'source-ip-address': '1.2.3.4',
      reason: 'PutObject',
    },
  };
}
