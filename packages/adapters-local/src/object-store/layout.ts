import { join } from 'node:path';

/**
 * Where everything lives under the store's root. Objects are plain files at `<root>/<bucket>/<key>` so
 * DuckDB and any other tool read the lake in place; what S3 keeps beside an object (ETag, content type,
 * user metadata) lives in a sidecar tree outside the bucket folders, so globbing a bucket finds data only.
 */
export interface StoreLayout {
  readonly root: string;
  /** Uploads land here first and are renamed into place, so no reader ever sees half an object. */
  readonly tmpDir: string;
  bucketDir(bucket: string): string;
  metaDir(bucket: string): string;
  dataPath(bucket: string, key: string): string;
  metaPath(bucket: string, key: string): string;
}

export const META_FOLDER = '.s3meta';
export const TMP_FOLDER = '.s3tmp';

export function storeLayout(root: string): StoreLayout {
  return {
    root,
    tmpDir: join(root, TMP_FOLDER),
    bucketDir: (bucket) => join(root, bucket),
    metaDir: (bucket) => join(root, META_FOLDER, bucket),
    dataPath: (bucket, key) => join(root, bucket, ...key.split('/')),
    metaPath: (bucket, key) => `${join(root, META_FOLDER, bucket, ...key.split('/'))}.json`,
  };
}
