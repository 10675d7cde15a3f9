import { QUARANTINE_REASONS } from '@sluice/contracts';
import { decodeRecord, type IncomingRecord } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Fuzzing is CPU-bound; on a shared 2-core CI machine it may take several times as long as alone. */
const FUZZ_TIMEOUT_MS = 180_000;

import { deeplyNested, eventWithWrongTypes, hostileBytes, hugeStrings, oddUnicodeText } from './hostile-payloads';

const encoder = new TextEncoder();

function record(data: Uint8Array): IncomingRecord {
  return {
    shardId: 'shardId-000000000000',
    sequenceNumber: '49650000000000000000000000000000000000000000000000000001',
    partitionKey: 'att-1',
    data,
    approximateArrivalTimestamp: 1_795_640_000,
  };
}

/** decodeRecord's contract: never throws; either a contract-valid event or a known reason with messages. */
function assertDecodesToValueOrReason(data: Uint8Array): void {
  const decoded = decodeRecord(record(data));
  if (decoded.ok) {
    expect(typeof decoded.event.eventId).toBe('string');
    return;
  }
  expect(QUARANTINE_REASONS).toContain(decoded.reason);
  expect(decoded.errors.length).toBeGreaterThan(0);
  for (const error of decoded.errors) expect(typeof error === 'string' && error.length > 0).toBe(true);
}

describe('stream-etl decoding (decodeRecord) under hostile records', () => {
  it(
    'turns random and broken bytes into a quarantine reason, never an exception (30,000 cases)',
    () => {
      fc.assert(fc.property(hostileBytes, assertDecodesToValueOrReason), { numRuns: 30_000 });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'rejects valid events with a field of the wrong type, missing or extra, with a reason (20,000 cases)',
    () => {
      fc.assert(
        fc.property(eventWithWrongTypes, (value) => {
          assertDecodesToValueOrReason(encoder.encode(JSON.stringify(value) ?? 'undefined'));
        }),
        { numRuns: 20_000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives odd unicode in every text field (10,000 cases)',
    () => {
      fc.assert(
        fc.property(oddUnicodeText, (text) => assertDecodesToValueOrReason(encoder.encode(text))),
        { numRuns: 10_000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives JSON nested up to 20,000 levels deep (1,500 cases)',
    () => {
      fc.assert(
        fc.property(deeplyNested, (text) => assertDecodesToValueOrReason(encoder.encode(text))),
        { numRuns: 1_500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'quarantines records past 1 MiB as OVERSIZED_RECORD and decodes huge strings below it (300 cases)',
    () => {
      fc.assert(
        fc.property(hugeStrings, (text) => {
          const data = encoder.encode(text);
          assertDecodesToValueOrReason(data);
          if (data.byteLength > 1_048_576)
            expect(decodeRecord(record(data))).toMatchObject({ reason: 'OVERSIZED_RECORD' });
        }),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
