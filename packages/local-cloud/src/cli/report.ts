import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalBuckets, localDataPaths, openLocalWarehouse } from '@sluice/adapters-local';
import { errorMessage, QuarantineCounter } from '@sluice/core';
import type { Context } from 'aws-lambda';
import { createHandler } from '../../../../services/reporting/src/functions/scheduled-report/handler';
import { scheduledEvent } from '../runtime/schedules';
import type { CliOptions } from './options';

/** The lake bucket of the last run on this data directory (written by `up`). */
function lakeBucketOf(dataDir: string): string {
  const file = join(localDataPaths(dataDir).root, 'endpoints.json');
  if (!existsSync(file))
    throw new Error(`no local cloud has run on ${dataDir} yet: start it with \`npm run sluice -- up\``);
  return (JSON.parse(readFileSync(file, 'utf8')) as { bucket: string }).bucket;
}

/**
 * `sluice report [--date D]`: runs the reporting service's scheduled report now, on this data directory
 * (the same handler the daily schedule invokes), and prints where the files are. DuckDB allows one process
 * per file, so run it while `up` is stopped; a running local cloud renders it on its schedule.
 */
export async function report(options: CliOptions): Promise<number> {
  const bucket = lakeBucketOf(options.dataDir);
  const paths = localDataPaths(options.dataDir);
  const warehouse = await openLocalWarehouse(options.dataDir, bucket).catch((error: unknown) => {
    throw /lock/i.test(errorMessage(error))
      ? new Error(`the local cloud is running and holds the warehouse; stop it first (${errorMessage(error)})`)
      : error;
  });
  try {
    const lake = new LocalBuckets({ root: paths.lake }).bucket(bucket);
    const handler = createHandler(async () => ({
      warehouse,
      lake,
      lakeQuery: () => Promise.reject(new Error('the report does not query the lake')),
      quarantine: new QuarantineCounter(),
    }));
    const at = options.date ? new Date(`${options.date}T06:00:00Z`) : new Date();
    if (Number.isNaN(at.getTime())) throw new Error(`--date must be YYYY-MM-DD, got "${options.date}"`);
    const written = await handler(scheduledEvent('scheduledReport', at), {} as Context);
    for (const key of written.objectKeys) process.stdout.write(`${join(paths.lakeBucketRoot(bucket), key)}\n`);
    return 0;
  } finally {
    await warehouse.close();
  }
}
