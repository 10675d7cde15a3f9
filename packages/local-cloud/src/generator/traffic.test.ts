import { ConfigurationError } from '@sluice/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrafficSendError } from './errors';
import { createEventGenerator, type GeneratedRecord } from './generate-events';
import { type RecordSource, runTraffic, type SendRecords } from './traffic';

/** A source that numbers its records, so tests can tell exactly which ones were sent. */
function numberedSource(): RecordSource & { made: () => number } {
  let made = 0;
  return {
    made: () => made,
    next: (): GeneratedRecord => {
      made++;
      return {
        kind: 'valid',
        partitionKey: 'att-1',
        data: new Uint8Array([made % 256]),
        eventId: `event-${made}`,
        eventType: 'SessionCheckedIn',
      };
    },
  };
}

function recordingSend(): { send: SendRecords; batches: GeneratedRecord[][]; sentAt: number[] } {
  const batches: GeneratedRecord[][] = [];
  const sentAt: number[] = [];
  return {
    batches,
    sentAt,
    send: async (records) => {
      sentAt.push(Date.now());
      batches.push([...records]);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runTraffic counts', () => {
  it('sends exactly total records in batches and counts them by kind and event type', async () => {
    const generator = createEventGenerator({ seed: 31, malformedShare: 0.1, duplicateShare: 0.05 });
    const { send, batches } = recordingSend();
    const result = await runTraffic({ generator, total: 5_210, batchSize: 500, send });

    const sent = batches.flat();
    expect(batches.map((batch) => batch.length)).toEqual([...Array(10).fill(500), 210]);
    const valid = sent.filter((record) => record.kind === 'valid');
    expect(result).toMatchObject({
      produced: 5_210,
      valid: valid.length,
      malformed: sent.filter((record) => record.kind === 'malformed').length,
      duplicates: sent.filter((record) => record.kind === 'duplicate').length,
      uniqueValidEventIds: new Set(valid.map((record) => record.eventId)).size,
      aborted: false,
    });
    expect(result.valid + result.malformed + result.duplicates).toBe(result.produced);
    expect(result.malformed).toBeGreaterThan(0);
    expect(result.duplicates).toBeGreaterThan(0);
    for (const type of ['AttendeeRegistered', 'SessionCheckedIn', 'FeedbackSubmitted'] as const) {
      expect(result.byEventType[type]).toBe(valid.filter((record) => record.eventType === type).length);
    }
  });

  it('reports progress after every resolved batch', async () => {
    const progress: number[] = [];
    await runTraffic({
      generator: numberedSource(),
      total: 25,
      batchSize: 10,
      send: async () => {},
      onProgress: (counts) => progress.push(counts.produced),
    });
    expect(progress).toEqual([10, 20, 25]);
  });

  it('sends nothing for a total of zero', async () => {
    const { send, batches } = recordingSend();
    const result = await runTraffic({ generator: numberedSource(), total: 0, send });
    expect(batches).toHaveLength(0);
    expect(result.produced).toBe(0);
  });
});

describe('runTraffic abort and failure', () => {
  it('stops between batches when aborted and counts only what send resolved', async () => {
    const controller = new AbortController();
    const source = numberedSource();
    const batches: number[] = [];
    const result = await runTraffic({
      generator: source,
      total: 1_000,
      batchSize: 10,
      signal: controller.signal,
      send: async (records) => {
        batches.push(records.length);
        if (batches.length === 3) controller.abort();
      },
    });
    expect(batches).toEqual([10, 10, 10]);
    expect(result).toMatchObject({ produced: 30, valid: 30, uniqueValidEventIds: 30, aborted: true });
  });

  it('counts a batch in flight when aborted if send still resolves it', async () => {
    const controller = new AbortController();
    let release: (() => void) | undefined;
    const running = runTraffic({
      generator: numberedSource(),
      total: 100,
      batchSize: 10,
      signal: controller.signal,
      send: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    await vi.waitFor(() => expect(release).toBeDefined());
    controller.abort();
    release?.();
    const result = await running;
    expect(result).toMatchObject({ produced: 10, aborted: true });
  });

  it('does not count a batch that send rejects because of the abort', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await runTraffic({
      generator: numberedSource(),
      total: 100,
      batchSize: 10,
      signal: controller.signal,
      send: async (_records, signal) => {
        calls++;
        if (calls === 2) {
          controller.abort();
          throw signal?.reason ?? new Error('aborted');
        }
      },
    });
    expect(result).toMatchObject({ produced: 10, aborted: true });
  });

  it('throws TrafficSendError with the counts delivered before a failing batch', async () => {
    let calls = 0;
    const failure = new Error('stream throttled');
    const running = runTraffic({
      generator: numberedSource(),
      total: 100,
      batchSize: 10,
      send: async () => {
        calls++;
        if (calls === 4) throw failure;
      },
    });
    await expect(running).rejects.toBeInstanceOf(TrafficSendError);
    await expect(running).rejects.toMatchObject({ counts: { produced: 30 }, cause: failure });
  });

  it('rejects invalid options, listing every problem', async () => {
    const running = runTraffic({
      generator: numberedSource(),
      total: -1,
      ratePerSecond: 0,
      batchSize: 0,
      send: async () => {},
    });
    await expect(running).rejects.toBeInstanceOf(ConfigurationError);
    await expect(running).rejects.toThrow(/total.*\n.*ratePerSecond.*\n.*batchSize/s);
  });
});

describe('runTraffic pacing', () => {
  it('paces batches with a token bucket at the given rate', async () => {
    vi.useFakeTimers({ now: 0 });
    const { send, sentAt, batches } = recordingSend();
    const running = runTraffic({ generator: numberedSource(), total: 50, ratePerSecond: 100, batchSize: 10, send });
    await vi.advanceTimersByTimeAsync(1_000);
    const result = await running;

    expect(result.produced).toBe(50);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 10, 10, 10]);
    // A full bucket lets the first batch go at once; each further 10 records wait for 10 new tokens (100 ms).
    expect(sentAt).toEqual([0, 100, 200, 300, 400]);
  });

  it('caps a batch at one second of records when the rate is below the batch size', async () => {
    vi.useFakeTimers({ now: 0 });
    const { send, sentAt, batches } = recordingSend();
    const running = runTraffic({ generator: numberedSource(), total: 6, ratePerSecond: 2, send });
    await vi.advanceTimersByTimeAsync(5_000);
    await running;
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 2]);
    expect(sentAt).toEqual([0, 1_000, 2_000]);
  });

  it('returns promptly when aborted while waiting for tokens', async () => {
    vi.useFakeTimers({ now: 0 });
    const controller = new AbortController();
    const { send, batches } = recordingSend();
    const running = runTraffic({
      generator: numberedSource(),
      total: 1_000,
      ratePerSecond: 10,
      batchSize: 10,
      send,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(1_500);
    controller.abort();
    const result = await running;
    expect(batches).toHaveLength(2);
    expect(result).toMatchObject({ produced: 20, aborted: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds a real-time rate roughly, without a tight bound', async () => {
    const { send } = recordingSend();
    const startedAt = performance.now();
    const result = await runTraffic({
      generator: numberedSource(),
      total: 60,
      ratePerSecond: 200,
      batchSize: 20,
      send,
    });
    // 40 records beyond the first full bucket need 200 ms of tokens at 200 records/s.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(result.produced).toBe(60);
  });

  it('sends as fast as send allows when no rate is given', async () => {
    vi.useFakeTimers({ now: 0 });
    const { send, sentAt } = recordingSend();
    await runTraffic({ generator: numberedSource(), total: 2_000, send });
    expect(sentAt).toEqual([0, 0, 0, 0]);
  });
});
