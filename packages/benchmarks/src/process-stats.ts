import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1024 * 1024;

function procStatusKb(field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The process's peak resident set size so far, in MB: the kernel's own high-water mark (VmHWM), so a spike
 * between two samples is not missed, as it would be by polling `process.memoryUsage()` while a synchronous
 * batch blocks the event loop. Falls back to getrusage's maxRSS off Linux.
 */
export function peakRssMb(): number {
  const kb = procStatusKb('VmHWM') ?? process.resourceUsage().maxRSS;
  return kb / 1024;
}

export function currentRssMb(): number {
  return process.memoryUsage().rss / MB;
}

/** Runs `work` and returns its wall time and the process CPU time (user + system, all threads) it took. */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export interface TreeSize {
  readonly files: number;
  readonly bytes: number;
}

/** Files and bytes under `dir`, recursively. */
export function treeSize(dir: string): TreeSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = treeSize(path);
      files += inner.files;
      bytes += inner.bytes;
    } else if (entry.isFile()) {
      files++;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}
