/**
 * A JSON value, as state machine inputs, outputs and task payloads travel.
 *
 * @example
 * ```ts
 * const input: JsonValue = { detail: { bucket: { name: 'lake' }, object: { key: 'curated/a.parquet' } } };
 * ```
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/**
 * Port: the local Lambda stand-in. Resolves with the function's return value; a function error is thrown
 * (an `Error` whose `name` is Lambda's `errorType`, or a Lambda-shaped `{ errorType, errorMessage }`).
 *
 * @example
 * ```ts
 * const invokeFunction: InvokeFunction = (arn, payload) => localLambda.invoke(arn, payload);
 * ```
 */
export type InvokeFunction = (functionArnOrName: string, payload: JsonValue) => Promise<unknown>;

/**
 * One PutEvents entry as the Task sends it (Detail already a JSON string). Structurally the local EventBridge's
 * `PutEventsRequestEntry`, so `bus.putEvents` plugs in unchanged.
 *
 * @example
 * ```ts
 * const entry: PutEventsEntry = { EventBusName: 'default', Source: 'sluice.catalog-updater', DetailType: 'PartitionsRegistered', Detail: '{}' };
 * ```
 */
export interface PutEventsEntry {
  readonly EventBusName?: string;
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly Resources?: readonly string[];
  readonly Time?: Date;
}

/**
 * The PutEvents answer: one result per entry, an EventId or an ErrorCode and ErrorMessage.
 *
 * @example
 * ```ts
 * const output: PutEventsOutput = { FailedEntryCount: 0, Entries: [{ EventId: '8f2c…' }] };
 * ```
 */
export interface PutEventsOutput {
  readonly FailedEntryCount: number;
  readonly Entries: readonly {
    readonly EventId?: string;
    readonly ErrorCode?: string;
    readonly ErrorMessage?: string;
  }[];
}

/**
 * Port: the local EventBridge bus.
 *
 * @example
 * ```ts
 * const putEvents: PutEvents = (entries) => bus.putEvents(entries);
 * ```
 */
export type PutEvents = (entries: readonly PutEventsEntry[]) => Promise<PutEventsOutput>;

/**
 * Port: a local SQS queue, addressed by its URL (what `Ref` of an `AWS::SQS::Queue` gives).
 *
 * @example
 * ```ts
 * const sendMessage: SendMessage = async (queueUrl, body) => ({ MessageId: queues.get(queueUrl).push(body) });
 * ```
 */
export type SendMessage = (queueUrl: string, body: string) => Promise<{ readonly MessageId: string }>;

/**
 * Port: the local Glue crawlers, for the `aws-sdk:glue:startCrawler` and `aws-sdk:glue:getCrawler` tasks. An error
 * whose `name` is a Glue exception (`CrawlerRunningException`, `EntityNotFoundException`) reaches Retry and Catch as
 * `Glue.<name>`, as on AWS.
 *
 * @example
 * ```ts
 * const glue: GlueCrawlers = { startCrawler: (name) => crawler.start(name), getCrawler: (name) => crawler.get(name) };
 * ```
 */
export interface GlueCrawlers {
  startCrawler(name: string): Promise<void>;
  getCrawler(name: string): Promise<{ readonly Name: string; readonly State: string }>;
}

/**
 * Options of `LocalStateMachines`: the local services Task states call, plus local-only knobs.
 *
 * @example
 * ```ts
 * const options: LocalStateMachinesOptions = { invokeFunction, putEvents, sendMessage, retryPauseMs: 0 };
 * ```
 */
export interface LocalStateMachinesOptions {
  readonly invokeFunction: InvokeFunction;
  readonly putEvents: PutEvents;
  readonly sendMessage: SendMessage;
  /** The local Glue crawlers; without it, a crawler task fails the execution (States.Runtime). */
  readonly glue?: GlueCrawlers;
  /**
   * How long every Wait state waits, in milliseconds, replacing its Seconds/Timestamp. Leave unset to wait as
   * AWS would; set it (0 for none) when a local loop or a test should not sit through a crawler's polling.
   */
  readonly waitPauseMs?: number;
  /**
   * Pause before every retry, in milliseconds, replacing what the definition's `IntervalSeconds`, `BackoffRate`,
   * `MaxDelaySeconds` and `JitterStrategy` would give. Leave unset to wait as AWS would; set it (0 for none) when
   * a local loop or a test should not sit through real backoff. Attempt counts still follow `MaxAttempts`.
   */
  readonly retryPauseMs?: number;
  /** How many finished or running executions the history keeps, newest first; defaults to 100. */
  readonly historyLimit?: number;
  /** Clock for execution start and stop dates. */
  readonly now?: () => Date;
}

/**
 * How an execution ended. Never a rejected promise: a failing task or a Fail state is an outcome, not an
 * exception, so nothing is left unhandled when nobody awaits it.
 *
 * @example
 * ```ts
 * const outcome = await execution.result;
 * if (outcome.status !== 'SUCCEEDED') console.error(outcome.error, outcome.cause);
 * ```
 */
export type ExecutionOutcome =
  | { readonly status: 'SUCCEEDED'; readonly output: JsonValue }
  | { readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED'; readonly error: string; readonly cause: string };

/**
 * DescribeExecution's status values the local cloud produces (ABORTED only when it shuts down, see `drain`).
 *
 * @example
 * ```ts
 * const done = (status: ExecutionStatus) => status !== 'RUNNING';
 * ```
 */
export type ExecutionStatus = 'RUNNING' | ExecutionOutcome['status'];

/**
 * One execution as the status view shows it (DescribeExecution's fields).
 *
 * @example
 * ```ts
 * const failed = machines.executions().filter((record) => record.status === 'FAILED');
 * ```
 */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly input: JsonValue;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: Date;
  readonly stopDate?: Date;
}

/**
 * A started execution: its ARN at once, its outcome when it ends.
 *
 * @example
 * ```ts
 * const { executionArn, result } = machines.startExecution(arn, input);
 * ```
 */
export interface StartedExecution {
  readonly executionArn: string;
  readonly result: Promise<ExecutionOutcome>;
}

/**
 * Counters per state machine since it was registered; `failed` excludes timeouts, counted apart as on AWS.
 *
 * @example
 * ```ts
 * const { started, succeeded, failed, timedOut, running } = machines.list()[0]?.stats ?? {};
 * ```
 */
export interface StateMachineStats {
  readonly started: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timedOut: number;
  /** Stopped by `drain` because the local cloud shut down before they ended. */
  readonly aborted: number;
}

/**
 * A registered state machine, as `list()` shows it.
 *
 * @example
 * ```ts
 * for (const { name, stats } of machines.list()) console.log(name, stats.running);
 * ```
 */
export interface StateMachineSummary {
  readonly name: string;
  readonly arn: string;
  readonly stats: StateMachineStats;
}
