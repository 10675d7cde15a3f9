import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './mutex';

describe('AsyncMutex', () => {
  it('runs tasks one at a time in call order', async () => {
    const mutex = new AsyncMutex();
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    await Promise.all(
      [30, 10, 0].map((delay, index) =>
        mutex.runExclusive(async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((done) => setTimeout(done, delay));
          order.push(index);
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(1);
    expect(order).toEqual([0, 1, 2]);
  });

  it('passes a failure to its caller and keeps running later tasks', async () => {
    const mutex = new AsyncMutex();
    const failed = mutex.runExclusive(async () => {
      throw new Error('boom');
    });
    const next = mutex.runExclusive(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
