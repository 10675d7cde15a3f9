import { describe, expect, it } from 'vitest';
import type { PutRecordOutcome, PutStreamRecords } from '../ports/stream';
import { putWithRetries } from './put-with-retries';

const record = (key: string) => ({ partitionKey: key, data: Buffer.from(key) });
const policy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };

describe('putWithRetries', () => {
  it('retries only failed records, keeping outcomes in request order', async () => {
    const attempts: string[][] = [];
    const put: PutStreamRecords = async (records) => {
      attempts.push(records.map((r) => r.partitionKey));
      return records.map(
        (r): PutRecordOutcome =>
          r.partitionKey === 'b' && attempts.length === 1
            ? { ok: false, errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'slow down' }
            : { ok: true, shardId: 's', sequenceNumber: `${r.partitionKey}-${attempts.length}` },
      );
    };
    const outcomes = await putWithRetries(put, [record('a'), record('b'), record('c')], policy);
    expect(attempts).toEqual([['a', 'b', 'c'], ['b']]);
    expect(outcomes.map((o) => o.ok && o.sequenceNumber)).toEqual(['a-1', 'b-2', 'c-1']);
  });

  it('reports the last error after the final attempt, and treats a thrown call as all records failing', async () => {
    let calls = 0;
    const put: PutStreamRecords = async () => {
      calls++;
      throw new Error('socket hang up');
    };
    const outcomes = await putWithRetries(put, [record('a')], policy);
    expect(calls).toBe(3);
    expect(outcomes).toEqual([{ ok: false, errorCode: 'PutRecordsError', errorMessage: 'socket hang up' }]);
  });
});
