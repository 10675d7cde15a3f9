import { ConfigurationError } from '@sluice/core';
import {
  assertValidRule,
  type DeadLetter,
  type EventBusStats,
  type EventTarget,
  type LocalEventBusOptions,
  optionProblems,
  type RuleDefinition,
} from './bus-definitions';
import { InvalidEventError } from './errors';
import { buildEnvelope, envelopeProblems } from './event-envelope';
import { compileEventPattern, type EventMatcher } from './event-pattern';
import {
  assertRequestWithinLimits,
  checkEntry,
  type PutEventsRequestEntry,
  type PutEventsResponse,
  type PutEventsResultEntry,
} from './put-events-request';
import { deliverWithRetries } from './target-delivery';
import type { EventBridgeEvent } from './types';

interface Rule {
  readonly name: string;
  readonly matches: EventMatcher;
  readonly targets: readonly EventTarget[];
}

/**
 * The local cloud's EventBridge event bus: rules with event patterns, PutEvents with AWS's validation and response
 * shape, and asynchronous delivery to targets with retries and dead-lettering, so local runs see the same partial
 * failures and retries as AWS.
 *
 * @example
 * ```ts
 * const bus = new LocalEventBus({ name: 'sluice', account: '123456789012', region: 'eu-west-1' });
 * bus.putRule({
 *   name: 'parquet-written',
 *   eventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'] },
 *   targets: [{ id: 'catalog-updater', invoke: async (event) => handler(event) }],
 * });
 * const response = await bus.putEvents([{ Source: 'sluice.stream-etl', DetailType: 'Batch Written', Detail: '{}' }]);
 * await bus.drain();
 * ```
 */
export class LocalEventBus {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly arn: string;
  readonly #now: () => Date;
  readonly #maxDeliveryAttempts: number;
  readonly #retryBaseDelayMs: number;
  readonly #onDeadLetter: ((deadLetter: DeadLetter) => void) | undefined;
  readonly #rules = new Map<string, Rule>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #deadLetterHandlerErrors: unknown[] = [];
  readonly #counts = { put: 0, rejected: 0, matched: 0, delivered: 0, failed: 0, deadLettered: 0 };

  /** @throws {ConfigurationError} listing every invalid option. */
  constructor(options: LocalEventBusOptions) {
    const problems = optionProblems(options);
    if (problems.length > 0) throw new ConfigurationError(problems);
    this.name = options.name;
    this.account = options.account;
    this.region = options.region;
    this.arn = `arn:aws:events:${options.region}:${options.account}:event-bus/${options.name}`;
    this.#now = options.now ?? (() => new Date());
    this.#maxDeliveryAttempts = options.maxDeliveryAttempts ?? 3;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
    this.#onDeadLetter = options.onDeadLetter;
  }

  /**
   * Creates or replaces a rule, as PutRule plus PutTargets.
   *
   * @throws {InvalidEventPatternError} when the pattern is not valid (every problem listed).
   * @throws {InvalidRuleError} for an invalid name, invalid or duplicate target ids, or more than 5 targets.
   */
  putRule(rule: RuleDefinition): { ruleArn: string } {
    assertValidRule(rule.name, rule.targets);
    const matches = compileEventPattern(rule.eventPattern);
    this.#rules.set(rule.name, { name: rule.name, matches, targets: [...rule.targets] });
    const busPath = this.name === 'default' ? '' : `${this.name}/`;
    return { ruleArn: `arn:aws:events:${this.region}:${this.account}:rule/${busPath}${rule.name}` };
  }

  /** Deletes a rule; deliveries already under way finish. Returns whether the rule existed. */
  removeRule(name: string): boolean {
    return this.#rules.delete(name);
  }

  /**
   * Accepts up to 10 entries, answering like AWS PutEvents: per-entry errors for invalid entries, the whole call
   * rejected for too many entries or more than 256 KB. Accepted entries are delivered after this resolves.
   *
   * @throws {PutEventsValidationError} when the request as a whole is invalid.
   */
  async putEvents(entries: readonly PutEventsRequestEntry[]): Promise<PutEventsResponse> {
    assertRequestWithinLimits(entries);
    const now = this.#now();
    const results = entries.map((entry): PutEventsResultEntry => {
      const checked = checkEntry(entry, { name: this.name, arn: this.arn });
      if (!('detail' in checked)) {
        this.#counts.rejected++;
        return checked;
      }
      const fields = {
        source: entry.Source,
        detailType: entry.DetailType,
        detail: checked.detail,
        resources: entry.Resources ?? [],
        time: entry.Time,
      };
      const event = buildEnvelope(fields, { account: this.account, region: this.region, now });
      this.#route(event);
      return { EventId: event.id };
    });
    const failed = results.filter((result) => 'ErrorCode' in result).length;
    return { FailedEntryCount: failed, Entries: results };
  }

  /**
   * Puts a fully-formed envelope on the bus, as AWS services do for their own events (S3 "Object Created").
   *
   * @throws {InvalidEventError} when the envelope is malformed.
   */
  publish(event: EventBridgeEvent): void {
    const problems = envelopeProblems(event);
    if (problems.length > 0) throw new InvalidEventError(problems);
    this.#route(structuredClone(event));
  }

  /**
   * Resolves once no delivery is in flight, including deliveries started by targets while draining.
   *
   * @throws {AggregateError} when `onDeadLetter` threw since the last drain, so its failures are not lost.
   */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
    const errors = this.#deadLetterHandlerErrors.splice(0);
    if (errors.length > 0) throw new AggregateError(errors, `onDeadLetter threw for ${errors.length} dead letter(s)`);
  }

  /** Counters since the bus was created. */
  stats(): EventBusStats {
    return { ...this.#counts, inFlight: this.#inFlight.size };
  }

  #route(event: EventBridgeEvent): void {
    this.#counts.put++;
    for (const rule of this.#rules.values()) {
      if (!rule.matches(event)) continue;
      this.#counts.matched++;
      for (const target of rule.targets) this.#track(this.#deliver(event, rule.name, target));
    }
  }

  async #deliver(event: EventBridgeEvent, ruleName: string, target: EventTarget): Promise<void> {
    const outcome = await deliverWithRetries({
      event,
      invoke: target.invoke,
      maxAttempts: this.#maxDeliveryAttempts,
      baseDelayMs: this.#retryBaseDelayMs,
      onAttemptFailed: () => {
        this.#counts.failed++;
      },
    });
    if (outcome.delivered) {
      this.#counts.delivered++;
      return;
    }
    this.#counts.deadLettered++;
    const deadLetter = { event, ruleName, targetId: target.id, attempts: outcome.attempts, error: outcome.error };
    try {
      this.#onDeadLetter?.(deadLetter);
    } catch (error) {
      this.#deadLetterHandlerErrors.push(error);
    }
  }

  #track(delivery: Promise<void>): void {
    this.#inFlight.add(delivery);
    void delivery.finally(() => this.#inFlight.delete(delivery));
  }
}
