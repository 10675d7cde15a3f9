/**
 * The AWS adapters of Sluice's ports — the only package that imports `@aws-sdk/*`. One folder per service;
 * each adapter is built by a `build*` factory from an SDK client made once by {@link buildAwsClients}.
 */
export { type AthenaQueryEngineOptions, buildAthenaQueryEngine } from './athena/athena-query-engine';
export { type AwsClients, type AwsClientsConfig, buildAwsClients, type OverridableService } from './clients';
export {
  buildDynamoDbIdempotencyStore,
  type DynamoDbIdempotencyStoreOptions,
  IdempotencyStoreError,
} from './dynamodb/dynamodb-idempotency-store';
export * from './errors';
export { buildEventBridgePublisher, type EventBridgePublisherOptions } from './eventbridge/eventbridge-publisher';
export { buildGlueCatalog, type GlueCatalogOptions } from './glue/glue-catalog';
export { buildKinesisPutRecords, type KinesisPutRecordsOptions } from './kinesis/kinesis-put-records';
export { buildRedshiftDataWarehouse, type RedshiftDataWarehouseOptions } from './redshift-data/redshift-data-warehouse';
export {
  buildStatementRunner,
  type StatementRunner,
  type StatementRunnerOptions,
} from './redshift-data/statement-runner';
export { type Migration, warehouseMigrations } from './redshift-data/warehouse-sql';
export { buildS3DeleteObject } from './s3/s3-delete-object';
export { buildS3ObjectStore, type S3ObjectStoreOptions } from './s3/s3-object-store';
export { readSsmParameter } from './ssm/read-ssm-parameter';
