export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
}

/** The lake bucket. Keys are relative to the bucket; writes replace whole objects (S3 semantics). */
export interface ObjectStore {
  readonly bucket: string;
  put(key: string, body: Uint8Array, contentType: string): Promise<{ etag: string }>;
  get(key: string): Promise<{ body: Uint8Array; etag: string } | undefined>;
  head(key: string): Promise<StoredObject | undefined>;
  list(prefix: string): Promise<StoredObject[]>;
}
