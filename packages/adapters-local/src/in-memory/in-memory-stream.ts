import type { PutRecordOutcome, PutStreamRecords, StreamRecordToPut } from '@sluice/core';

export interface InMemoryStream {
  readonly putRecords: PutStreamRecords;
  /** Records accepted so far, in order. */
  readonly records: (StreamRecordToPut & { sequenceNumber: string })[];
  /** Calls made, with how many records each carried. */
  readonly calls: number[];
}

/**
 * A stream held in memory. `failWith(record, attempt)` returns an error code to fail that record on
 * that call, reproducing PutRecords' partial failures; the others still succeed.
 */
export function createInMemoryStream(
  failWith?: (record: StreamRecordToPut, call: number) => string | undefined,
): InMemoryStream {
  const records: InMemoryStream['records'] = [];
  const calls: number[] = [];
  let sequence = 0;
  const putRecords: PutStreamRecords = async (batch) => {
    calls.push(batch.length);
    return batch.map((record): PutRecordOutcome => {
      const errorCode = failWith?.(record, calls.length);
      if (errorCode) return { ok: false, errorCode, errorMessage: `injected ${errorCode}` };
      const sequenceNumber = String(++sequence).padStart(56, '0');
      records.push({ ...record, sequenceNumber });
      return { ok: true, shardId: 'shardId-000000000000', sequenceNumber };
    });
  };
  return { putRecords, records, calls };
}
