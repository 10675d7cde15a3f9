import { SluiceError } from '@sluice/core';

/**
 * Base of the local EventBridge's errors. `awsErrorType` is the `__type` the real service answers with, so the
 * HTTP endpoint can report the same error an AWS SDK client would see from AWS.
 *
 * @example
 * ```ts
 * if (error instanceof EventBridgeError) reply(400, { __type: error.awsErrorType, message: error.message });
 * ```
 */
export class EventBridgeError extends SluiceError {
  constructor(
    code: string,
    readonly awsErrorType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/**
 * An event pattern EventBridge would reject; lists every problem at once.
 *
 * @example
 * ```ts
 * try {
 *   bus.putRule({ name: 'r', eventPattern: { source: 'aws.s3' }, targets: [] });
 * } catch (error) {
 *   if (error instanceof InvalidEventPatternError) console.error(error.problems);
 * }
 * ```
 */
export class InvalidEventPatternError extends EventBridgeError {
  constructor(readonly problems: readonly string[]) {
    super(
      'INVALID_EVENT_PATTERN',
      'InvalidEventPatternException',
      `Event pattern is not valid. Reason: ${problems.join('; ')}`,
    );
  }
}

/**
 * A rule definition (name or targets) EventBridge would reject.
 *
 * @example
 * ```ts
 * bus.putRule({ name: 'has space', eventPattern: { source: ['x'] }, targets: [] }); // throws InvalidRuleError
 * ```
 */
export class InvalidRuleError extends EventBridgeError {
  constructor(awsErrorType: 'ValidationException' | 'LimitExceededException', message: string) {
    super('INVALID_RULE', awsErrorType, message);
  }
}

/**
 * A PutEvents request rejected as a whole, as AWS does for too many entries or an oversized batch.
 *
 * @example
 * ```ts
 * await bus.putEvents(elevenEntries); // rejects with PutEventsValidationError (awsErrorType 'ValidationException')
 * ```
 */
export class PutEventsValidationError extends EventBridgeError {
  constructor(message: string) {
    super('PUT_EVENTS_VALIDATION', 'ValidationException', message);
  }
}

/**
 * An envelope handed to `publish` that is not a well-formed EventBridge event.
 *
 * @example
 * ```ts
 * bus.publish({ ...event, account: 'me' }); // throws InvalidEventError: account must be a 12-digit account id
 * ```
 */
export class InvalidEventError extends EventBridgeError {
  constructor(readonly problems: readonly string[]) {
    super('INVALID_EVENT', 'ValidationException', `invalid EventBridge event:\n  - ${problems.join('\n  - ')}`);
  }
}
