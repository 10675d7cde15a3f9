import { DuckDbWarehouse, localDataPaths } from '@sluice/adapters-local';
import { ConfigurationError, type Warehouse } from '@sluice/core';

export async function localWarehouse(dataDir: string | undefined, bucket: string): Promise<Warehouse> {
  if (!dataDir) throw new ConfigurationError(['SLUICE_DATA_DIR: required when SLUICE_RUNTIME=local']);
  const paths = localDataPaths(dataDir);
  return DuckDbWarehouse.open({ dbPath: paths.warehouseDb, lakeRoot: paths.lakeBucketRoot(bucket) });
}
