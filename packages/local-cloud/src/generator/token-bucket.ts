/**
 * Token-bucket pacing: tokens accrue at `ratePerSecond` up to `capacity`, and a batch of n waits until n are
 * there. Time spent inside `send` earns tokens too, so a slow sink is not slowed down further, and a burst never
 * exceeds one bucket.
 *
 * @example
 * ```ts
 * const bucket = new TokenBucket(1_000, 500);
 * if (await bucket.take(500, signal)) await send(batch);
 * ```
 */
export class TokenBucket {
  readonly #ratePerMs: number;
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;

  constructor(ratePerSecond: number, capacity: number) {
    this.#ratePerMs = ratePerSecond / 1000;
    this.#capacity = capacity;
    // Start full: the first batch goes out at once, like a producer that has been idle.
    this.#tokens = capacity;
    this.#updatedAt = Date.now();
  }

  /** Waits for `count` tokens and takes them; false when `signal` aborted the wait (nothing taken). */
  async take(count: number, signal?: AbortSignal): Promise<boolean> {
    this.#refill();
    while (this.#tokens < count) {
      if (signal?.aborted) return false;
      await sleep(Math.ceil((count - this.#tokens) / this.#ratePerMs), signal);
      this.#refill();
    }
    if (signal?.aborted) return false;
    this.#tokens -= count;
    return true;
  }

  #refill(): void {
    const now = Date.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#updatedAt) * this.#ratePerMs);
    this.#updatedAt = now;
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects: stopping is a normal outcome here). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
