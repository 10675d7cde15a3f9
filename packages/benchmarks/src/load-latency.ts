/**
 * Object Created → rows visible in the warehouse, from a local-cloud data directory after a run: for every
 * curated object in the load ledger, `loaded_at` (the MERGE committed) minus the object's write time (the
 * file's mtime in the local S3, the moment "Object Created" was emitted). Prints p50/p95/max.
 *
 *   npx tsx packages/benchmarks/src/load-latency.ts --data-dir .sluice
 *
 * Run it on a data directory the local cloud is not holding (DuckDB allows one process per file).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { localDataPaths } from '@sluice/adapters-local';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: '.sluice' },
      bucket: { type: 'string', default: 'sluice-local-lake-eu-west-1' },
    },
  });
  const paths = localDataPaths(values['data-dir'] as string);
  const instance = await DuckDBInstance.create(paths.warehouseDb, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT object_key, epoch_ms(loaded_at) AS loaded_ms FROM load_ledger');
  const latencies: number[] = [];
  for (const row of reader.getRowObjectsJS()) {
    const file = join(paths.lakeBucketRoot(values.bucket as string), String(row.object_key));
    try {
      latencies.push(Number(row.loaded_ms) - statSync(file).mtimeMs);
    } catch {
      // compacted away since: no write time left to measure from
    }
  }
  latencies.sort((a, b) => a - b);
  if (latencies.length === 0) throw new Error(`no loaded curated objects found under ${paths.root}`);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    `Object Created → rows visible in the warehouse, ${latencies.length} curated objects: ` +
      `p50 ${seconds(percentile(latencies, 50))}, p95 ${seconds(percentile(latencies, 95))}, max ${seconds(latencies[latencies.length - 1] as number)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
