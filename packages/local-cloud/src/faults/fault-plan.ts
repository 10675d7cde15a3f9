import { ConfigurationError } from '@sluice/core';

/**
 * Which failures the local cloud injects, and how many. Each switch wraps one seam (the S3 endpoint's
 * PutObject, a Lambda function's invocations) so the pipeline meets the failure through its real code path:
 * the AWS SDK's retries, the event-source mapping's retries, the state machine's Retry/Catch.
 */
export interface FaultPlan {
  /** PutObject through the S3 endpoint answers 500 InternalError for the first `times` keys under `keyPrefix`. */
  readonly s3PutFailures?: { readonly times: number; readonly keyPrefix?: string };
  /**
   * The function whose name ends with `-<function>` fails its first `failures` invocations, as a warehouse
   * that is down does (default function: `loadWarehouse`).
   */
  readonly functionOutage?: { readonly failures: number; readonly function?: string };
  /**
   * Every `every`-th invocation of the function ending with `-<function>` is delivered twice in a row, as
   * Lambda's at-least-once delivery may (default function: `processStream`, default every 1).
   */
  readonly duplicateDelivery?: { readonly every?: number; readonly function?: string };
}

/** The environment variable a child-process local cloud reads its fault plan from (JSON). */
export const FAULT_PLAN_VARIABLE = 'SLUICE_FAULTS';

const isCount = (value: unknown, min: number): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/**
 * Checks a fault plan, listing every problem at once.
 * @throws {ConfigurationError}
 */
export function parseFaultPlan(value: unknown): FaultPlan {
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(['the fault plan must be a JSON object']);
  }
  const plan = value as Record<string, Record<string, unknown> | undefined>;
  const known = ['s3PutFailures', 'functionOutage', 'duplicateDelivery'];
  for (const key of Object.keys(plan)) if (!known.includes(key)) problems.push(`unknown fault "${key}"`);
  const check = (fault: string, field: string, valid: (v: unknown) => boolean, rule: string, required = false) => {
    const section = plan[fault];
    if (section === undefined) return;
    const v = section[field];
    if (v === undefined ? required : !valid(v)) problems.push(`${fault}.${field} must be ${rule}`);
  };
  check('s3PutFailures', 'times', (v) => isCount(v, 1), 'an integer ≥ 1', true);
  check('s3PutFailures', 'keyPrefix', (v) => typeof v === 'string', 'a string');
  check('functionOutage', 'failures', (v) => isCount(v, 1), 'an integer ≥ 1', true);
  check('functionOutage', 'function', (v) => typeof v === 'string' && v !== '', 'a function name');
  check('duplicateDelivery', 'every', (v) => isCount(v, 1), 'an integer ≥ 1');
  check('duplicateDelivery', 'function', (v) => typeof v === 'string' && v !== '', 'a function name');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return plan as FaultPlan;
}

/**
 * The fault plan in `SLUICE_FAULTS`, if set.
 * @throws {ConfigurationError} when it is not valid JSON or not a valid plan.
 */
export function faultPlanFromEnvironment(env: Readonly<Record<string, string | undefined>>): FaultPlan | undefined {
  const text = env[FAULT_PLAN_VARIABLE];
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError([`${FAULT_PLAN_VARIABLE} is not JSON: ${(error as Error).message}`]);
  }
  return parseFaultPlan(parsed);
}
