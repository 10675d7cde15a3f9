import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSidecarTargetFree, renameIntoPlace } from './commit';
import { KeyConflictError } from './errors';
import { useTempRoot } from './test-support';

describe('renameIntoPlace', () => {
  const tempRoot = useTempRoot();

  async function tempFile(root: string): Promise<string> {
    const path = join(root, 'temp');
    await writeFile(path, 'bytes');
    return path;
  }

  it('creates missing parent folders, as after a concurrent delete pruned them', async () => {
    const root = await tempRoot();
    const target = join(root, 'bucket/pruned/folder/key');

    await renameIntoPlace(await tempFile(root), target, 'pruned/folder/key');

    expect(await readFile(target, 'utf8')).toBe('bytes');
  });

  it('reports a target that is a folder, or lies under a file, as a key conflict', async () => {
    const root = await tempRoot();
    await mkdir(join(root, 'bucket/a/b'), { recursive: true });
    await writeFile(join(root, 'bucket/file'), 'x');

    await expect(renameIntoPlace(await tempFile(root), join(root, 'bucket/a'), 'a')).rejects.toThrow(KeyConflictError);
    await expect(renameIntoPlace(await tempFile(root), join(root, 'bucket/file/child'), 'file/child')).rejects.toThrow(
      KeyConflictError,
    );
    await expect(
      renameIntoPlace(await tempFile(root), join(root, 'bucket/file/deeper/child'), 'file/deeper/child'),
    ).rejects.toThrow(KeyConflictError);
  });
});

describe('assertSidecarTargetFree', () => {
  const tempRoot = useTempRoot();

  it('accepts a new or existing sidecar path and refuses a folder or a path under a file', async () => {
    const root = await tempRoot();
    await mkdir(join(root, 'meta/dir.json'), { recursive: true });
    await writeFile(join(root, 'meta/file.json'), '{}');

    await expect(assertSidecarTargetFree(join(root, 'meta/new/key.json'), 'new/key')).resolves.toBeUndefined();
    await expect(assertSidecarTargetFree(join(root, 'meta/file.json'), 'file')).resolves.toBeUndefined();
    await expect(assertSidecarTargetFree(join(root, 'meta/dir.json'), 'dir')).rejects.toThrow(KeyConflictError);
    await expect(assertSidecarTargetFree(join(root, 'meta/file.json/x.json'), 'file.json/x')).rejects.toThrow(
      KeyConflictError,
    );
  });
});
