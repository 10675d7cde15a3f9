import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '@sluice/contracts';
import { EnrichmentSqlError } from './errors';
import type { EnrichmentQueries } from './sql-enrichment';

/**
 * Picks `<table>.sql` for every event type out of `files` (file name → SQL text); lists every missing
 * file at once. `where` names the place the files came from, for the message.
 */
export function queriesFromSqlFiles(files: Readonly<Record<string, string>>, where: string): EnrichmentQueries {
  const missing: string[] = [];
  const queries: Partial<Record<string, string>> = {};
  for (const eventType of EVENT_TYPE_NAMES) {
    const name = `${EVENT_TYPES[eventType].table}.sql`;
    const sql = files[name];
    if (sql === undefined) missing.push(`${name} (${eventType})`);
    else queries[eventType] = sql;
  }
  if (missing.length > 0) throw new EnrichmentSqlError(`enrichment SQL missing in ${where}: ${missing.join(', ')}`);
  return queries as EnrichmentQueries;
}

/** Every `.sql` file of `directory`, by file name (empty when the directory does not exist). */
export function readSqlFiles(directory: string): Record<string, string> {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.sql'));
  } catch {
    return {};
  }
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(directory, name), 'utf8')]));
}

/** Reads `<table>.sql` for every event type from `directory`. */
export function loadEnrichmentQueries(directory: string): EnrichmentQueries {
  return queriesFromSqlFiles(readSqlFiles(directory), directory);
}
