import { buildAwsClients, buildKinesisPutRecords } from '@sluice/adapters-aws';
import { DEFAULT_RETRY_POLICY, type IngestDependencies, once, parseConfig } from '@sluice/core';
import { z } from 'zod';

const IngestConfig = z.object({
  AWS_REGION: z.string().min(1),
  SLUICE_STREAM_NAME: z.string().min(1),
  /** The local cloud's Kinesis endpoint; unset on AWS. */
  SLUICE_KINESIS_ENDPOINT: z.url().optional(),
});

/** The ingest function's composition root: built on the first invocation, kept for the container's life. */
export const ingestDependencies = once(async (): Promise<IngestDependencies> => {
  const config = parseConfig(IngestConfig, process.env);
  const clients = buildAwsClients({
    region: config.AWS_REGION,
    endpoints: { kinesis: config.SLUICE_KINESIS_ENDPOINT },
  });
  return {
    putRecords: buildKinesisPutRecords(clients.kinesis, { streamName: config.SLUICE_STREAM_NAME }),
    retry: DEFAULT_RETRY_POLICY,
  };
});
