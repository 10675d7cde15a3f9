import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFsError } from './fs-utils';
import { fileIdentity, type Sidecar } from './sidecar';

/** A fully written, fsynced file in the temp folder, ready to be renamed into place. */
export interface TempFile {
  readonly path: string;
  readonly size: number;
  /** MD5 hex of the bytes written. */
  readonly etag: string;
  readonly identity: Sidecar['file'];
}

/**
 * Writes `body` to a fresh file in `tmpDir`, hashing it on the way. The file is fsynced before it is
 * returned, so after the caller's rename a crash can leave the old object or the new one, never a torn
 * one. If `body` fails part-way (a client disconnects, a checksum does not match) the file is removed.
 */
export async function writeTempFile(tmpDir: string, body: Uint8Array | AsyncIterable<Uint8Array>): Promise<TempFile> {
  const path = join(tmpDir, randomUUID());
  const handle = await inTmpDir(tmpDir, () => open(path, 'wx'));
  try {
    const md5 = createHash('md5');
    let size = 0;
    const chunks = body instanceof Uint8Array ? [body] : body;
    for await (const chunk of chunks) {
      md5.update(chunk);
      size += chunk.byteLength;
      await writeFully(handle, chunk);
    }
    await handle.sync();
    const stats = await handle.stat();
    await handle.close();
    return { path, size, etag: md5.digest('hex'), identity: fileIdentity(stats) };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}

/** Writes a small file (a sidecar) to the temp folder; no fsync, since a lost sidecar is rebuilt. */
export async function writeTempText(tmpDir: string, text: string): Promise<string> {
  const path = join(tmpDir, `${randomUUID()}.json`);
  try {
    await inTmpDir(tmpDir, () => writeFile(path, text, { flag: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return path;
}

async function writeFully(handle: Awaited<ReturnType<typeof open>>, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Runs `create`, making the temp folder first if it is missing (only the first write pays for that). */
async function inTmpDir<T>(tmpDir: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!isFsError(error, 'ENOENT')) throw error;
    await mkdir(tmpDir, { recursive: true });
    return create();
  }
}
