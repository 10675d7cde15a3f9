/**
 * Child process: the full stream-etl pipeline (`buildProcessBatch` with `encodeParquet`, the default curated
 * masking, the service's enrichment SQL on AlaSQL over reference data in the lake, the file idempotency
 * store and a real `FileObjectStore`) over every input batch, one invocation per batch, as one Lambda
 * container consuming one shard would run them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileIdempotencyStore, LocalBuckets } from '@sluice/adapters-local';
import { type BatchSummary, buildProcessBatch, buildReferenceData, defaultMaskingPolicy } from '@sluice/core';
import { createEventGenerator, referenceDataObjects } from '@sluice/local-cloud';
import { encodeParquet } from '@sluice/parquet';
import { buildSqlEnrichment, loadEnrichmentQueries } from '@sluice/sql-enrichment';
import { childMain } from './child-process';
import { readBatch, readManifest } from './input';
import { median, type PipelineMeasurement } from './measurement';
import { currentRssMb, measured, peakRssMb, treeSize } from './process-stats';
import { CandidateSpec, LAKE_BUCKET } from './specs';

async function runCandidate(spec: CandidateSpec): Promise<PipelineMeasurement> {
  const manifest = readManifest(spec.manifestFile);
  const lake = await new LocalBuckets({ root: spec.lakeRoot }).ensureBucket(LAKE_BUCKET);
  // Session ids are `sess-001`… whatever the seed, so this catalog matches the input's check-ins.
  for (const object of referenceDataObjects(createEventGenerator({ seed: 1 }).sessions)) {
    await lake.put(object.key, object.body, 'application/x-ndjson');
  }
  const sqlDir = fileURLToPath(
    new URL('../../../services/stream-etl/src/functions/process-stream/enrichment/', import.meta.url),
  );
  const processBatch = buildProcessBatch({
    lake,
    encodeTable: encodeParquet,
    publish: async () => {},
    masking: defaultMaskingPolicy(spec.hmacKey),
    enrichment: {
      enrich: buildSqlEnrichment(loadEnrichmentQueries(sqlDir)),
      referenceTables: buildReferenceData(lake, { refreshSeconds: 60, log: () => {} }),
    },
    idempotency: new FileIdempotencyStore({ file: join(spec.lakeRoot, 'idempotency.log'), ttlSeconds: 604_800 }),
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
