import { type PublishingExecution, putEventsTask } from './events-task';
import { crawlerTask, isCrawlerAction } from './glue-task';
import { invokeFunctionArnTask, invokeLambdaTask } from './lambda-task';
import { sendMessageTask } from './sqs-task';
import { runtimeFailure } from './task-failure';
import type { GlueCrawlers, InvokeFunction, JsonValue, PutEvents, SendMessage } from './types';

/** The local services a Task state may call. */
export interface TaskPorts {
  readonly invokeFunction: InvokeFunction;
  readonly putEvents: PutEvents;
  readonly sendMessage: SendMessage;
  readonly glue?: GlueCrawlers;
}

/** What aws-local-stepfunctions calls in place of a Task's Resource, with the state's effective input. */
export type TaskHandler = (input: JsonValue) => Promise<JsonValue>;

const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
const SUPPORTED_RESOURCES =
  'arn:aws:states:::lambda:invoke, arn:aws:states:::events:putEvents, arn:aws:states:::sqs:sendMessage, ' +
  'arn:aws:states:::aws-sdk:glue:startCrawler, arn:aws:states:::aws-sdk:glue:getCrawler, a Lambda function ARN';

/**
 * The local implementation of a Task's Resource. Every Task gets one, supported or not: a Task left without an
 * override would make aws-local-stepfunctions call the real AWS Lambda API.
 *
 * @example
 * ```ts
 * const handler = taskHandlerFor('arn:aws:states:::lambda:invoke', ports, execution);
 * await handler({ FunctionName: arn, Payload: {} });
 * ```
 */
export function taskHandlerFor(resource: string, ports: TaskPorts, execution: PublishingExecution): TaskHandler {
  // `.sync` and `.waitForTaskToken` variants fall through to the unsupported branch on purpose.
  const integration = /^arn:aws[a-z-]*:states:::(.+)$/.exec(resource)?.[1];
  switch (integration) {
    case 'lambda:invoke':
      return (input) => invokeLambdaTask(input, ports.invokeFunction);
    case 'events:putEvents':
      return (input) => putEventsTask(input, ports.putEvents, execution);
    case 'sqs:sendMessage':
      return (input) => sendMessageTask(input, ports.sendMessage);
  }
  const glueAction = /^aws-sdk:glue:(\w+)$/.exec(integration ?? '')?.[1];
  if (isCrawlerAction(glueAction)) return (input) => crawlerTask(glueAction, input, ports.glue);
  if (FUNCTION_ARN.test(resource)) return (input) => invokeFunctionArnTask(resource, input, ports.invokeFunction);
  return async () => {
    throw runtimeFailure(
      `Resource ${resource} is not supported by the local cloud's Step Functions (supported: ${SUPPORTED_RESOURCES})`,
    );
  };
}
