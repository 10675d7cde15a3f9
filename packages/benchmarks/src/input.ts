import { readFileSync } from 'node:fs';
import type { IncomingRecord } from '@sluice/core';
import { z } from 'zod';

/** Every benchmark record comes from one shard, as one Lambda invocation sees it. */
export const SHARD_ID = 'shardId-000000000000';
/** Kinesis sequence numbers are fixed-width decimal strings that grow along the shard. */
const SEQUENCE_PREFIX = '4965';
const SEQUENCE_DIGITS = 56;
const ARRIVAL_EPOCH_SECONDS = Date.parse('2026-06-01T09:00:00.000Z') / 1000;

export const InputManifest = z.object({
  events: z.int().positive(),
  batchSize: z.int().positive(),
  bytes: z.int().nonnegative(),
  byKind: z.record(z.string(), z.int()),
  ndjsonFile: z.string(),
  batches: z.array(z.object({ file: z.string(), firstIndex: z.int().nonnegative(), count: z.int().positive() })),
});
export type InputManifest = z.infer<typeof InputManifest>;
export type InputBatch = InputManifest['batches'][number];

export function sequenceNumberOf(index: number): string {
  return `${SEQUENCE_PREFIX}${String(index).padStart(SEQUENCE_DIGITS - SEQUENCE_PREFIX.length, '0')}`;
}

/** Reads one batch file back as the records a stream-etl invocation receives (views into one buffer). */
export function readBatch(batch: InputBatch): IncomingRecord[] {
  const bytes = readFileSync(batch.file);
  const records: IncomingRecord[] = [];
  let offset = 0;
  for (let index = batch.firstIndex; offset < bytes.byteLength; index++) {
    const dataLength = bytes.readUInt32LE(offset);
    const keyLength = bytes.readUInt16LE(offset + 4);
    const keyStart = offset + 6;
    const dataStart = keyStart + keyLength;
    records.push({
      shardId: SHARD_ID,
      sequenceNumber: sequenceNumberOf(index),
      partitionKey: bytes.toString('utf8', keyStart, dataStart),
      data: bytes.subarray(dataStart, dataStart + dataLength),
      approximateArrivalTimestamp: ARRIVAL_EPOCH_SECONDS + index / 1000,
    });
    offset = dataStart + dataLength;
  }
  return records;
}

export function readManifest(file: string): InputManifest {
  return InputManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
}
