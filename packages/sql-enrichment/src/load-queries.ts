import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '@sluice/contracts';
import { EnrichmentSqlError } from './errors';
import type { EnrichmentQueries } from './sql-enrichment';

/** Reads `<table>.sql` for every event type from `directory`; lists every missing file at once. */
export function loadEnrichmentQueries(directory: string): EnrichmentQueries {
  const missing: string[] = [];
  const queries: Partial<Record<string, string>> = {};
  for (const eventType of EVENT_TYPE_NAMES) {
    const file = join(directory, `${EVENT_TYPES[eventType].table}.sql`);
    try {
      queries[eventType] = readFileSync(file, 'utf8');
    } catch {
      missing.push(`${EVENT_TYPES[eventType].table}.sql (${eventType})`);
    }
  }
  if (missing.length > 0) {
    throw new EnrichmentSqlError(`enrichment SQL missing in ${directory}: ${missing.join(', ')}`);
  }
  return queries as EnrichmentQueries;
}
