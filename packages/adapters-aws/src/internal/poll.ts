export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PollOptions {
  /** First wait between checks; each later wait is 1.5× longer, up to `maxIntervalMs`. */
  readonly intervalMs: number;
  readonly maxIntervalMs: number;
  /** Total time allowed, measured from the first check. */
  readonly timeoutMs: number;
}

export type PollOutcome<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Calls `check` until it returns a value (done) or the time runs out (not done: the caller decides what a
 * timeout means, e.g. cancel the statement and throw). Errors thrown by `check` propagate at once.
 */
export async function pollUntilDone<T>(
  check: () => Promise<T | undefined>,
  options: PollOptions,
): Promise<PollOutcome<T>> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.intervalMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return { done: true, value };
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { done: false };
    await sleep(Math.min(interval, remaining));
    interval = Math.min(options.maxIntervalMs, interval * 1.5);
  }
}

/** Splits a list into chunks of at most `size` items (API batch limits). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The name of an AWS SDK service exception (`NoSuchKey`, `EntityNotFoundException`, …), if it is one. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
