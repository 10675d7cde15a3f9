import { parseWith, REFERENCE_TABLES, type ReferenceTable } from '@sluice/contracts';
import { SluiceError } from '../errors';
import type { Log } from '../observability/log';
import type { ReferenceTables } from '../ports/enrichment';
import type { ObjectStore } from '../ports/object-store';

export class ReferenceDataError extends SluiceError {
  constructor(key: string, problems: string[]) {
    super('REFERENCE_DATA', `reference object ${key} is invalid:\n  - ${problems.join('\n  - ')}`);
  }
}

export interface ReferenceDataOptions {
  /** How often to ask the lake whether an object changed (a HEAD per table); 0 = before every batch. */
  readonly refreshSeconds: number;
  readonly log: Log;
  readonly now?: () => number;
}

interface CachedTable {
  readonly etag: string | undefined;
  readonly rows: readonly Record<string, unknown>[];
  checkedAt: number;
}

/** NDJSON → rows, each validated against the table's contract schema; the key must be unique. */
export function parseReferenceObject(table: ReferenceTable, body: Uint8Array): Record<string, unknown>[] {
  const problems: string[] = [];
  const rows: Record<string, unknown>[] = [];
  const keys = new Set<unknown>();
  const lines = Buffer.from(body).toString('utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '' || problems.length >= 10) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${index + 1}: ${(error as Error).message}`);
      return;
    }
    const parsed = parseWith(table.schema, json);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map((error) => `line ${index + 1}: ${error}`));
      return;
    }
    const row = parsed.value as Record<string, unknown>;
    const key = row[table.keyColumn];
    if (keys.has(key)) problems.push(`line ${index + 1}: duplicate ${table.keyColumn} ${JSON.stringify(key)}`);
    keys.add(key);
    rows.push(row);
  });
  if (problems.length > 0) throw new ReferenceDataError(table.key, problems);
  return rows;
}

/**
 * The reference tables, loaded once per container and reloaded when an object's ETag changes, so new
 * reference values are joined without a restart. A missing object joins as an empty table (enriched
 * columns stay null) and an invalid one keeps the last good version; both are logged, never fatal.
 */
export function buildReferenceData(lake: ObjectStore, options: ReferenceDataOptions) {
  const now = options.now ?? Date.now;
  const cache = new Map<string, CachedTable>();

  async function refresh(name: string, table: ReferenceTable): Promise<void> {
    const cached = cache.get(name);
    if (cached && now() - cached.checkedAt < options.refreshSeconds * 1000) return;
    const head = await lake.head(table.key);
    if (head && cached?.etag === head.etag) {
      cached.checkedAt = now();
      return;
    }
    if (!head) {
      if (!cached || cached.etag !== undefined) {
        options.log('warn', 'reference object missing; enriched columns will be null', { key: table.key });
      }
      cache.set(name, { etag: undefined, rows: [], checkedAt: now() });
      return;
    }
    const object = await lake.get(table.key);
    if (!object) return; // deleted between HEAD and GET: the next batch sees it missing
    try {
      const rows = parseReferenceObject(table, object.body);
      cache.set(name, { etag: object.etag, rows, checkedAt: now() });
      options.log('info', 'reference data loaded', { key: table.key, etag: object.etag, rows: rows.length });
    } catch (error) {
      if (!(error instanceof ReferenceDataError)) throw error;
      options.log('error', 'reference object rejected; keeping the previous version', {
        key: table.key,
        error: error.message,
      });
      cache.set(name, { etag: object.etag, rows: cached?.rows ?? [], checkedAt: now() });
    }
  }

  return async function currentReferenceTables(): Promise<ReferenceTables> {
    const entries = Object.entries(REFERENCE_TABLES) as [string, ReferenceTable][];
    await Promise.all(entries.map(([name, table]) => refresh(name, table)));
    return Object.fromEntries(entries.map(([name]) => [name, cache.get(name)?.rows ?? []]));
  };
}

export type CurrentReferenceTables = ReturnType<typeof buildReferenceData>;
