import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { buildS3DeleteObject } from './s3-delete-object';

describe('buildS3DeleteObject', () => {
  it('sends DeleteObject for the bucket and key', async () => {
    const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    const mock = mockClient(client);
    mock.on(DeleteObjectCommand).resolves({ $metadata: { httpStatusCode: 204 } });
    await buildS3DeleteObject(client, { bucket: 'lake' })('curated/t/dt=2026-11-20/a.parquet');
    expect(mock.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'lake',
      Key: 'curated/t/dt=2026-11-20/a.parquet',
    });
  });
});
