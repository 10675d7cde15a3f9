import { statSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { BucketAlreadyOwnedByYouError, BucketNotEmptyError, NoSuchBucketError } from './errors';
import {
  type Listener,
  type ListenerErrorHandler,
  Listeners,
  type ObjectCreatedEvent,
  type ObjectRemovedEvent,
  Sequencer,
} from './events';
import { FileObjectStore } from './file-object-store';
import { isFsError } from './fs-utils';
import { KeyLocks } from './key-locks';
import { isValidBucketName, validateBucketName } from './keys';
import { storeLayout } from './layout';
import type { StoreContext } from './store-context';
import { containsFiles, removeEmptyTree } from './tree';

export interface LocalBucketsOptions {
  /** The folder that holds one sub-folder per bucket (created on first use). */
  readonly root: string;
  /**
   * Receives what a listener throws or rejects with. Defaults to printing it to stderr: a failing listener
   * must be visible, but must not fail the write that S3 would already have acknowledged.
   */
  readonly onListenerError?: ListenerErrorHandler;
}

export interface BucketInfo {
  readonly name: string;
  readonly creationDate: Date;
}

/**
 * The local S3: a registry of buckets under one root folder, each a `FileObjectStore`. Every folder of
 * the root with a valid bucket name is a bucket, so a lake folder made by other tools is served as is.
 *
 * Layout: `<root>/<bucket>/<key>` holds the object's bytes, `<root>/.s3meta/<bucket>/<key>.json` its
 * ETag, size, content type, Last-Modified and user metadata, `<root>/.s3tmp/` uploads in progress.
 *
 * @example
 * const buckets = new LocalBuckets({ root: '.sluice/s3' });
 * await buckets.ensureBucket('sluice-lake');
 * buckets.onObjectCreated((event) => console.log('created', event.bucket, event.key, event.sequencer));
 * await buckets.bucket('sluice-lake').put('raw/a.json', new TextEncoder().encode('{}'), 'application/json');
 */
export class LocalBuckets {
  readonly root: string;
  private readonly context: StoreContext;
  private readonly stores = new Map<string, FileObjectStore>();

  constructor(options: LocalBucketsOptions) {
    this.root = options.root;
    const onError = options.onListenerError ?? printListenerError;
    this.context = {
      layout: storeLayout(options.root),
      locks: new KeyLocks(),
      sequencer: new Sequencer(),
      created: new Listeners<ObjectCreatedEvent>(onError),
      removed: new Listeners<ObjectRemovedEvent>(onError),
    };
  }

  /**
   * @throws InvalidBucketNameError for names S3 would reject.
   * @throws BucketAlreadyOwnedByYouError when it exists.
   */
  async createBucket(name: string): Promise<void> {
    validateBucketName(name);
    const { layout } = this.context;
    await mkdir(this.root, { recursive: true });
    try {
      await mkdir(layout.bucketDir(name));
    } catch (error) {
      if (isFsError(error, 'EEXIST')) throw new BucketAlreadyOwnedByYouError(name);
      throw error;
    }
    await mkdir(layout.metaDir(name), { recursive: true });
  }

  /** Creates the bucket unless it exists, and returns it; for composition roots and tests. */
  async ensureBucket(name: string): Promise<FileObjectStore> {
    try {
      await this.createBucket(name);
    } catch (error) {
      if (!(error instanceof BucketAlreadyOwnedByYouError)) throw error;
    }
    return this.bucket(name);
  }

  /**
   * Deletes an empty bucket. Only empty folders are removed (never a file), so an upload racing with the
   * delete makes it fail with BucketNotEmpty rather than losing the object.
   * @throws NoSuchBucketError, BucketNotEmptyError
   */
  async deleteBucket(name: string): Promise<void> {
    const { layout } = this.context;
    if (!(await this.hasBucket(name))) throw new NoSuchBucketError(name);
    if (await containsFiles(layout.bucketDir(name))) throw new BucketNotEmptyError(name);
    try {
      await removeEmptyTree(layout.bucketDir(name));
    } catch (error) {
      if (isFsError(error, 'ENOTEMPTY', 'EEXIST')) throw new BucketNotEmptyError(name);
      throw error;
    }
    await rm(layout.metaDir(name), { recursive: true, force: true });
    this.stores.delete(name);
  }

  /** All buckets, sorted by name (as S3 lists them). */
  async listBuckets(): Promise<BucketInfo[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch (error) {
      if (isFsError(error, 'ENOENT')) return [];
      throw error;
    }
    const names = entries.filter((entry) => entry.isDirectory() && isValidBucketName(entry.name)).map((e) => e.name);
    const buckets = await Promise.all(
      names.map(async (name) => ({
        name,
        creationDate: creationDate(await stat(this.context.layout.bucketDir(name))),
      })),
    );
    return buckets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async hasBucket(name: string): Promise<boolean> {
    if (!isValidBucketName(name)) return false;
    try {
      return (await stat(this.context.layout.bucketDir(name))).isDirectory();
    } catch (error) {
      if (isFsError(error, 'ENOENT', 'ENOTDIR')) return false;
      throw error;
    }
  }

  /**
   * The store of an existing bucket. Each of its operations checks again that the bucket exists, so a
   * store kept after its bucket was deleted fails with NoSuchBucketError instead of re-creating it.
   * @throws NoSuchBucketError
   */
  bucket(name: string): FileObjectStore {
    if (!isValidBucketName(name) || !isDirectory(this.context.layout.bucketDir(name))) {
      throw new NoSuchBucketError(name);
    }
    let store = this.stores.get(name);
    if (!store) {
      store = new FileObjectStore(name, this.context);
      this.stores.set(name, store);
    }
    return store;
  }

  /** Calls `listener` after every committed put or copy, in any bucket; returns an unsubscribe function. */
  onObjectCreated(listener: Listener<ObjectCreatedEvent>): () => void {
    return this.context.created.add(listener);
  }

  /** Calls `listener` after every delete that removed an object; returns an unsubscribe function. */
  onObjectRemoved(listener: Listener<ObjectRemovedEvent>): () => void {
    return this.context.removed.add(listener);
  }
}

function isDirectory(path: string): boolean {
  // Synchronous so that `bucket()` can be, as the registry's lookup; a single stat is cheap.
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Birth time where the file system records it, else the folder's last change. */
function creationDate(stats: import('node:fs').Stats): Date {
  return stats.birthtimeMs > 0 ? stats.birthtime : stats.mtime;
}

function printListenerError(error: unknown, event: ObjectCreatedEvent | ObjectRemovedEvent): void {
  console.error(`[local-s3] listener failed for ${event.bucket}/${event.key}:`, error);
}
