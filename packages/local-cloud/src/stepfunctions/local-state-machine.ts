import './promise-with-resolvers';
import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '@sluice/core';
import { type RunOptions, StateMachine } from 'aws-local-stepfunctions';
import { assertRunnableLocally } from './definition-checks';
import { StateMachineAlreadyExistsError, StateMachineDoesNotExistError } from './errors';
import { ExecutionHistory, type LiveExecutionRecord } from './execution-history';
import { outcomeOfFailure } from './execution-outcome';
import { asJson } from './json';
import { walkStates } from './state-walk';
import { type TaskPorts, taskHandlerFor } from './task-dispatch';
import type {
  ExecutionOutcome,
  ExecutionRecord,
  JsonObject,
  JsonValue,
  LocalStateMachinesOptions,
  StartedExecution,
  StateMachineSummary,
} from './types';

interface RegisteredMachine {
  readonly name: string;
  readonly arn: string;
  readonly machine: StateMachine;
  /** Task state name → Resource, nested states included. */
  readonly taskResources: ReadonlyMap<string, string>;
  /** States with a Retry field, for the optional pause override. */
  readonly retryingStates: readonly string[];
  /** Wait states, for the optional wait override. */
  readonly waitStates: readonly string[];
  readonly stats: {
    started: number;
    running: number;
    succeeded: number;
    failed: number;
    timedOut: number;
    aborted: number;
  };
}

/**
 * The local cloud's Step Functions: runs the deployed ASL with aws-local-stepfunctions, Task states dispatched by
 * Resource to the local Lambda, EventBridge and SQS stand-ins, Retry and Catch applying as on AWS.
 *
 * @example
 * ```ts
 * const machines = new LocalStateMachines({
 *   invokeFunction: (arn, payload) => lambdas.invoke(arn, payload),
 *   putEvents: (entries) => bus.putEvents(entries),
 *   sendMessage: (queueUrl, body) => queues.send(queueUrl, body),
 * });
 * machines.register({ name: 'sluice-dev-catalog-update', arn, definition: resolveDefinition(definition, context) });
 * const { executionArn, result } = machines.startExecution(arn, objectCreatedEvent);
 * const outcome = await result; // { status: 'SUCCEEDED', output } or { status: 'FAILED', error, cause }
 * ```
 */
export class LocalStateMachines {
  readonly #ports: TaskPorts;
  readonly #retryPauseMs: number | undefined;
  readonly #waitPauseMs: number | undefined;
  readonly #now: () => Date;
  readonly #machines = new Map<string, RegisteredMachine>();
  readonly #history: ExecutionHistory;
  /** Executions not yet ended, by ARN, so shutdown can wait for them or stop them. */
  readonly #running = new Map<string, { readonly abort: () => void; readonly result: Promise<ExecutionOutcome> }>();

