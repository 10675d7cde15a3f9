import { z } from 'zod';
import { eventBridgeEvent } from './eventbridge-envelope';

/**
 * S3 "Object Created", exactly as S3 emits it to EventBridge for buckets with EventBridge notifications
 * enabled (see the S3 user guide, "EventBridge event message structure").
 */
export const ObjectCreatedDetail = z.object({
  version: z.literal('0'),
  bucket: z.object({ name: z.string().min(3) }),
  object: z.object({
    key: z.string().min(1),
    size: z.number().int().nonnegative().optional(),
    etag: z.string().optional(),
    'version-id': z.string().optional(),
    sequencer: z.string(),
  }),
  'request-id': z.string(),
  requester: z.string(),
  'source-ip-address': z.string().optional(),
  reason: z.enum(['PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload']),
});
export type ObjectCreatedDetail = z.infer<typeof ObjectCreatedDetail>;

export const S3ObjectCreated = eventBridgeEvent('aws.s3', 'Object Created', ObjectCreatedDetail);
export type S3ObjectCreated = z.infer<typeof S3ObjectCreated>;
