import type { LocalBuckets } from '@sluice/adapters-local';
import { SluiceError } from '@sluice/core';
import type { LocalLambda } from '../runtime/local-lambda';
import { S3Error } from '../s3';
import type { FaultPlan } from './fault-plan';

/** How often each fault actually fired: a fault test that injected nothing proves nothing. */
export interface FaultCounts {
  s3PutFailures: number;
  functionFailures: number;
  duplicateDeliveries: number;
}

/** What a function under an injected outage throws; the state machine sees its name as the Lambda errorType. */
export class InjectedOutageError extends SluiceError {
  constructor(functionName: string) {
    super('INJECTED_OUTAGE', `${functionName}: the warehouse is unavailable (injected fault)`);
  }
}

const matches = (functionName: string, target: string) =>
  functionName === target || functionName.endsWith(`-${target}`) || functionName.endsWith(`:${target}`);

/**
 * Applies a fault plan to the local cloud's seams and counts what it injected. The wrappers change nothing
 * once their budget is spent, so "after recovery" is simply the rest of the run.
 */
export class FaultInjector {
  readonly counts: FaultCounts = { s3PutFailures: 0, functionFailures: 0, duplicateDeliveries: 0 };
  #s3FailuresLeft: number;
  #outagesLeft: number;
  #invocationsSeen = 0;

  constructor(readonly plan: FaultPlan) {
    this.#s3FailuresLeft = plan.s3PutFailures?.times ?? 0;
    this.#outagesLeft = plan.functionOutage?.failures ?? 0;
  }

  /** The buckets as the S3 endpoint should see them: PutObject fails while the plan says so. */
  s3Buckets(buckets: LocalBuckets): LocalBuckets {
    const fault = this.plan.s3PutFailures;
    if (!fault) return buckets;
    const prefix = fault.keyPrefix ?? '';
    return new Proxy(buckets, {
      get: (target, property) => {
        if (property !== 'bucket') return Reflect.get(target, property, target);
        return (name: string) => {
          const store = target.bucket(name);
          return new Proxy(store, {
            get: (storeTarget, storeProperty) => {
              const value = Reflect.get(storeTarget, storeProperty, storeTarget);
              if (storeProperty !== 'putObject' || typeof value !== 'function') return value;
              return (key: string, ...rest: unknown[]) => {
                if (this.#s3FailuresLeft > 0 && key.startsWith(prefix)) {
                  this.#s3FailuresLeft--;
                  this.counts.s3PutFailures++;
                  throw new S3Error('InternalError', `injected fault: PutObject ${key} failed`);
                }
                return (value as (...args: unknown[]) => unknown).call(storeTarget, key, ...rest);
              };
            },
          });
        };
      },
    });
  }

  /** Wraps the Lambda stand-in's invoke with the plan's outage and duplicate delivery. */
  wrapLambda(lambda: LocalLambda): void {
    const invoke = lambda.invoke.bind(lambda);
    const outage = this.plan.functionOutage;
    const duplicate = this.plan.duplicateDelivery;
    lambda.invoke = async (nameOrArn: string, event: unknown): Promise<unknown> => {
      if (outage && this.#outagesLeft > 0 && matches(nameOrArn, outage.function ?? 'loadWarehouse')) {
        this.#outagesLeft--;
        this.counts.functionFailures++;
        throw new InjectedOutageError(nameOrArn);
      }
      if (duplicate && matches(nameOrArn, duplicate.function ?? 'processStream')) {
        this.#invocationsSeen++;
        if (this.#invocationsSeen % (duplicate.every ?? 1) === 0) {
          // The first delivery's outcome is lost, as when Lambda retries after a timeout that did the work.
          await invoke(nameOrArn, event);
          this.counts.duplicateDeliveries++;
        }
      }
      return invoke(nameOrArn, event);
    };
  }
}
