import { fileURLToPath } from 'node:url';
import { readSqlFiles } from '@sluice/sql-enrichment';

/**
 * The enrichment SQL files next to this handler (`enrichment/<table>.sql`), by file name. Read from the
 * source tree here; in a Lambda bundle an esbuild plugin (scripts/esbuild-plugins.cjs) replaces this module
 * with the files' text, so the package needs no files beside the bundle.
 */
export function enrichmentSqlFiles(): Record<string, string> {
  return readSqlFiles(fileURLToPath(new URL('./enrichment/', import.meta.url)));
}
