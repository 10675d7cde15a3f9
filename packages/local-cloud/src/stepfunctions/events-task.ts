import { asJson } from './json';
import { isObject } from './state-walk';
import { runtimeFailure, serviceFailure, TaskFailedError } from './task-failure';
import type { JsonValue, PutEvents, PutEventsEntry } from './types';

/** Which execution is publishing: Step Functions appends both ARNs to every entry's Resources. */
export interface PublishingExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
}

/**
 * `arn:aws:states:::events:putEvents`, with the optimized integration's two differences from a plain PutEvents:
 * the execution and state machine ARNs are appended to each entry's Resources, and a non-zero FailedEntryCount fails
 * the task with `EventBridge.FailedEntry`. A `Detail` given as an object is sent as its JSON text.
 *
 * @example
 * ```ts
 * await putEventsTask({ Entries: [{ Source: 's', DetailType: 'd', Detail: { a: 1 } }] }, putEvents, execution);
 * // { Entries: [{ EventId: '…' }], FailedEntryCount: 0 }
 * ```
 */
export async function putEventsTask(
  parameters: JsonValue,
  putEvents: PutEvents,
  execution: PublishingExecution,
): Promise<JsonValue> {
  if (!isObject(parameters) || !Array.isArray(parameters.Entries)) {
    throw runtimeFailure('events:putEvents needs Parameters.Entries as a list');
  }
  const entries = parameters.Entries.map((entry, index) => toEntry(entry, index, execution));
  let response: JsonValue;
  try {
    response = asJson(await putEvents(entries));
  } catch (thrown) {
    throw serviceFailure('EventBridge', thrown);
  }
  if (!isObject(response) || typeof response.FailedEntryCount !== 'number') {
    throw runtimeFailure('the local event bus answered PutEvents without a FailedEntryCount');
  }
  if (response.FailedEntryCount > 0) throw new TaskFailedError('EventBridge.FailedEntry', JSON.stringify(response));
  return response;
}

function toEntry(entry: JsonValue, index: number, execution: PublishingExecution): PutEventsEntry {
  const at = `events:putEvents Entries[${index}]`;
  if (!isObject(entry)) throw runtimeFailure(`${at} must be an object`);
  const { EventBusName, Source, DetailType, Detail, Resources, Time } = entry;
  if (typeof Source !== 'string' || typeof DetailType !== 'string' || Detail === undefined) {
    throw runtimeFailure(`${at} needs Source and DetailType strings and a Detail`);
  }
  if (Resources !== undefined && !(Array.isArray(Resources) && Resources.every((item) => typeof item === 'string'))) {
    throw runtimeFailure(`${at}.Resources must be a list of strings`);
  }
  return {
    ...(typeof EventBusName === 'string' ? { EventBusName } : {}),
    Source,
    DetailType,
    Detail: typeof Detail === 'string' ? Detail : JSON.stringify(Detail),
    Resources: [...(Resources ?? []), execution.executionArn, execution.stateMachineArn],
    ...(typeof Time === 'string' ? { Time: new Date(Time) } : {}),
  };
}
