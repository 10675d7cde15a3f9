import { createInMemoryPublisher } from '@sluice/adapters-local';
import { QUARANTINE_REASONS } from '@sluice/contracts';
import { buildProcessBatch, defaultMaskingPolicy, type IncomingRecord, type ObjectStore } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Fuzzing is CPU-bound; on a shared 2-core CI machine it may take several times as long as alone. */
const FUZZ_TIMEOUT_MS = 180_000;

import { hostilePayload } from './hostile-payloads';

/** A lake held in memory: the fuzz target is the batch logic, and the quarantine lines it writes are read back. */
function memoryLake(): ObjectStore & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return {
    bucket: 'fuzz-lake',
    objects,
    put: async (key, body) => {
      objects.set(key, body);
      return { etag: String(body.byteLength) };
    },
    get: async (key) => {
      const body = objects.get(key);
      return body ? { body, etag: String(body.byteLength) } : undefined;
    },
    head: async (key) => {
      const body = objects.get(key);
      return body ? { key, size: body.byteLength, etag: String(body.byteLength) } : undefined;
    },
    list: async (prefix) =>
      [...objects].filter(([key]) => key.startsWith(prefix)).map(([key, b]) => ({ key, size: b.byteLength, etag: '' })),
  };
}

const masking = defaultMaskingPolicy('fuzz-masking-key-that-is-32-chars-long');

describe('stream-etl batches (processBatch) of hostile records', () => {
  it(
    'accounts for every record: valid, duplicate, or one quarantine line with its reason (400 batches)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostilePayload, { minLength: 1, maxLength: 12 }), async (payloads) => {
          const lake = memoryLake();
          const publisher = createInMemoryPublisher();
          const processBatch = buildProcessBatch({
            lake,
            encodeTable: encodeParquet,
            publish: publisher.publish,
            masking,
          });
          const records: IncomingRecord[] = payloads.map((data, i) => ({
            shardId: 'shardId-000000000001',
            sequenceNumber: String(49_650_000_000n + BigInt(i)),
            partitionKey: `att-${i}`,
            data,
            approximateArrivalTimestamp: 1_795_640_000 + i,
          }));
          const summary = await processBatch(records);
          expect(summary.valid + summary.quarantined + summary.duplicatesInBatch).toBe(records.length);

          const quarantineLines = [...lake.objects]
            .filter(([key]) => key.startsWith('quarantine/'))
            .flatMap(([, body]) => Buffer.from(body).toString('utf8').split('\n').filter(Boolean))
            .map(
              (line) =>
                JSON.parse(line) as { reason: string; errors: string[]; sequenceNumber: string; payloadBase64: string },
            );
          expect(quarantineLines).toHaveLength(summary.quarantined);
          for (const line of quarantineLines) {
            expect(QUARANTINE_REASONS).toContain(line.reason);
            expect(line.errors.length).toBeGreaterThan(0);
            // The original bytes are kept, so a fixed record can be replayed.
            const original = payloads[Number(BigInt(line.sequenceNumber) - 49_650_000_000n)];
            expect(Buffer.from(line.payloadBase64, 'base64').equals(Buffer.from(original ?? []))).toBe(true);
          }
        }),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
