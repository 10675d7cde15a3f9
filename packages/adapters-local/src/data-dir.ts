import { join, resolve } from 'node:path';

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
