import { describe, expect, it } from 'vitest';
import * as adapters from './index';

describe('@sluice/adapters-aws', () => {
  it('exports a build* factory per adapter and the client factory', () => {
    expect(
      Object.keys(adapters)
        .filter((name) => name.startsWith('build'))
        .sort(),
    ).toEqual([
      'buildAthenaQueryEngine',
      'buildAwsClients',
      'buildDynamoDbIdempotencyStore',
      'buildEventBridgePublisher',
      'buildGlueCatalog',
      'buildKinesisPutRecords',
      'buildRedshiftDataWarehouse',
      'buildS3DeleteObject',
      'buildS3ObjectStore',
      'buildStatementRunner',
    ]);
  });
});
