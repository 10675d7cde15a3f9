import type { S3ObjectCreated } from '@sluice/contracts';

/** The EventBridge "Object Created" event of a lake object, as S3 sends it. Not exported from the package. */
export function s3ObjectCreatedFor(bucket: string, key: string): S3ObjectCreated {
  return {
    version: '0',
    id: `event-${key}`,
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: '2026-11-25T10:00:00Z',
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key, size: 1024, sequencer: '01' },
      'request-id': 'request-1',
      requester: '000000000000',
      reason: 'PutObject',
    },
  };
}
