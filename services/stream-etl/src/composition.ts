import { buildAwsClients, buildEventBridgePublisher, buildS3ObjectStore, readSsmParameter } from '@sluice/adapters-aws';
import { defaultMaskingPolicy, once, parseConfig, type StreamBatchDependencies } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { z } from 'zod';

const StreamEtlConfig = z
  .object({
    AWS_REGION: z.string().min(1),
    SLUICE_LAKE_BUCKET: z.string().min(3),
    SLUICE_EVENT_BUS: z.string().min(1),
    /** SecureString parameter holding the HMAC key for tokens (AWS). */
    SLUICE_MASKING_KEY_PARAMETER: z.string().startsWith('/').optional(),
    /** The key itself (local cloud only: never set this on AWS). */
    SLUICE_MASKING_KEY: z.string().min(32, 'the masking key must be at least 32 characters').optional(),
    SLUICE_S3_ENDPOINT: z.url().optional(),
    SLUICE_EVENTBRIDGE_ENDPOINT: z.url().optional(),
  })
  .refine((c) => c.SLUICE_MASKING_KEY !== undefined || c.SLUICE_MASKING_KEY_PARAMETER !== undefined, {
    message: 'set SLUICE_MASKING_KEY_PARAMETER (AWS) or SLUICE_MASKING_KEY (local)',
    path: ['SLUICE_MASKING_KEY_PARAMETER'],
  });

/** The stream-etl function's composition root (one per container). */
export const streamEtlDependencies = once(async (): Promise<StreamBatchDependencies> => {
  const config = parseConfig(StreamEtlConfig, process.env);
  const clients = buildAwsClients({
    region: config.AWS_REGION,
    endpoints: { s3: config.SLUICE_S3_ENDPOINT, eventBridge: config.SLUICE_EVENTBRIDGE_ENDPOINT },
  });
  const hmacKey =
    config.SLUICE_MASKING_KEY ?? (await readSsmParameter(clients.ssm, config.SLUICE_MASKING_KEY_PARAMETER as string));
  return {
    lake: buildS3ObjectStore(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET }),
    publish: buildEventBridgePublisher(clients.eventBridge, { eventBusName: config.SLUICE_EVENT_BUS }),
    encodeTable: encodeParquet,
    masking: defaultMaskingPolicy(hmacKey),
  };
});
