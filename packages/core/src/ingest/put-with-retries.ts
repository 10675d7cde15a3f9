import type { PutRecordOutcome, PutStreamRecords, StreamRecordToPut } from '../ports/stream';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 2_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * PutRecords with retries of the failed records only (full-jitter exponential backoff), as the Kinesis
 * docs advise for partial failures. A call that throws counts as every record of the attempt failing.
 */
export async function putWithRetries(
  putRecords: PutStreamRecords,
  records: readonly StreamRecordToPut[],
  policy: RetryPolicy,
): Promise<PutRecordOutcome[]> {
  const outcomes: PutRecordOutcome[] = records.map(() => ({
    ok: false,
    errorCode: 'NotAttempted',
    errorMessage: 'not attempted',
  }));
  let pending = records.map((_, index) => index);
  const sleep = policy.sleep ?? realSleep;
  for (let attempt = 1; pending.length > 0 && attempt <= policy.maxAttempts; attempt++) {
    if (attempt > 1) {
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 2));
      await sleep(Math.random() * cap);
    }
    let attemptOutcomes: PutRecordOutcome[];
    try {
      attemptOutcomes = await putRecords(pending.map((index) => records[index] as StreamRecordToPut));
    } catch (error) {
      const failure = { ok: false as const, errorCode: 'PutRecordsError', errorMessage: (error as Error).message };
      attemptOutcomes = pending.map(() => failure);
    }
    const stillPending: number[] = [];
    pending.forEach((recordIndex, i) => {
      const outcome = attemptOutcomes[i] ?? {
        ok: false,
        errorCode: 'MissingOutcome',
        errorMessage: 'no outcome returned',
      };
      outcomes[recordIndex] = outcome;
      if (!outcome.ok) stillPending.push(recordIndex);
    });
    pending = stillPending;
  }
  return outcomes;
}
