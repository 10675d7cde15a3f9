import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KinesisStoreLockedError } from './errors';

const LOCK_FILE = 'kinesis.lock';

/** Directories locked by stores of this process: the pid check cannot tell two of them apart. */
const lockedInThisProcess = new Set<string>();

/**
 * Claims `dir` for one store. Two writers would hand out the same sequence numbers and interleave
 * lines, so a second open fails loudly. A lock left by a killed process (its pid no longer runs) is
 * taken over, because resuming after a crash is the point of the store.
 */
export function lockDirectory(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  if (lockedInThisProcess.has(path)) {
    throw new KinesisStoreLockedError(`${dir} is already open by a Kinesis store in this process`);
  }
  const content = `${JSON.stringify({ pid: process.pid })}\n`;
  // Exclusive create, so two processes opening at once cannot both win; a stale lock is removed and
  // the create tried once more.
  for (let attempt = 1; ; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt > 1) throw new KinesisStoreLockedError(`${dir} was just locked by another process`);
    }
    const holder = readHolderPid(path);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new KinesisStoreLockedError(
        `${dir} is open by process ${holder}; stop it, or delete ${path} if that pid is not a Sluice process`,
      );
    }
    rmSync(path, { force: true });
  }
  lockedInThisProcess.add(path);
  return () => {
    lockedInThisProcess.delete(path);
    rmSync(path, { force: true });
  };
}

function readHolderPid(path: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const pid = (parsed as { pid?: unknown } | null)?.pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined; // no lock, or one cut short by a crash: nobody holds it
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
