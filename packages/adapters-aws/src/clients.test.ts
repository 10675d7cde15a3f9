import { NodeHttpHandler } from '@smithy/node-http-handler';
import { describe, expect, it } from 'vitest';
import { buildAwsClients } from './clients';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('buildAwsClients', () => {
  it('builds every client in the given region, with the SDK defaults when no endpoint is overridden', async () => {
    const clients = buildAwsClients({ region: 'eu-west-1', credentials });

    for (const client of Object.values(clients)) {
      expect(await client.config.region()).toBe('eu-west-1');
      expect(client.config.endpoint).toBeUndefined();
    }
    expect(clients.s3.config.forcePathStyle).toBe(false);
  });

  it('points Kinesis, S3 and EventBridge at an endpoint override over HTTP/1.1, and leaves the others on AWS', async () => {
    const clients = buildAwsClients({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', credentials });

    for (const client of [clients.kinesis, clients.s3, clients.eventBridge]) {
      const endpoint = await client.config.endpoint?.();
      expect(endpoint).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 4566 });
      expect(client.config.requestHandler).toBeInstanceOf(NodeHttpHandler);
    }
    expect(clients.s3.config.forcePathStyle).toBe(true);
    for (const client of [clients.glue, clients.redshiftData, clients.athena, clients.ssm]) {
      expect(client.config.endpoint).toBeUndefined();
    }
    expect(await clients.kinesis.config.credentials()).toMatchObject(credentials);
  });

  it('lets a per-service endpoint win over the shared one', async () => {
    const clients = buildAwsClients({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4566',
      endpoints: { s3: 'http://127.0.0.1:9000' },
      credentials,
    });

    expect(await clients.s3.config.endpoint?.()).toMatchObject({ port: 9000 });
    expect(await clients.kinesis.config.endpoint?.()).toMatchObject({ port: 4566 });
  });
});
