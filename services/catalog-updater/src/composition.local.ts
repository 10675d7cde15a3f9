import { DuckDbCatalog, localDataPaths } from '@sluice/adapters-local';
import { ConfigurationError, type DataCatalog } from '@sluice/core';

export async function localCatalog(dataDir: string | undefined, database: string): Promise<DataCatalog> {
  if (!dataDir) throw new ConfigurationError(['SLUICE_DATA_DIR: required when SLUICE_RUNTIME=local']);
  return DuckDbCatalog.open({ dbPath: localDataPaths(dataDir).catalogDb, database });
}
