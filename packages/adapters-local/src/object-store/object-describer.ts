import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { type FileHandle, rm } from 'node:fs/promises';
import { renameIntoPlace } from './commit';
import { KeyConflictError } from './errors';
import { isFsError, openIfExists, statFile } from './fs-utils';
import { DEFAULT_CONTENT_TYPE, type ObjectInfo } from './object-info';
import { describesFile, fileIdentity, readSidecar, type Sidecar, toObjectInfo, wholeSeconds } from './sidecar';
import type { StoreContext } from './store-context';
import { writeTempText } from './temp-file';

/**
 * Describes the objects of one bucket from their sidecars, and rebuilds a sidecar that is missing or
 * describes another file: one a tool such as DuckDB wrote into the lake directly, or one a crash left
 * between the object's rename and its sidecar's. Content type and metadata are unknown then, so they
 * take S3's defaults; the ETag is computed from the bytes.
 */
export class ObjectDescriber {
  constructor(
    private readonly bucket: string,
    private readonly context: Pick<StoreContext, 'layout' | 'locks'>,
  ) {}

  /** Describes the current file of `key`, or undefined when there is none. */
  async describe(key: string): Promise<ObjectInfo | undefined> {
    const stats = await statFile(this.context.layout.dataPath(this.bucket, key));
    if (!stats) return undefined;
    const sidecar = await this.sidecarFor(key, stats);
    return sidecar && toObjectInfo(key, sidecar);
  }

  /** Describes exactly the version of `key` open in `handle`, even if it was replaced since. */
  async describeOpened(key: string, handle: FileHandle, stats: Stats): Promise<ObjectInfo> {
    const sidecar = await this.sidecarFor(key, stats);
    if (sidecar && describesFile(sidecar, stats)) return toObjectInfo(key, sidecar);
    // Replaced since it was opened: the sidecar on disk is for the newer file, so hash this one.
    return describeFromBytes(key, handle, stats);
  }

  /** The sidecar of `key` if it describes the file with these stats, else a rebuilt one. */
  private async sidecarFor(key: string, stats: Stats): Promise<Sidecar | undefined> {
    const sidecar = await readSidecar(this.context.layout.metaPath(this.bucket, key));
    if (sidecar && describesFile(sidecar, stats)) return sidecar;
    return this.rebuild(key);
  }

  private async rebuild(key: string): Promise<Sidecar | undefined> {
    const { layout, locks } = this.context;
    const metaPath = layout.metaPath(this.bucket, key);
    // Under the key's lock, so a rebuild never overwrites the sidecar of a write committing meanwhile.
    return locks.run(`${this.bucket}/${key}`, async () => {
      const handle = await openIfExists(layout.dataPath(this.bucket, key));
      if (!handle) return undefined;
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) return undefined;
        const current = await readSidecar(metaPath);
        if (current && describesFile(current, stats)) return current;
        const info = await describeFromBytes(key, handle, stats);
        const sidecar: Sidecar = {
          version: 1,
          etag: info.etag,
          size: info.size,
          contentType: info.contentType,
          lastModified: info.lastModified.toISOString(),
          metadata: {},
          headers: {},
          file: fileIdentity(stats),
        };
        await this.save(key, sidecar);
        return sidecar;
      } finally {
        await handle.close();
      }
    });
  }

  /**
   * Saves a rebuilt sidecar. It only caches what the file's bytes already say, so a file whose sidecar
   * cannot exist (a name too long for the `.json` suffix, a sidecar-tree conflict) is still served.
   */
  private async save(key: string, sidecar: Sidecar): Promise<void> {
    const { layout } = this.context;
    const sidecarTemp = await writeTempText(layout.tmpDir, JSON.stringify(sidecar));
    try {
      await renameIntoPlace(sidecarTemp, layout.metaPath(this.bucket, key), key);
    } catch (error) {
      await rm(sidecarTemp, { force: true });
      if (!(error instanceof KeyConflictError || isFsError(error, 'ENAMETOOLONG'))) throw error;
    }
  }
}

async function describeFromBytes(key: string, handle: FileHandle, stats: Stats): Promise<ObjectInfo> {
  const md5 = createHash('md5');
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) md5.update(chunk as Buffer);
  return {
    key,
    size: stats.size,
    etag: md5.digest('hex'),
    contentType: DEFAULT_CONTENT_TYPE,
    lastModified: wholeSeconds(stats.mtime),
    metadata: {},
    headers: {},
  };
}
