/**
 * Child process: the full stream-etl pipeline (`buildProcessBatch` with `encodeParquet`, the default curated
 * masking and a real `FileObjectStore`) over every input batch, one invocation per batch, as one Lambda
 * container consuming one shard would run them.
 */
import { join } from 'node:path';
import { LocalBuckets } from '@sluice/adapters-local';
import { type BatchSummary, buildProcessBatch, defaultMaskingPolicy } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { childMain } from './child-process';
import { readBatch, readManifest } from './input';
import { median, type PipelineMeasurement } from './measurement';
import { currentRssMb, measured, peakRssMb, treeSize } from './process-stats';
import { CandidateSpec, LAKE_BUCKET } from './specs';

async function runCandidate(spec: CandidateSpec): Promise<PipelineMeasurement> {
  const manifest = readManifest(spec.manifestFile);
  const lake = await new LocalBuckets({ root: spec.lakeRoot }).ensureBucket(LAKE_BUCKET);
  const processBatch = buildProcessBatch({
    lake,
    encodeTable: encodeParquet,
    publish: async () => {},
    masking: defaultMaskingPolicy(spec.hmacKey),
  });
  const idleRssMb = currentRssMb();

  let wallMs = 0;
  let cpuMs = 0;
  const batchMs: number[] = [];
  const counts = { records: 0, valid: 0, quarantined: 0, duplicatesInBatch: 0, filesWritten: 0 };
  for (const batch of manifest.batches) {
    const records = readBatch(batch);
    const run = await measured<BatchSummary>(() => processBatch(records));
    wallMs += run.wallMs;
    cpuMs += run.cpuMs;
    batchMs.push(run.wallMs);
    counts.records += run.value.records;
    counts.valid += run.value.valid;
    counts.quarantined += run.value.quarantined;
    counts.duplicatesInBatch += run.value.duplicatesInBatch;
    counts.filesWritten += run.value.filesWritten.length;
  }

  return {
    pipeline: 'candidate',
    events: counts.records,
    wallMs,
    cpuMs,
    peakRssMb: peakRssMb(),
    idleRssMb,
    // The objects' bytes only: the local store's sidecars (.s3meta) stand in for S3 metadata.
    output: treeSize(join(spec.lakeRoot, LAKE_BUCKET)),
    counts,
    batchMs: { first: batchMs[0] ?? 0, median: median(batchMs), max: Math.max(...batchMs) },
  };
}

childMain(CandidateSpec, runCandidate, (spec) => spec.resultFile);