  /** @throws {ConfigurationError} listing every invalid option. */
  constructor(options: LocalStateMachinesOptions) {
    const problems = optionProblems(options);
    if (problems.length > 0) throw new ConfigurationError(problems);
    this.#ports = {
      invokeFunction: options.invokeFunction,
      putEvents: options.putEvents,
      sendMessage: options.sendMessage,
      ...(options.glue ? { glue: options.glue } : {}),
    };
    this.#retryPauseMs = options.retryPauseMs;
    this.#waitPauseMs = options.waitPauseMs;
    this.#now = options.now ?? (() => new Date());
    this.#history = new ExecutionHistory(options.historyLimit ?? 100);
  }

  /**
   * Creates a state machine, as CreateStateMachine: the definition (plain ASL, see `resolveDefinition`) is validated
   * with asl-validator and refused with its messages when invalid.
   *
   * @throws {InvalidDefinitionError} when asl-validator rejects the definition.
   * @throws {UnsupportedLocallyError} when it uses features the local interpreter cannot run.
   * @throws {StateMachineAlreadyExistsError} when the ARN is taken.
   */
  register(machine: {
    readonly name: string;
    readonly arn: string;
    readonly definition: JsonObject;
  }): StateMachineSummary {
    if (this.#machines.has(machine.arn)) throw new StateMachineAlreadyExistsError(machine.arn);
    // A private copy: the caller may go on editing its object, the registered machine must not change.
    const definition = structuredClone(machine.definition);
    assertRunnableLocally(machine.name, definition);
    const states = [...walkStates(definition)];
    const registered: RegisteredMachine = {
      name: machine.name,
      arn: machine.arn,
      // Validated above with asl-validator 4; the interpreter's own check uses the older asl-validator 3.
      machine: new StateMachine(definition, { validationOptions: { noValidate: true } }),
      taskResources: new Map(
        states.flatMap(({ name, state }) =>
          state.Type === 'Task' && typeof state.Resource === 'string' ? [[name, state.Resource] as const] : [],
        ),
      ),
      retryingStates: states.filter(({ state }) => 'Retry' in state).map(({ name }) => name),
      waitStates: states.filter(({ state }) => state.Type === 'Wait').map(({ name }) => name),
      stats: { started: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0 },
    };
    this.#machines.set(machine.arn, registered);
    return summarize(registered);
  }

  /**
   * Starts an execution, as StartExecution. `result` resolves with the outcome and never rejects, so an execution
   * nobody awaits cannot crash the process with an unhandled rejection.
   *
   * @throws {StateMachineDoesNotExistError} when no machine has this ARN.
   */
  startExecution(stateMachineArn: string, input: JsonValue = {}): StartedExecution {
    const registered = this.#machines.get(stateMachineArn);
    if (registered === undefined) throw new StateMachineDoesNotExistError(stateMachineArn);
    const name = randomUUID();
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const record: LiveExecutionRecord = {
      executionArn,
      stateMachineArn,
      name,
      status: 'RUNNING',
      input: asJson(input),
      startDate: this.#now(),
    };
    this.#history.add(record);
    registered.stats.started++;
    registered.stats.running++;
    const run = registered.machine.run(asJson(input), {
      overrides: this.#overrides(registered, { executionArn, stateMachineArn }),
      // What `$$.Execution.Id` and friends read; the interpreter adds Input and StartTime.
      context: {
        Execution: { Id: executionArn, Name: name },
        StateMachine: { Id: stateMachineArn, Name: registered.name },
      },
    });
    const result = run.result
      .then((output): ExecutionOutcome => ({ status: 'SUCCEEDED', output: asJson(output) }), outcomeOfFailure)
      .then((outcome) => {
        this.#running.delete(executionArn);
        this.#settle(registered, record, outcome);
        return outcome;
      });
    this.#running.set(executionArn, { abort: run.abort, result });
    return { executionArn, result };
  }

  /**
   * Waits until no execution is running (executions started meanwhile included), for at most `timeoutMs`;
   * then aborts those still running, waits for them to end as ABORTED, and returns their ARNs. For shutdown:
   * an execution left running would go on calling its tasks, and writing files, after the local cloud closed.
   */
  async drain(timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.#running.size > 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const everyResult = Promise.all([...this.#running.values()].map((execution) => execution.result));
      if ((await settledWithin(everyResult, remaining)) === 'timed out') break;
    }
    const abandoned = [...this.#running];
    for (const [, execution] of abandoned) execution.abort();
    await Promise.all(abandoned.map(([, execution]) => execution.result));
    return abandoned.map(([executionArn]) => executionArn);
  }

  /** Registered machines with their counters. */
  list(): StateMachineSummary[] {
    return [...this.#machines.values()].map(summarize);
  }

  /** The last executions (all machines), newest first, running ones included. */
  executions(): ExecutionRecord[] {
    return this.#history.list();
  }

  /** One execution from the bounded history; undefined once it has been evicted. */
  describeExecution(executionArn: string): ExecutionRecord | undefined {
    return this.#history.find(executionArn);
  }

  #overrides(registered: RegisteredMachine, execution: { executionArn: string; stateMachineArn: string }) {
    const overrides: NonNullable<RunOptions['overrides']> = {
      taskResourceLocalHandlers: Object.fromEntries(
        [...registered.taskResources].map(([state, resource]) => [
          state,
          taskHandlerFor(resource, this.#ports, execution),
        ]),
      ),
    };
    const pause = this.#retryPauseMs;
    if (pause !== undefined) {
      overrides.retryIntervalOverrides = Object.fromEntries(registered.retryingStates.map((state) => [state, pause]));
    }
    const wait = this.#waitPauseMs;
    if (wait !== undefined) {
      overrides.waitTimeOverrides = Object.fromEntries(registered.waitStates.map((state) => [state, wait]));
    }
    return overrides;
  }

  #settle(registered: RegisteredMachine, record: LiveExecutionRecord, outcome: ExecutionOutcome): void {
    registered.stats.running--;
    record.status = outcome.status;
    record.stopDate = this.#now();
    if (outcome.status === 'SUCCEEDED') {
      registered.stats.succeeded++;
      record.output = outcome.output;
      return;
    }
    if (outcome.status === 'TIMED_OUT') registered.stats.timedOut++;
    else if (outcome.status === 'ABORTED') registered.stats.aborted++;
    else registered.stats.failed++;
    record.error = outcome.error;
    record.cause = outcome.cause;
  }
}

/** Resolves 'settled' when `promise` settles, or 'timed out' after `ms`, whichever is first. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'settled' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function summarize({ name, arn, stats }: RegisteredMachine): StateMachineSummary {
  return { name, arn, stats: { ...stats } };
}

function optionProblems(options: LocalStateMachinesOptions): string[] {
  const problems: string[] = [];
  for (const port of ['invokeFunction', 'putEvents', 'sendMessage'] as const) {
    if (typeof options[port] !== 'function') problems.push(`${port} must be a function`);
  }
  const { retryPauseMs, waitPauseMs, historyLimit } = options;
  if (retryPauseMs !== undefined && !(Number.isFinite(retryPauseMs) && retryPauseMs >= 0)) {
    problems.push('retryPauseMs must be a number of milliseconds >= 0');
  }
  if (waitPauseMs !== undefined && !(Number.isFinite(waitPauseMs) && waitPauseMs >= 0)) {
    problems.push('waitPauseMs must be a number of milliseconds >= 0');
  }
  if (historyLimit !== undefined && !(Number.isInteger(historyLimit) && historyLimit > 0)) {
    problems.push('historyLimit must be a positive integer');
  }
  return problems;
}
