import type { KinesisStreamEvent } from '@sluice/contracts';
import { FunctionTimeoutError } from './errors';
import type { InvokeFunction } from './types';

/**
 * Invokes the function once; rejects like a Lambda timeout when `timeoutMs` passes first. The abandoned
 * invocation runs on, as a timed-out Lambda's would until its sandbox is torn down, but its result is
 * ignored.
 *
 * @example
 * ```ts
 * await invokeWithTimeout(invoke, event, { functionName: 'process', timeoutMs: 30_000 });
 * ```
 */
export async function invokeWithTimeout(
  invoke: InvokeFunction,
  event: KinesisStreamEvent,
  options: { readonly functionName: string; readonly timeoutMs?: number | undefined },
): Promise<unknown> {
  // Through a promise, so a function that throws synchronously fails like one that rejects.
  const invocation = Promise.resolve().then(() => invoke(event));
  const { timeoutMs } = options;
  if (timeoutMs === undefined) return invocation;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(options.functionName, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([invocation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
