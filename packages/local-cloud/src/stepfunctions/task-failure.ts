/**
 * A Task state's failure, shaped for the interpreter: aws-local-stepfunctions matches Retry and Catch `ErrorEquals`
 * against `name`, reports `message` as the Cause, and honours `isRetryable` / `isCatchable` — which is how a
 * `States.Runtime` failure stays out of reach of `States.ALL`, as on AWS.
 *
 * @example
 * ```ts
 * throw new TaskFailedError('EventBridge.FailedEntry', JSON.stringify(response));
 * ```
 */
export class TaskFailedError extends Error {
  readonly isRetryable: boolean;
  readonly isCatchable: boolean;

  constructor(
    error: string,
    cause: string,
    options: { readonly retryable?: boolean; readonly catchable?: boolean } = {},
  ) {
    super(cause);
    this.name = error;
    this.isRetryable = options.retryable ?? true;
    this.isCatchable = options.catchable ?? true;
  }
}

/**
 * A mismatch between the definition and what the local cloud can do (bad Parameters, unsupported Resource). AWS
 * refuses most of these at deploy time; locally they fail the execution outright instead of being retried or routed
 * into a Catch where they would look like an ordinary task failure.
 *
 * @example
 * ```ts
 * throw runtimeFailure('lambda:invoke needs Parameters.FunctionName as a string');
 * ```
 */
export function runtimeFailure(cause: string): TaskFailedError {
  return new TaskFailedError('States.Runtime', cause, { retryable: false, catchable: false });
}

/**
 * A Lambda function error as Step Functions reports it: Error is the function's `errorType`, Cause the serialized
 * error payload `{ errorType, errorMessage, trace }`.
 *
 * @example
 * ```ts
 * lambdaFunctionFailure(new TypeError('x is undefined')).name; // 'TypeError'
 * ```
 */
export function lambdaFunctionFailure(thrown: unknown): TaskFailedError {
  const payload = lambdaErrorPayload(thrown);
  return new TaskFailedError(payload.errorType, JSON.stringify(payload));
}

/**
 * A local service that threw (the bus, the queue): `Service.ExceptionName`, as Step Functions names the errors of
 * its service integrations.
 *
 * @example
 * ```ts
 * serviceFailure('SQS', new Error('no such queue')).name; // 'SQS.Error'
 * ```
 */
export function serviceFailure(service: string, thrown: unknown): TaskFailedError {
  const exception =
    isRecord(thrown) && typeof thrown.awsErrorType === 'string' ? thrown.awsErrorType : errorName(thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new TaskFailedError(`${service}.${exception}`, message);
}

interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

function lambdaErrorPayload(thrown: unknown): LambdaErrorPayload {
  // A stand-in that already speaks Lambda's error shape (FunctionError payload) keeps its errorType.
  if (isRecord(thrown) && typeof thrown.errorType === 'string') {
    const { errorType, errorMessage, trace } = thrown;
    return {
      errorType,
      errorMessage: typeof errorMessage === 'string' ? errorMessage : '',
      trace: Array.isArray(trace) ? trace.map(String) : [],
    };
  }
  if (thrown instanceof Error) {
    return { errorType: thrown.name, errorMessage: thrown.message, trace: thrown.stack?.split('\n') ?? [] };
  }
  return { errorType: 'Error', errorMessage: String(thrown), trace: [] };
}

function errorName(thrown: unknown): string {
  return thrown instanceof Error ? thrown.name : 'Error';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
