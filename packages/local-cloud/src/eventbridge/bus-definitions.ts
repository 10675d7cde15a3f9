import { InvalidRuleError } from './errors';
import type { EventBridgeEvent, EventPattern } from './types';

/**
 * A rule target: anything that takes an event and may fail (a local Lambda, a Step Functions start, a queue).
 * A target that throws or rejects is retried.
 *
 * @example
 * ```ts
 * const target: EventTarget = { id: 'catalog-updater', invoke: (event) => catalogUpdaterHandler(event) };
 * ```
 */
export interface EventTarget {
  readonly id: string;
  readonly invoke: (event: EventBridgeEvent) => Promise<unknown>;
}

/**
 * A rule: which events (the pattern, as an object or PutRule's JSON string) go to which targets.
 *
 * @example
 * ```ts
 * const rule: RuleDefinition = { name: 's3-objects', eventPattern: { source: ['aws.s3'] }, targets: [target] };
 * ```
 */
export interface RuleDefinition {
  readonly name: string;
  readonly eventPattern: EventPattern | string;
  readonly targets: readonly EventTarget[];
}

/**
 * A delivery given up after `maxDeliveryAttempts`, with the error of the last attempt.
 *
 * @example
 * ```ts
 * const onDeadLetter = ({ ruleName, targetId, error }: DeadLetter) => log.error({ ruleName, targetId, error });
 * ```
 */
export interface DeadLetter {
  readonly event: EventBridgeEvent;
  readonly ruleName: string;
  readonly targetId: string;
  readonly attempts: number;
  readonly error: unknown;
}

/**
 * Options of `LocalEventBus`.
 *
 * @example
 * ```ts
 * const options: LocalEventBusOptions = { name: 'sluice', account: '123456789012', region: 'eu-west-1' };
 * ```
 */
export interface LocalEventBusOptions {
  readonly name: string;
  /** The 12-digit account id stamped on envelopes. */
  readonly account: string;
  readonly region: string;
  /** Clock for envelope times of entries without `Time`. */
  readonly now?: () => Date;
  /** Attempts per target before the event is dead-lettered; defaults to 3. */
  readonly maxDeliveryAttempts?: number;
  /** Wait before the first retry, doubled for each further one; defaults to 100 ms. */
  readonly retryBaseDelayMs?: number;
  /** Receives deliveries that ran out of attempts; without it they are only counted, like a target without a DLQ. */
  readonly onDeadLetter?: (deadLetter: DeadLetter) => void;
}

/**
 * Counters since the bus was created.
 *
 * @example
 * ```ts
 * const { deadLettered } = bus.stats();
 * ```
 */
export interface EventBusStats {
  /** Events accepted onto the bus (PutEvents entries and published envelopes). */
  readonly put: number;
  /** PutEvents entries rejected with an error code. */
  readonly rejected: number;
  /** (event, rule) pairs where the rule's pattern matched. */
  readonly matched: number;
  /** Target deliveries that succeeded, possibly after retries. */
  readonly delivered: number;
  /** Target invocations that threw, retried ones included. */
  readonly failed: number;
  /** Target deliveries given up after the last attempt. */
  readonly deadLettered: number;
  /** Target deliveries not finished yet. */
  readonly inFlight: number;
}

const NAME_PATTERN = /^[.\-_A-Za-z0-9]{1,64}$/;
const MAX_TARGETS_PER_RULE = 5;

/** Every invalid bus option, so a misconfigured local cloud fails with the whole list. */
export function optionProblems(options: LocalEventBusOptions): string[] {
  const problems: string[] = [];
  if (!/^[/.\-_A-Za-z0-9]{1,256}$/.test(options.name)) problems.push(`event bus name "${options.name}" is not valid`);
  if (!/^\d{12}$/.test(options.account)) problems.push(`account "${options.account}" must be a 12-digit account id`);
  if (!/^[a-z0-9-]{1,64}$/.test(options.region)) problems.push(`region "${options.region}" is not valid`);
  const attempts = options.maxDeliveryAttempts;
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < 1)) {
    problems.push(`maxDeliveryAttempts must be an integer of at least 1, got ${attempts}`);
  }
  const delay = options.retryBaseDelayMs;
  if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) {
    problems.push(`retryBaseDelayMs must be a finite number of at least 0, got ${delay}`);
  }
  return problems;
}

/**
 * Rejects rule names and targets EventBridge would reject: names outside [.-_A-Za-z0-9]{1,64}, duplicate target ids,
 * more than 5 targets per rule.
 *
 * @throws {InvalidRuleError}
 */
export function assertValidRule(ruleName: string, targets: readonly EventTarget[]): void {
  if (!NAME_PATTERN.test(ruleName)) {
    throw new InvalidRuleError('ValidationException', `rule name "${ruleName}" must match ${NAME_PATTERN}`);
  }
  if (targets.length > MAX_TARGETS_PER_RULE) {
    throw new InvalidRuleError(
      'LimitExceededException',
      `rule "${ruleName}" has ${targets.length} targets; EventBridge allows ${MAX_TARGETS_PER_RULE} per rule`,
    );
  }
  const seen = new Set<string>();
  for (const target of targets) {
    if (!NAME_PATTERN.test(target.id)) {
      throw new InvalidRuleError('ValidationException', `target id "${target.id}" must match ${NAME_PATTERN}`);
    }
    if (seen.has(target.id)) {
      throw new InvalidRuleError('ValidationException', `rule "${ruleName}" has two targets with id "${target.id}"`);
    }
    seen.add(target.id);
  }
}
