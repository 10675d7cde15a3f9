import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError } from 'aws-local-stepfunctions';
import type { ExecutionOutcome } from './types';

/**
 * Turns the interpreter's rejection into an outcome. A failed execution rejects with an ExecutionError wrapping the
 * error of the state that ended it, whose `name` is the ASL Error (a Fail state's `Error`, a task's error type)
 * and whose `message` is the Cause.
 *
 * @example
 * ```ts
 * const outcome = await run.result.then((output) => ({ status: 'SUCCEEDED', output }), outcomeOfFailure);
 * ```
 */
export function outcomeOfFailure(error: unknown): ExecutionOutcome {
  if (error instanceof ExecutionTimeoutError) {
    return {
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'the execution ran past the TimeoutSeconds of its definition',
    };
  }
  if (error instanceof ExecutionAbortedError) {
    return { status: 'ABORTED', error: 'States.Aborted', cause: 'the local cloud stopped before the execution ended' };
  }
  const failure = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  if (failure instanceof Error) return { status: 'FAILED', error: failure.name, cause: failure.message };
  return { status: 'FAILED', error: 'Error', cause: String(failure) };
}
