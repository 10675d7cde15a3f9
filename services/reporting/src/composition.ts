import {
  buildAthenaQueryEngine,
  buildAwsClients,
  buildRedshiftDataWarehouse,
  buildS3ObjectStore,
} from '@sluice/adapters-aws';
import {
  type LakeQueryEngine,
  type ObjectStore,
  once,
  parseConfig,
  QuarantineCounter,
  type Warehouse,
} from '@sluice/core';
import { z } from 'zod';

const ReportingConfig = z.object({
  SLUICE_RUNTIME: z.enum(['aws', 'local']),
  AWS_REGION: z.string().min(1),
  SLUICE_LAKE_BUCKET: z.string().min(3),
  SLUICE_REDSHIFT_WORKGROUP: z.string().min(1),
  SLUICE_REDSHIFT_DATABASE: z.string().min(1),
  SLUICE_ATHENA_WORKGROUP: z.string().min(1),
  SLUICE_GLUE_DATABASE: z.string().min(1),
  /** Local cloud only. */
  SLUICE_DATA_DIR: z.string().min(1).optional(),
  SLUICE_S3_ENDPOINT: z.url().optional(),
});

/** Ad-hoc SQL stops waiting here; API Gateway gives up at 30 s. */
export const AD_HOC_TIMEOUT_MS = 20_000;
export const AD_HOC_MAX_ROWS = 1000;

export interface ReportingDependencies {
  readonly warehouse: Warehouse;
  /** The lake bucket; reports go under `reports/`, pipeline health reads `quarantine/`. */
  readonly lake: ObjectStore;
  /** SQL on the lake (Athena; sandboxed DuckDB locally), opened on first use. */
  readonly lakeQuery: () => Promise<LakeQueryEngine>;
  readonly quarantine: QuarantineCounter;
}

/** Reporting reads the warehouse directly (Redshift on AWS, DuckDB locally) and writes reports to the lake. */
export const reportingDependencies = once(async (): Promise<ReportingDependencies> => {
  const config = parseConfig(ReportingConfig, process.env);
  const clients = buildAwsClients({ region: config.AWS_REGION, endpoints: { s3: config.SLUICE_S3_ENDPOINT } });
  const lake = buildS3ObjectStore(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET });
  const quarantine = new QuarantineCounter();
  if (config.SLUICE_RUNTIME === 'local') {
    const local = await import('@sluice/adapters-local');
    const warehouse = await local.openLocalWarehouse(config.SLUICE_DATA_DIR, config.SLUICE_LAKE_BUCKET);
    const lakeQuery = once(async () => {
      const catalog = await local.openLocalCatalog(config.SLUICE_DATA_DIR, config.SLUICE_GLUE_DATABASE);
      const lakeRoot = local.localDataPaths(config.SLUICE_DATA_DIR ?? '').lakeBucketRoot(config.SLUICE_LAKE_BUCKET);
      // Untrusted SQL: DuckDB may read the curated zone and nothing else.
      return local.DuckDbLakeQueryEngine.open({ catalog, lakeRoot, readableDirectories: [`${lakeRoot}/curated`] });
    });
    return { warehouse, lake, lakeQuery, quarantine };
  }
  const warehouse = buildRedshiftDataWarehouse(clients.redshiftData, {
    workgroupName: config.SLUICE_REDSHIFT_WORKGROUP,
    database: config.SLUICE_REDSHIFT_DATABASE,
    lake,
    bucket: config.SLUICE_LAKE_BUCKET,
  });
  const athena = buildAthenaQueryEngine(clients.athena, {
    workGroup: config.SLUICE_ATHENA_WORKGROUP,
    database: config.SLUICE_GLUE_DATABASE,
    timeoutMs: AD_HOC_TIMEOUT_MS,
    maxRows: AD_HOC_MAX_ROWS + 1,
  });
  return { warehouse, lake, lakeQuery: async () => athena, quarantine };
});
