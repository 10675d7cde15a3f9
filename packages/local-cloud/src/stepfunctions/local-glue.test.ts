import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDataPaths, openLocalCatalog } from '@sluice/adapters-local';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localGlueCrawlers } from './local-glue';

const BUCKET = 'sluice-local-lake';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sluice-glue-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local cloud Glue crawlers', () => {
  it('runs a crawler by name through RUNNING → STOPPING → READY, registering the lake partitions in the catalog', async () => {
    const folder = join(localDataPaths(dataDir).lakeBucketRoot(BUCKET), 'curated/session_checked_in/dt=2026-11-25');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.parquet'), '');
    const glue = localGlueCrawlers(dataDir, BUCKET);

    await glue.startCrawler('sluice-local-curated');
    await expect(glue.startCrawler('sluice-local-curated')).rejects.toMatchObject({ name: 'CrawlerRunningException' });
    const states = [
      (await glue.getCrawler('sluice-local-curated')).State,
      (await glue.getCrawler('sluice-local-curated')).State,
    ];

    expect(states).toEqual(['STOPPING', 'READY']);
    const catalog = await openLocalCatalog(dataDir, 'sluice_local');
    try {
      expect(await catalog.listPartitions('session_checked_in')).toEqual(['2026-11-25']);
      expect((await catalog.getTable('session_checked_in'))?.location).toBe(
        `s3://${BUCKET}/curated/session_checked_in/`,
      );
    } finally {
      await catalog.close();
    }
  });
});
