/**
 * The local cloud's EventBridge: an in-process event bus with AWS's pattern matching, PutEvents validation and
 * delivery retries, plus a JSON 1.1 endpoint so the AWS SDK and CLI can PutEvents to it.
 */
export type { DeadLetter, EventBusStats, EventTarget, LocalEventBusOptions, RuleDefinition } from './bus-definitions';
export {
  EventBridgeError,
  InvalidEventError,
  InvalidEventPatternError,
  InvalidRuleError,
  PutEventsValidationError,
} from './errors';
export { formatEventTime } from './event-envelope';
export { compileEventPattern, type EventMatcher, matchesPattern, validatePattern } from './event-pattern';
export { createEventBridgeRequestHandler, type RequestHandler } from './eventbridge-endpoint';
export { LocalEventBus } from './local-event-bus';
export {
  PUT_EVENTS_LIMITS,
  type PutEventsRequestEntry,
  type PutEventsResponse,
  type PutEventsResultEntry,
} from './put-events-request';
export type { EventBridgeEvent, EventPattern, LeafValue } from './types';
