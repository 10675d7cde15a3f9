import { buildAwsClients, buildRedshiftDataWarehouse, buildS3ObjectStore } from '@sluice/adapters-aws';
import { type ObjectStore, once, parseConfig, type Warehouse } from '@sluice/core';
import { z } from 'zod';

const ReportingConfig = z.object({
  SLUICE_RUNTIME: z.enum(['aws', 'local']),
  AWS_REGION: z.string().min(1),
  SLUICE_LAKE_BUCKET: z.string().min(3),
  SLUICE_REDSHIFT_WORKGROUP: z.string().min(1),
  SLUICE_REDSHIFT_DATABASE: z.string().min(1),
  /** Local cloud only. */
  SLUICE_DATA_DIR: z.string().min(1).optional(),
  SLUICE_S3_ENDPOINT: z.url().optional(),
});

export interface ReportingDependencies {
  readonly warehouse: Warehouse;
  /** The lake bucket; reports go under `reports/`. */
  readonly lake: ObjectStore;
}

/** Reporting reads the warehouse directly (Redshift on AWS, DuckDB locally) and writes reports to the lake. */
export const reportingDependencies = once(async (): Promise<ReportingDependencies> => {
  const config = parseConfig(ReportingConfig, process.env);
  const clients = buildAwsClients({ region: config.AWS_REGION, endpoints: { s3: config.SLUICE_S3_ENDPOINT } });
  const lake = buildS3ObjectStore(clients.s3, { bucket: config.SLUICE_LAKE_BUCKET });
  if (config.SLUICE_RUNTIME === 'local') {
    const { openLocalWarehouse } = await import('@sluice/adapters-local');
    return { warehouse: await openLocalWarehouse(config.SLUICE_DATA_DIR, config.SLUICE_LAKE_BUCKET), lake };
  }
  const warehouse = buildRedshiftDataWarehouse(clients.redshiftData, {
    workgroupName: config.SLUICE_REDSHIFT_WORKGROUP,
    database: config.SLUICE_REDSHIFT_DATABASE,
    lake,
    bucket: config.SLUICE_LAKE_BUCKET,
  });
  return { warehouse, lake };
});
