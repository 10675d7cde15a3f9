import { join, resolve } from 'node:path';
import { ConfigurationError } from '@sluice/core';
import { DuckDbCatalog } from './catalog';
import { DuckDbWarehouse } from './warehouse';

/**
 * Where the local cloud keeps its state: everything under one data directory, so a restart resumes from
 * it and `rm -rf` of it starts afresh.
 */
export function localDataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    /** LocalBuckets root: bucket B's object K is `<lake>/<B>/<K>`. */
    lake: join(root, 'lake'),
    lakeBucketRoot: (bucket: string) => join(root, 'lake', bucket),
    warehouseDb: join(root, 'warehouse', 'warehouse.duckdb'),
    catalogDb: join(root, 'catalog', 'catalog.duckdb'),
    kinesis: join(root, 'kinesis'),
    checkpoints: join(root, 'checkpoints'),
    logs: join(root, 'logs'),
  };
}
export type LocalDataPaths = ReturnType<typeof localDataPaths>;

/** Why a local adapter cannot be opened: the data directory is required on the local cloud. */
function requireDataDir(dataDir: string | undefined): string {
  if (!dataDir) throw new ConfigurationError(['SLUICE_DATA_DIR: required when SLUICE_RUNTIME=local']);
  return dataDir;
}

/** The local cloud's warehouse (a DuckDB file) over the lake bucket's files, for a composition root. */
export function openLocalWarehouse(dataDir: string | undefined, bucket: string): Promise<DuckDbWarehouse> {
  const paths = localDataPaths(requireDataDir(dataDir));
  return DuckDbWarehouse.open({ dbPath: paths.warehouseDb, lakeRoot: paths.lakeBucketRoot(bucket) });
}

/** The local cloud's data catalog (a DuckDB file), for a composition root. */
export function openLocalCatalog(dataDir: string | undefined, database: string): Promise<DuckDbCatalog> {
  return DuckDbCatalog.open({ dbPath: localDataPaths(requireDataDir(dataDir)).catalogDb, database });
}
