import type { EventBridgeEvent } from './types';

/** What one target delivery needs: the event, the target, and the retry policy. */
export interface DeliveryPlan {
  readonly event: EventBridgeEvent;
  readonly invoke: (event: EventBridgeEvent) => Promise<unknown>;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly onAttemptFailed: (error: unknown, attempt: number) => void;
}

/** Whether the target eventually took the event, and after how many attempts. */
export type DeliveryOutcome =
  | { readonly delivered: true; readonly attempts: number }
  | { readonly delivered: false; readonly attempts: number; readonly error: unknown };

/**
 * Invokes a target, retrying with exponential backoff (baseDelayMs, 2×, 4×, ...) until it succeeds or the attempts
 * run out. Never rejects: the outcome says how it ended.
 */
export async function deliverWithRetries(plan: DeliveryPlan): Promise<DeliveryOutcome> {
  // Targets run after PutEvents has answered, as on AWS, never inside the caller's tick.
  await new Promise((resolve) => setImmediate(resolve));
  let lastError: unknown;
  for (let attempt = 1; attempt <= plan.maxAttempts; attempt++) {
    try {
      // Each attempt gets its own copy, as each AWS delivery is freshly deserialised JSON.
      await plan.invoke(structuredClone(plan.event));
      return { delivered: true, attempts: attempt };
    } catch (error) {
      lastError = error;
      plan.onAttemptFailed(error, attempt);
      if (attempt < plan.maxAttempts) await sleep(retryDelayMs(plan.baseDelayMs, attempt));
    }
  }
  return { delivered: false, attempts: plan.maxAttempts, error: lastError };
}

/**
 * The wait before the retry that follows failed attempt number `attempt` (1-based).
 *
 * @example
 * ```ts
 * retryDelayMs(100, 1); // 100
 * retryDelayMs(100, 3); // 400
 * ```
 */
export function retryDelayMs(baseDelayMs: number, attempt: number): number {
  return baseDelayMs * 2 ** (attempt - 1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
