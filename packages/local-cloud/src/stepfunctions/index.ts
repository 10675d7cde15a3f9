/**
 * The local cloud's Step Functions: the deployed state machine definitions (as `serverless print` gives them),
 * resolved to plain ASL, validated with asl-validator and run by aws-local-stepfunctions, with Task states calling
 * the local Lambda, EventBridge and SQS stand-ins.
 */
import './promise-with-resolvers';

export {
  InvalidDefinitionError,
  StateMachineAlreadyExistsError,
  StateMachineDoesNotExistError,
  StepFunctionsError,
  UnresolvableIntrinsicError,
  UnsupportedLocallyError,
} from './errors';
export { localGlueCrawlers } from './local-glue';
export { LocalStateMachines } from './local-state-machine';
export { type ResolverContext, resolveDefinition } from './resolve-definition';
export type {
  ExecutionOutcome,
  ExecutionRecord,
  ExecutionStatus,
  GlueCrawlers,
  InvokeFunction,
  JsonObject,
  JsonValue,
  LocalStateMachinesOptions,
  PutEvents,
  PutEventsEntry,
  PutEventsOutput,
  SendMessage,
  StartedExecution,
  StateMachineStats,
  StateMachineSummary,
} from './types';
