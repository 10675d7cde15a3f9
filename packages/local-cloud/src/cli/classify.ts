import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbDatabase, localDataPaths } from '@sluice/adapters-local';
import { eventTypeForTable } from '@sluice/contracts';
import { classifyColumns } from '@sluice/sensitive-data';
import type { CliOptions } from './options';
import { formatTable } from './tools';

const LOCAL_BUCKET = 'sluice-local-lake-eu-west-1';

/**
 * Glue-style column classification of one lake table: samples rows of `<zone>/<table>` and reports, per
 * column, the share of values that are (or contain) each entity. On `raw/` it shows what the policy must
 * mask; on `curated/` it should find nothing but tokens and redactions.
 *
 *   npm run sluice -- classify raw/attendee_registered [--sample 1000]
 */
export async function classify(options: CliOptions): Promise<number> {
  const [target] = options.args;
  const match = /^(raw|curated)\/([a-z][a-z0-9_]*)$/.exec(target ?? '');
  if (!match || !eventTypeForTable(match[2] as string)) {
    throw new Error('usage: sluice classify raw|curated/<table> [--sample N], e.g. classify raw/feedback_submitted');
  }
  const sample = Number(options.sample);
  if (!Number.isInteger(sample) || sample < 1)
    throw new Error(`--sample must be a positive integer, got "${options.sample}"`);
  const folder = join(localDataPaths(options.dataDir).lakeBucketRoot(LOCAL_BUCKET), target as string);
  if (!existsSync(folder)) throw new Error(`nothing in the lake at ${target} yet (looked in ${folder})`);
  const db = await DuckDbDatabase.open(':memory:');
  try {
    const pattern = join(folder, '*', '*.parquet').replaceAll("'", "''");
    const rows = await db.all(
      `SELECT * EXCLUDE (dt) FROM read_parquet('${pattern}', hive_partitioning = true) USING SAMPLE ${sample} ROWS`,
    );
    const classified = classifyColumns(rows, { sampleSize: sample });
    const table = classified.map((c) => ({
      column: c.column,
      sampled: c.sampled,
      non_null: c.nonNull,
      classified_as: c.classifiedAs.join(', ') || '-',
      entities: c.entities.map((e) => `${e.entity} ${(e.share * 100).toFixed(1)}%`).join(', ') || '-',
    }));
    process.stdout.write(`${target}: ${rows.length} rows sampled\n${formatTable(table)}\n`);
  } finally {
    await db.close();
  }
  return 0;
}
