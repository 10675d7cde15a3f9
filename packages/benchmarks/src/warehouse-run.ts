/**
 * Child process: the local warehouse. Untimed, the stream-etl pipeline writes curated Parquet for about `rows`
 * events; then the DuckDB warehouse adapter's `loadFiles` loads every file (candidate: ledger, MERGE by event id,
 * schema checks), and a fresh DuckDB runs the plain `INSERT INTO … SELECT * FROM read_parquet(…)` of the same
 * files (baseline). Finally the dashboard's panel queries run repeatedly over the loaded warehouse.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbDatabase, DuckDbWarehouse, LocalBuckets } from '@sluice/adapters-local';
import {
  buildProcessBatch,
  DASHBOARD_PANELS,
  defaultMaskingPolicy,
  factTables,
  type IncomingRecord,
} from '@sluice/core';
import { createEventGenerator } from '@sluice/local-cloud';
import { encodeParquet } from '@sluice/parquet';
import { childMain } from './child-process';
import { SHARD_ID, sequenceNumberOf } from './input';
import { latencyOf } from './latency';
import { measured, peakRssMb, treeSize } from './process-stats';
import { type WarehouseResult, WarehouseSpec } from './suite-specs';

const BUCKET = 'sluice-lake';
const BATCH = 10_000;

async function writeCuratedFiles(spec: WarehouseSpec, lakeRoot: string): Promise<void> {
  const lake = await new LocalBuckets({ root: lakeRoot }).ensureBucket(BUCKET);
  const processBatch = buildProcessBatch({
    lake,
    encodeTable: encodeParquet,
    publish: async () => {},
    masking: defaultMaskingPolicy(spec.hmacKey),
  });
  const generator = createEventGenerator({ seed: 3, malformedShare: 0, duplicateShare: 0 });
  const arrival = Date.parse('2026-06-01T09:00:00.000Z') / 1000;
  for (let first = 0; first < spec.rows; first += BATCH) {
    const records: IncomingRecord[] = generator.take(Math.min(BATCH, spec.rows - first)).map((record, i) => ({
      shardId: SHARD_ID,
      sequenceNumber: sequenceNumberOf(first + i),
      partitionKey: record.partitionKey,
      data: record.data,
      approximateArrivalTimestamp: arrival,
    }));
    await processBatch(records);
  }
}

async function runWarehouse(spec: WarehouseSpec): Promise<WarehouseResult> {
  const lakeRoot = join(spec.workDir, 'lake');
  mkdirSync(lakeRoot, { recursive: true });
  console.log(`  writing curated Parquet for ${spec.rows.toLocaleString('en-US')} events (untimed)…`);
  await writeCuratedFiles(spec, lakeRoot);
  const bucketRoot = join(lakeRoot, BUCKET);
  const curated = await new LocalBuckets({ root: lakeRoot }).bucket(BUCKET).list('curated/');
  const files = curated.map((o) => ({ table: o.key.split('/')[1] as string, objectKey: o.key }));

  console.log(`  loading ${files.length} files with the warehouse adapter…`);
  const warehouse = await DuckDbWarehouse.open({
    dbPath: join(spec.workDir, 'candidate.duckdb'),
    lakeRoot: bucketRoot,
  });
  await warehouse.migrate();
  const load = await measured(() => warehouse.loadFiles(files));
  const refresh = await measured(() => warehouse.refreshViews());

  console.log(`  running the ${DASHBOARD_PANELS.length} dashboard panel queries ${spec.dashboardRuns} times each…`);
  const dashboard: WarehouseResult['dashboard'] = [];
  for (const panel of DASHBOARD_PANELS) {
    for (let i = 0; i < 3; i++) await warehouse.query(panel.sql);
    const durations: number[] = [];
    for (let i = 0; i < spec.dashboardRuns; i++)
      durations.push((await measured(() => warehouse.query(panel.sql))).wallMs);
    dashboard.push({ panel: panel.id, sql: panel.sql, latency: latencyOf(durations) });
  }
  await warehouse.close();

  console.log('  baseline: INSERT INTO … SELECT * FROM read_parquet(…) on a fresh DuckDB…');
  const baselinePath = join(spec.workDir, 'baseline.duckdb');
  const empty = await DuckDbWarehouse.open({ dbPath: baselinePath, lakeRoot: bucketRoot });
  await empty.migrate();
  await empty.close();
  const db = await DuckDbDatabase.open(baselinePath);
  const baselineLoad = await measured(() =>
    db.write(async (session) => {
      let inserted = 0;
      for (const { table } of factTables()) {
        const paths = files.filter((f) => f.table === table).map((f) => `'${join(bucketRoot, f.objectKey)}'`);
        if (paths.length === 0) continue;
        inserted += await session.run(
          // dt comes from the files' Hive partition (dt=YYYY-MM-DD), the event date the adapter derives.
          `INSERT INTO ${table} BY NAME SELECT * FROM read_parquet([${paths.join(', ')}], union_by_name = true, hive_partitioning = true)`,
        );
      }
      return inserted;
    }),
  );
  await db.close();

  const rowsPerSecond = (rows: number, ms: number) => rows / (ms / 1000);
  return {
    files: files.length,
    parquetBytes: treeSize(join(bucketRoot, 'curated')).bytes,
    rows: load.value.rowsInserted,
    candidate: {
      loadMs: load.wallMs,
      rowsInserted: load.value.rowsInserted,
      rowsPerSecond: rowsPerSecond(load.value.rowsInserted, load.wallMs),
      refreshViewsMs: refresh.wallMs,
    },
    baseline: {
      loadMs: baselineLoad.wallMs,
      rowsInserted: baselineLoad.value,
      rowsPerSecond: rowsPerSecond(baselineLoad.value, baselineLoad.wallMs),
    },
    dashboard,
    peakRssMb: peakRssMb(),
  };
}

childMain(WarehouseSpec, runWarehouse, (spec) => spec.resultFile);
