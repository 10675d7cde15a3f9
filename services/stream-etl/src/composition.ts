import { join } from 'node:path';
import {
  buildAwsClients,
  buildDynamoDbIdempotencyStore,
  buildEventBridgePublisher,
  buildS3DeleteObject,
  buildS3ObjectStore,
  readSsmParameter,
} from '@sluice/adapters-aws';
import {
  buildCompactPartitions,
  buildReferenceData,
  defaultMaskingPolicy,
  type IdempotencyStore,
  jsonLog,
  type Log,
  once,
  parseConfig,
  privateLog,
  type StreamBatchDependencies,
  StreamPipelineConfig,
} from '@sluice/core';
import { decodeParquet, encodeParquet } from '@sluice/parquet';
import { buildSqlEnrichment, queriesFromSqlFiles } from '@sluice/sql-enrichment';
import { z } from 'zod';

const SEVEN_DAYS = 7 * 24 * 3600;

/** What both functions need to reach the lake (the local cloud's S3 endpoint when set). */
const lakeSettings = {
  AWS_REGION: z.string().min(1),
  SLUICE_LAKE_BUCKET: z.string().min(3),
  SLUICE_S3_ENDPOINT: z.url().optional(),
};

const StreamEtlConfig = z
  .object({
    ...lakeSettings,
    SLUICE_RUNTIME: z.enum(['aws', 'local']),
    SLUICE_EVENT_BUS: z.string().min(1),
    /** SecureString parameter holding the HMAC key for tokens (AWS). */
    SLUICE_MASKING_KEY_PARAMETER: z.string().startsWith('/').optional(),
    /** The key itself (local cloud only: never set this on AWS). */
    SLUICE_MASKING_KEY: z.string().min(32, 'the masking key must be at least 32 characters').optional(),
    /** The idempotency table (AWS); locally a file under SLUICE_DATA_DIR. */
    SLUICE_IDEMPOTENCY_TABLE: z.string().min(3).optional(),
    /** How long an eventId is remembered: longer than the stream's retention plus the retry window. */
    SLUICE_IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().positive().default(SEVEN_DAYS),
    /** How often to check the reference objects' ETags (0 = before every batch). */
    SLUICE_REFERENCE_REFRESH_SECONDS: z.coerce.number().min(0).default(60),
    /** Per-event-type stage settings as JSON (see StreamPipelineConfig); every stage is on by default. */
    SLUICE_PIPELINE_CONFIG: z
      .string()
      .default('{}')
      .transform((text, context) => {
        try {
          return StreamPipelineConfig.parse(JSON.parse(text));
        } catch (error) {
          context.addIssue({ code: 'custom', message: `not a valid pipeline config: ${(error as Error).message}` });
          return z.NEVER;
        }
      }),
    SLUICE_DATA_DIR: z.string().min(1).optional(),
    SLUICE_EVENTBRIDGE_ENDPOINT: z.url().optional(),
  })
  .refine((c) => c.SLUICE_MASKING_KEY !== undefined || c.SLUICE_MASKING_KEY_PARAMETER !== undefined, {
    message: 'set SLUICE_MASKING_KEY_PARAMETER (AWS) or SLUICE_MASKING_KEY (local)',
    path: ['SLUICE_MASKING_KEY_PARAMETER'],
  })
  .refine((c) => (c.SLUICE_RUNTIME === 'aws' ? c.SLUICE_IDEMPOTENCY_TABLE : c.SLUICE_DATA_DIR) !== undefined, {
    message: 'set SLUICE_IDEMPOTENCY_TABLE (AWS) or SLUICE_DATA_DIR (local)',
    path: ['SLUICE_IDEMPOTENCY_TABLE'],
  });

/**
 * The stream-etl function's composition root (one per container). `sqlFiles` gives the enrichment SQL
 * files by name (read from the handler's `enrichment/` folder, or inlined in the bundle).
 */
export function buildStreamEtlDependencies(sqlFiles: () => Record<string, string>, log: Log = privateLog(jsonLog)) {
  return once(async (): Promise<StreamBatchDependencies> => {
    const config = parseConfig(StreamEtlConfig, process.env);
    const clients = buildAwsClients({
      region: config.AWS_REGION,
      endpoints: { s3: config.SLUICE_S3_ENDPOINT, eventBridge: config.SLUICE_EVENTBRIDGE_ENDPOINT },
    });
    const hmacKey =
      config.SLUICE_MASKING_KEY ?? (await readSsmParameter(clients.ssm, config.SLUICE_MASKING_KEY_PARAMETER as string));
    const lake = buildS3ObjectStore(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET });
    let idempotency: IdempotencyStore;
    if (config.SLUICE_RUNTIME === 'local') {
      const { FileIdempotencyStore, localDataPaths } = await import('@sluice/adapters-local');
      const file = join(localDataPaths(config.SLUICE_DATA_DIR as string).root, 'idempotency', 'stream-etl.log');
      idempotency = new FileIdempotencyStore({ file, ttlSeconds: config.SLUICE_IDEMPOTENCY_TTL_SECONDS });
    } else {
      idempotency = buildDynamoDbIdempotencyStore(clients.dynamoDb, {
        tableName: config.SLUICE_IDEMPOTENCY_TABLE as string,
        ttlSeconds: config.SLUICE_IDEMPOTENCY_TTL_SECONDS,
      });
    }
    return {
      lake,
      publish: buildEventBridgePublisher(clients.eventBridge, { eventBusName: config.SLUICE_EVENT_BUS }),
      encodeTable: encodeParquet,
      masking: defaultMaskingPolicy(hmacKey),
      enrichment: {
        enrich: buildSqlEnrichment(queriesFromSqlFiles(sqlFiles(), 'the enrichment/ folder of process-stream')),
        referenceTables: buildReferenceData(lake, { refreshSeconds: config.SLUICE_REFERENCE_REFRESH_SECONDS, log }),
      },
      idempotency,
      config: config.SLUICE_PIPELINE_CONFIG,
    };
  });
}

const CompactionConfig = z.object({
  ...lakeSettings,
  /** Days after its date before a partition counts as closed (late events still arrive until then). */
  SLUICE_COMPACTION_GRACE_DAYS: z.coerce.number().int().min(1).default(1),
  SLUICE_COMPACTION_MIN_FILES: z.coerce.number().int().min(2).default(2),
  /** Partitions larger than this are left alone: the function holds one partition in memory. */
  SLUICE_COMPACTION_MAX_PARTITION_MB: z.coerce.number().positive().default(64),
});

/** The compaction function's composition root: the lake over S3 (the local cloud's S3 endpoint locally). */
export const compactionDependencies = once(async () => {
  const config = parseConfig(CompactionConfig, process.env);
  const clients = buildAwsClients({ region: config.AWS_REGION, endpoints: { s3: config.SLUICE_S3_ENDPOINT } });
  const lake = buildS3ObjectStore(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET });
  return {
    compactPartitions: buildCompactPartitions({
      lake,
      encodeTable: encodeParquet,
      decodeTable: decodeParquet,
      deleteObject: buildS3DeleteObject(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET }),
      log: privateLog(jsonLog),
    }),
    settings: {
      graceDays: config.SLUICE_COMPACTION_GRACE_DAYS,
      minFiles: config.SLUICE_COMPACTION_MIN_FILES,
      maxPartitionBytes: config.SLUICE_COMPACTION_MAX_PARTITION_MB * 1024 * 1024,
      zones: ['curated', 'raw'] as const,
    },
  };
});
export type CompactionDependencies = Awaited<ReturnType<typeof compactionDependencies>>;
