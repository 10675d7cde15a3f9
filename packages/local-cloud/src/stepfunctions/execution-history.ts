import type { ExecutionRecord } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A record the execution updates in place when it ends; the history hands out copies. */
export type LiveExecutionRecord = Mutable<ExecutionRecord>;

/**
 * The last `limit` executions in memory, for a status view. Bounded because the local cloud runs for hours and an
 * execution per curated object adds up; nothing is persisted.
 *
 * @example
 * ```ts
 * const history = new ExecutionHistory(100);
 * history.add(record);
 * history.list()[0]; // the newest
 * ```
 */
export class ExecutionHistory {
  readonly #limit: number;
  // Oldest first, so eviction is a shift.
  readonly #records: LiveExecutionRecord[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(record: LiveExecutionRecord): void {
    this.#records.push(record);
    if (this.#records.length > this.#limit) this.#records.shift();
  }

  /** Newest first, as ListExecutions orders them. */
  list(): ExecutionRecord[] {
    return this.#records.map(snapshot).reverse();
  }

  find(executionArn: string): ExecutionRecord | undefined {
    const record = this.#records.find((candidate) => candidate.executionArn === executionArn);
    return record === undefined ? undefined : snapshot(record);
  }
}

function snapshot(record: LiveExecutionRecord): ExecutionRecord {
  return Object.freeze({ ...record });
}
