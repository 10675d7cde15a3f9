import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventGenerator, type GeneratedRecord } from '@sluice/local-cloud';
import { type InputBatch, type InputManifest, readBatch } from './input';

export interface InputOptions {
  readonly events: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Pads well-formed records to at least this many bytes with a field no schema knows (0: no padding). */
  readonly minEventBytes: number;
  readonly dir: string;
}

const encoder = new TextEncoder();
const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';

/**
 * Inserts `"_padding":"…"` before the closing brace. Deterministic, so a re-sent duplicate stays byte-identical
 * to its original; unknown fields are stripped by the contract and not selected by the baseline.
 */
function padded(data: Uint8Array, minBytes: number): Uint8Array {
  const overhead = ',"_padding":""'.length;
  const missing = minBytes - data.byteLength - overhead;
  if (missing <= 0 || data[data.byteLength - 1] !== 0x7d) return data;
  const filler = FILLER.repeat(Math.ceil(missing / FILLER.length)).slice(0, missing);
  const tail = encoder.encode(`,"_padding":"${filler}"}`);
  const out = new Uint8Array(data.byteLength - 1 + tail.byteLength);
  out.set(data.subarray(0, data.byteLength - 1));
  out.set(tail, data.byteLength - 1);
  return out;
}

/** A batch file: per record, u32 data length, u16 partition-key length, partition key, data. */
function encodeBatch(records: readonly GeneratedRecord[], minBytes: number): Buffer {
  const parts: Uint8Array[] = [];
  for (const record of records) {
    const data = record.kind === 'malformed' ? record.data : padded(record.data, minBytes);
    const key = encoder.encode(record.partitionKey);
    const header = Buffer.alloc(6);
    header.writeUInt32LE(data.byteLength, 0);
    header.writeUInt16LE(key.byteLength, 4);
    parts.push(header, key, data);
  }
  return Buffer.concat(parts);
}

/**
 * Generates the events once and writes them twice, untimed: as Kinesis-sized batch files for the candidate
 * and as one NDJSON file (one record per line, bytes unchanged) for the baseline.
 */
export function prepareInput(options: InputOptions): InputManifest {
  const generator = createEventGenerator({ seed: options.seed, malformedShare: 0.02, duplicateShare: 0.01 });
  const ndjsonFile = join(options.dir, 'events.ndjson');
  writeFileSync(ndjsonFile, '');
  const batches: InputBatch[] = [];
  const byKind: Record<string, number> = {};
  let bytes = 0;
  for (let firstIndex = 0; firstIndex < options.events; firstIndex += options.batchSize) {
    const count = Math.min(options.batchSize, options.events - firstIndex);
    const records = generator.take(count);
    for (const record of records) byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
    const encoded = encodeBatch(records, options.minEventBytes);
    const file = join(options.dir, `batch-${String(batches.length).padStart(6, '0')}.bin`);
    writeFileSync(file, encoded);
    const lines = readBatch({ file, firstIndex, count }).map((record) => record.data);
    for (const line of lines) bytes += line.byteLength;
    appendFileSync(ndjsonFile, Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])));
    batches.push({ file, firstIndex, count });
  }
  const manifest: InputManifest = {
    events: options.events,
    batchSize: options.batchSize,
    bytes,
    byKind,
    ndjsonFile,
    batches,
  };
  writeFileSync(join(options.dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
