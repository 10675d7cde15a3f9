import { describe, expect, it } from 'vitest';
import { chunksOf, pollUntilDone } from './poll';

describe('pollUntilDone', () => {
  it('returns the first value the check produces', async () => {
    let calls = 0;
    const outcome = await pollUntilDone(async () => (++calls === 3 ? 'finished' : undefined), {
      intervalMs: 1,
      maxIntervalMs: 2,
      timeoutMs: 5_000,
    });
    expect(outcome).toEqual({ done: true, value: 'finished' });
    expect(calls).toBe(3);
  });

  it('gives up once the timeout has passed, after at least one check', async () => {
    let calls = 0;
    const started = Date.now();
    const outcome = await pollUntilDone(
      async () => {
        calls++;
        return undefined;
      },
      { intervalMs: 5, maxIntervalMs: 10, timeoutMs: 40 },
    );
    expect(outcome).toEqual({ done: false });
    expect(calls).toBeGreaterThan(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('propagates an error from the check at once', async () => {
    await expect(
      pollUntilDone(
        async () => {
          throw new Error('throttled');
        },
        { intervalMs: 1, maxIntervalMs: 1, timeoutMs: 1_000 },
      ),
    ).rejects.toThrow('throttled');
  });
});

describe('chunksOf', () => {
  it('splits into chunks of the given size, keeping order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 10)).toEqual([]);
  });
});
