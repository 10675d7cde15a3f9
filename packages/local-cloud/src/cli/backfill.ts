import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalBuckets, localDataPaths, openLocalCatalog, openLocalWarehouse } from '@sluice/adapters-local';
import { type BackfillOutcome, buildBackfill, ConfigurationError, daysBetween, TablePoliciesJson } from '@sluice/core';

export const BACKFILL_USAGE = `npm run sluice -- backfill --from YYYY-MM-DD --to YYYY-MM-DD [--table T]... [--data-dir DIR]

Re-runs catalog registration and the warehouse load for the curated objects of a date range already in
the local lake (after a restore, a fix, or a new table policy). Idempotent: a second run changes nothing.
The local cloud must not be running (DuckDB lets one process open the catalog and warehouse files).
Table policies come from SLUICE_CATALOG_TABLE_POLICIES, as for the catalog-updater.
`;

function lakeBucket(dataDir: string, given: string | undefined): string {
  if (given) return given;
  const file = join(localDataPaths(dataDir).root, 'endpoints.json');
  if (!existsSync(file)) throw new Error(`no local cloud has run on ${dataDir} yet: pass --bucket or run \`up\` first`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { bucket: string }).bucket;
}

/**
 * `sluice backfill`: the backfill use case on the local adapters (DuckDB catalog and warehouse, the lake's
 * files). Parses its own options so the main CLI's stay as they are.
 */
export async function backfill(
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<BackfillOutcome> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      table: { type: 'string', multiple: true },
      bucket: { type: 'string' },
      'data-dir': { type: 'string', default: process.env.SLUICE_DATA_DIR ?? '.sluice' },
    },
  });
  if (!values.from || !values.to) throw new Error(`backfill needs --from and --to\n\n${BACKFILL_USAGE}`);
  daysBetween(values.from, values.to); // a bad range fails before any database is opened
  const dataDir = values['data-dir'];
  const bucket = lakeBucket(dataDir, values.bucket);
  const parsed = TablePoliciesJson.safeParse(process.env.SLUICE_CATALOG_TABLE_POLICIES);
  if (!parsed.success) {
    throw new ConfigurationError([
      `SLUICE_CATALOG_TABLE_POLICIES: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    ]);
  }
  const policies = parsed.data;
  const catalog = await openLocalCatalog(dataDir, 'sluice_local');
  const warehouse = await openLocalWarehouse(dataDir, bucket);
  try {
    const lake = new LocalBuckets({ root: localDataPaths(dataDir).lake }).bucket(bucket);
    const run = buildBackfill({ lake, catalog, warehouse, policies });
    const outcome = await run({ from: values.from, to: values.to, ...(values.table ? { tables: values.table } : {}) });
    write(
      `backfill ${values.from}..${values.to}: ${outcome.objects} objects over ${outcome.days} days; ` +
        `${outcome.newPartitions} partitions registered, ${outcome.rowsInserted} rows loaded, ` +
        `${outcome.rowsSkipped} rows and ${outcome.filesSkipped} files already there\n`,
    );
    return outcome;
  } finally {
    await warehouse.close();
    await catalog.close();
  }
}
