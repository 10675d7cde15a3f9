import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PutRecordsEntry } from '../store-types';

/** A fresh directory under the OS temp dir and the function that removes it. */
export function temporaryDirectory(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kinesis-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `count` records with distinct partition keys and random payloads that name their position, so a test
 * can tell records apart and see reordering.
 */
export function aBatchOfRecords(
  count: number,
  options: { payloadBytes?: number; prefix?: string } = {},
): PutRecordsEntry[] {
  const prefix = options.prefix ?? 'record';
  return Array.from({ length: count }, (_, index) => {
    const label = Buffer.from(`${prefix}-${index}:`);
    const padding = randomBytes(Math.max(0, (options.payloadBytes ?? 32) - label.length));
    return { partitionKey: `${prefix}-key-${index}`, data: Buffer.concat([label, padding]) };
  });
}

/** A readable label for assertions: the text before the first colon of a record made by aBatchOfRecords. */
export function labelOf(data: Uint8Array): string {
  const text = Buffer.from(data).toString('latin1');
  return text.slice(0, text.indexOf(':'));
}
