import type { FileHandle } from 'node:fs/promises';
import { rm, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '@sluice/core';
import { assertSidecarTargetFree, renameIntoPlace } from './commit';
import { mapLimit } from './concurrency';
import { NoSuchBucketError, NoSuchKeyError } from './errors';
import type { ObjectCreatedEvent, ObjectCreatedReason } from './events';
import { isFsError, openIfExists, statIfExists } from './fs-utils';
import { validateKey } from './keys';
import { ObjectDescriber } from './object-describer';
import { DEFAULT_CONTENT_TYPE, type ObjectChecksum, type ObjectHeaders, type ObjectInfo } from './object-info';
import { type ByteRange, type RangeRequest, resolveRange } from './ranges';
import { type Sidecar, toObjectInfo, wholeSeconds } from './sidecar';
import type { StoreContext } from './store-context';
import { type TempFile, writeTempFile, writeTempText } from './temp-file';
import { listKeys, pruneEmptyFolders } from './tree';

export interface PutObjectOptions {
  /** Defaults to `application/octet-stream`. */
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly headers?: ObjectHeaders;
  /**
   * The checksum the client sent, kept to return on GET. A function is called once the body has been read,
   * because a streaming upload sends its checksum as a trailer after the data.
   */
  readonly checksum?: ObjectChecksum | (() => ObjectChecksum | undefined);
}

export interface CopyObjectOptions {
  /** `COPY` (default) keeps the source's content type and metadata; `REPLACE` takes the ones below. */
  readonly metadataDirective?: 'COPY' | 'REPLACE';
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly headers?: ObjectHeaders;
}

/** An object opened for reading: its description and its bytes, both from the same version. */
export interface ObjectStream {
  readonly info: ObjectInfo;
  readonly body: Readable;
  /** Set when a range was requested: the bytes `body` holds. */
  readonly range?: ByteRange;
}

type SidecarFields = Pick<Sidecar, 'contentType' | 'metadata' | 'headers' | 'checksum'>;

/**
 * One bucket of the local lake, as files: object `key` is the plain file `<root>/<bucket>/<key>` holding
 * exactly the object's bytes, so DuckDB reads the lake in place. Writes go to a temp file and are renamed
 * into place, so a reader sees the old object or the new one, never half of one.
 *
 * Obtain one from `LocalBuckets#bucket`, which shares event listeners across buckets.
 *
 * @example
 * const lake = new LocalBuckets({ root: '.sluice/s3' });
 * await lake.createBucket('sluice-lake');
 * const store = lake.bucket('sluice-lake');
 * const { etag } = await store.put('curated/attendees/dt=2026-11-25/part-0.parquet', bytes, 'application/vnd.apache.parquet');
 * const objects = await store.list('curated/attendees/');
 */
export class FileObjectStore implements ObjectStore {
  private readonly describer: ObjectDescriber;

  /** @internal Use `LocalBuckets#bucket`. */
  constructor(
    readonly bucket: string,
    private readonly context: StoreContext,
  ) {
    this.describer = new ObjectDescriber(bucket, context);
  }

  /** The absolute path of the file that holds `key` (whether or not it exists), e.g. for DuckDB. */
  path(key: string): string {
    validateKey(key);
    return this.context.layout.dataPath(this.bucket, key);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<{ etag: string }> {
    const { etag } = await this.putObject(key, body, { contentType });
    return { etag };
  }

  async get(key: string): Promise<{ body: Uint8Array; etag: string } | undefined> {
    const opened = await this.open(key);
    if (!opened) return undefined;
    try {
      // Positional reads from byte 0: the handle's own position may have moved while it was described.
      const chunks: Buffer[] = [];
      for await (const chunk of opened.handle.createReadStream({ start: 0, autoClose: false }))
        chunks.push(chunk as Buffer);
      return { body: Buffer.concat(chunks), etag: opened.info.etag };
    } finally {
      await opened.handle.close();
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    validateKey(key);
    const info = await this.describer.describe(key);
    if (!info) await this.requireBucket();
    return info;
  }

  /** Every object whose key starts with `prefix`, sorted by key (UTF-8 byte order, as S3 lists). */
  async list(prefix = ''): Promise<ObjectInfo[]> {
    return this.describeKeys(await this.keys(prefix));
  }

  /**
   * Describes keys returned by `keys`, in order, skipping any deleted since; what a paged listing uses to
   * read only one page of sidecars.
   */
  async describeKeys(keys: readonly string[]): Promise<ObjectInfo[]> {
    const infos = await mapLimit(keys, 16, (key) => this.describer.describe(key));
    return infos.filter((info): info is ObjectInfo => info !== undefined);
  }

  /** The keys under `prefix`, sorted; cheaper than `list` when only some need describing. */
  async keys(prefix = ''): Promise<string[]> {
    await this.requireBucket();
    return listKeys(this.context.layout.bucketDir(this.bucket), prefix);
  }

  /** Writes an object from bytes or a stream (never buffered whole) with S3's per-object attributes. */
  async putObject(
    key: string,
    body: Uint8Array | AsyncIterable<Uint8Array>,
    options: PutObjectOptions = {},
  ): Promise<ObjectInfo> {
    validateKey(key);
    await this.requireBucket();
    const temp = await writeTempFile(this.context.layout.tmpDir, body);
    const checksum = typeof options.checksum === 'function' ? options.checksum() : options.checksum;
    const fields: SidecarFields = {
      contentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
      metadata: options.metadata ?? {},
      headers: options.headers ?? {},
      ...(checksum ? { checksum } : {}),
    };
    return this.commit(key, temp, fields, 'PutObject');
  }

  /**
   * Copies `sourceKey` of `source` (this bucket or another) to `destinationKey` of this bucket.
   * @throws NoSuchKeyError when the source object does not exist.
   */
  async copyObject(
    source: FileObjectStore,
    sourceKey: string,
    destinationKey: string,
    options: CopyObjectOptions = {},
  ): Promise<ObjectInfo> {
    validateKey(destinationKey);
    await this.requireBucket();
    const opened = await source.getStream(sourceKey);
    if (!opened) throw new NoSuchKeyError(source.bucket, sourceKey);
    const temp = await writeTempFile(this.context.layout.tmpDir, opened.body);
    const { info } = opened;
    const fields: SidecarFields =
      options.metadataDirective === 'REPLACE'
        ? {
            contentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
            metadata: options.metadata ?? {},
            headers: options.headers ?? {},
          }
        : { contentType: info.contentType, metadata: info.metadata, headers: info.headers };
    // Same bytes, same checksum: keep it so a GET of the copy can still be verified by the client.
    const checksum = info.checksum && temp.etag === info.etag ? { checksum: info.checksum } : {};
    return this.commit(destinationKey, temp, { ...fields, ...checksum }, 'CopyObject');
  }

  /**
   * Opens `key` for streaming, optionally a byte range of it; undefined when it does not exist.
   * The file is opened before it is described, so a concurrent overwrite cannot mix two versions.
   * @throws InvalidRangeError when the range starts past the end of the object.
   */
  async getStream(key: string, range?: RangeRequest): Promise<ObjectStream | undefined> {
    const opened = await this.open(key);
    if (!opened) return undefined;
    let resolved: ByteRange | undefined;
    try {
      resolved = range ? resolveRange(range, opened.info.size) : undefined;
    } catch (error) {
      await opened.handle.close();
      throw error;
    }
    // Without a range, read to the end of the version that was opened (and described).
    const body = opened.handle.createReadStream({ ...(resolved ?? { start: 0 }), autoClose: true });
    return { info: opened.info, body, ...(resolved ? { range: resolved } : {}) };
  }

  /** Deletes `key`; true when an object was removed (deleting a missing key is not an error in S3). */
  async delete(key: string): Promise<boolean> {
    validateKey(key);
    await this.requireBucket();
    const { layout, locks, sequencer, removed } = this.context;
    const dataPath = layout.dataPath(this.bucket, key);
    const metaPath = layout.metaPath(this.bucket, key);
    const event = await locks.run(this.lockId(key), async () => {
      try {
        await unlink(dataPath);
      } catch (error) {
        // EISDIR: `key` is only a "folder" of other keys, not an object.
        if (isFsError(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return undefined;
        throw error;
      }
      await rm(metaPath, { force: true });
      await pruneEmptyFolders(dirname(dataPath), layout.bucketDir(this.bucket));
      await pruneEmptyFolders(dirname(metaPath), layout.metaDir(this.bucket));
      return { bucket: this.bucket, key, sequencer: sequencer.next(), reason: 'DeleteObject' } as const;
    });
    if (!event) return false;
    removed.emit(event);
    return true;
  }

  private async commit(
    key: string,
    temp: TempFile,
    fields: SidecarFields,
    reason: ObjectCreatedReason,
  ): Promise<ObjectInfo> {
    const { layout, locks, sequencer, created } = this.context;
    const sidecar: Sidecar = {
      version: 1,
      etag: temp.etag,
      size: temp.size,
      lastModified: wholeSeconds(new Date()).toISOString(),
      ...fields,
      file: temp.identity,
    };
    let sidecarTemp: string | undefined;
    let committed = false;
    try {
      sidecarTemp = await writeTempText(layout.tmpDir, JSON.stringify(sidecar));
      const sidecarPath = sidecarTemp;
      const dataPath = layout.dataPath(this.bucket, key);
      const metaPath = layout.metaPath(this.bucket, key);
      const sequence = await locks.run(this.lockId(key), async () => {
        await assertSidecarTargetFree(metaPath, key);
        await renameIntoPlace(temp.path, dataPath, key);
        await renameIntoPlace(sidecarPath, metaPath, key);
        committed = true;
        return sequencer.next();
      });
      const event: ObjectCreatedEvent = {
        bucket: this.bucket,
        key,
        size: temp.size,
        etag: temp.etag,
        sequencer: sequence,
        reason,
      };
      created.emit(event);
      return toObjectInfo(key, sidecar);
    } finally {
      // After a failed commit neither temp file may linger (after a successful one both were renamed).
      if (!committed) {
        await rm(temp.path, { force: true });
        if (sidecarTemp) await rm(sidecarTemp, { force: true });
      }
    }
  }

  /** Opens the file of `key` and describes exactly the version that was opened. */
  private async open(key: string): Promise<{ handle: FileHandle; info: ObjectInfo } | undefined> {
    validateKey(key);
    const handle = await openIfExists(this.context.layout.dataPath(this.bucket, key));
    if (!handle) {
      await this.requireBucket();
      return undefined;
    }
    try {
      const stats = await handle.stat();
      // Opening a folder succeeds on Linux; a folder is not an object.
      if (!stats.isFile()) {
        await handle.close();
        return undefined;
      }
      return { handle, info: await this.describer.describeOpened(key, handle, stats) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private async requireBucket(): Promise<void> {
    const stats = await statIfExists(this.context.layout.bucketDir(this.bucket));
    if (!stats?.isDirectory()) throw new NoSuchBucketError(this.bucket);
  }

  private lockId(key: string): string {
    return `${this.bucket}/${key}`;
  }
}
