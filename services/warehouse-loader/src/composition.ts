import { buildAwsClients, buildRedshiftDataWarehouse, buildS3ObjectStore } from '@sluice/adapters-aws';
import { ConfigurationError, once, parseConfig, TablePoliciesJson, type Warehouse } from '@sluice/core';
import { z } from 'zod';

const WarehouseConfig = z.object({
  SLUICE_RUNTIME: z.enum(['aws', 'local']),
  SLUICE_LAKE_BUCKET: z.string().min(3),
  AWS_REGION: z.string().min(1).optional(),
  SLUICE_REDSHIFT_WORKGROUP: z.string().min(1).optional(),
  SLUICE_REDSHIFT_DATABASE: z.string().min(1).optional(),
  SLUICE_REDSHIFT_COPY_ROLE_ARN: z.string().startsWith('arn:').optional(),
  /** Per-table schema-change policy (TablePolicy JSON, shared with the catalog-updater); empty = quarantine. */
  SLUICE_CATALOG_TABLE_POLICIES: TablePoliciesJson,
  /** Local cloud only. */
  SLUICE_DATA_DIR: z.string().min(1).optional(),
});

const AwsWarehouseConfig = WarehouseConfig.required({
  AWS_REGION: true,
  SLUICE_REDSHIFT_WORKGROUP: true,
  SLUICE_REDSHIFT_DATABASE: true,
});

/** The warehouse: Redshift Serverless through the Data API on AWS; a DuckDB file on the local cloud. */
export const warehouseDependencies = once(async (): Promise<{ warehouse: Warehouse }> => {
  const config = parseConfig(WarehouseConfig, process.env);
  const policies = config.SLUICE_CATALOG_TABLE_POLICIES;
  if (config.SLUICE_RUNTIME === 'local') {
    const { DuckDbWarehouse, localDataPaths } = await import('@sluice/adapters-local');
    if (!config.SLUICE_DATA_DIR) throw new ConfigurationError(['SLUICE_DATA_DIR: required when SLUICE_RUNTIME=local']);
    const paths = localDataPaths(config.SLUICE_DATA_DIR);
    return {
      warehouse: await DuckDbWarehouse.open({
        dbPath: paths.warehouseDb,
        lakeRoot: paths.lakeBucketRoot(config.SLUICE_LAKE_BUCKET),
        policies,
      }),
    };
  }
  const aws = parseConfig(AwsWarehouseConfig, process.env);
  const clients = buildAwsClients({ region: aws.AWS_REGION });
  return {
    warehouse: buildRedshiftDataWarehouse(clients.redshiftData, {
      workgroupName: aws.SLUICE_REDSHIFT_WORKGROUP,
      database: aws.SLUICE_REDSHIFT_DATABASE,
      ...(aws.SLUICE_REDSHIFT_COPY_ROLE_ARN ? { iamRoleArn: aws.SLUICE_REDSHIFT_COPY_ROLE_ARN } : {}),
      lake: buildS3ObjectStore(clients.s3, { bucket: aws.SLUICE_LAKE_BUCKET }),
      bucket: aws.SLUICE_LAKE_BUCKET,
      policies,
    }),
  };
});
