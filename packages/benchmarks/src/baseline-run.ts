/**
 * Child process: the baseline, DuckDB on one thread copying the NDJSON events into Hive-partitioned Parquet.
 * Imports nothing of Sluice, so its memory is DuckDB's (and Node's) alone; the SQL comes from the parent.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { childMain } from './child-process';
import type { PipelineMeasurement } from './measurement';
import { currentRssMb, measured, peakRssMb, treeSize } from './process-stats';
import { BaselineSpec } from './specs';

async function runBaseline(spec: BaselineSpec): Promise<PipelineMeasurement> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  const idleRssMb = currentRssMb();
  const copy = await measured(() => connection.run(spec.copySql));
  const rowsWritten = Number(copy.value.rowsChanged);
  connection.closeSync();
  instance.closeSync();
  return {
    pipeline: 'baseline',
    events: spec.events,
    wallMs: copy.wallMs,
    cpuMs: copy.cpuMs,
    peakRssMb: peakRssMb(),
    idleRssMb,
    output: treeSize(spec.outDir),
    counts: { rowsWritten },
  };
}

childMain(BaselineSpec, runBaseline, (spec) => spec.resultFile);
