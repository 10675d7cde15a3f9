import { SluiceError } from '@sluice/core';

/**
 * Base of the local Step Functions' errors. `awsErrorType` is the exception name the real service answers with,
 * so a future HTTP endpoint can report what an AWS SDK client would see.
 *
 * @example
 * ```ts
 * if (error instanceof StepFunctionsError) reply(400, { __type: error.awsErrorType, message: error.message });
 * ```
 */
export class StepFunctionsError extends SluiceError {
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
 * A CloudFormation intrinsic in a state machine definition that cannot be turned into a plain value locally.
 * `path` is the JSON Pointer of the offending value inside the definition.
 *
 * @example
 * ```ts
 * resolveDefinition({ StartAt: { 'Fn::ImportValue': 'x' } }, context);
 * // throws UnresolvableIntrinsicError: /StartAt: Fn::ImportValue is not supported locally (...)
 * ```
 */
export class UnresolvableIntrinsicError extends StepFunctionsError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super('UNRESOLVABLE_INTRINSIC', 'InvalidDefinition', `${path || '/'}: ${reason}`);
  }
}

/**
 * A definition refused at registration, as CreateStateMachine refuses it: every problem listed at once.
 *
 * @example
 * ```ts
 * try {
 *   machines.register({ name, arn, definition });
 * } catch (error) {
 *   if (error instanceof InvalidDefinitionError) console.error(error.problems);
 * }
 * ```
 */
export class InvalidDefinitionError extends StepFunctionsError {
  constructor(
    readonly stateMachineName: string,
    readonly problems: readonly string[],
  ) {
    super(
      'INVALID_DEFINITION',
      'InvalidDefinition',
      `state machine ${stateMachineName} has an invalid definition:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/**
 * A valid definition using features the local interpreter (aws-local-stepfunctions) cannot run; refused rather
 * than run differently from AWS.
 *
 * @example
 * ```ts
 * machines.register({ name, arn, definition: distributedMapDefinition }); // throws UnsupportedLocallyError
 * ```
 */
export class UnsupportedLocallyError extends StepFunctionsError {
  constructor(
    readonly stateMachineName: string,
    readonly features: readonly string[],
  ) {
    super(
      'UNSUPPORTED_LOCALLY',
      'InvalidDefinition',
      `state machine ${stateMachineName} uses features the local cloud cannot run:\n  - ${features.join('\n  - ')}`,
    );
  }
}

/**
 * A second registration under an ARN already taken, as CreateStateMachine answers.
 *
 * @example
 * ```ts
 * machines.register(machine);
 * machines.register(machine); // throws StateMachineAlreadyExistsError
 * ```
 */
export class StateMachineAlreadyExistsError extends StepFunctionsError {
  constructor(readonly stateMachineArn: string) {
    super('STATE_MACHINE_EXISTS', 'StateMachineAlreadyExists', `State Machine Already Exists: '${stateMachineArn}'`);
  }
}

/**
 * StartExecution on an ARN nobody registered.
 *
 * @example
 * ```ts
 * machines.startExecution('arn:aws:states:us-east-1:000000000000:stateMachine:nope', {}); // throws
 * ```
 */
export class StateMachineDoesNotExistError extends StepFunctionsError {
  constructor(readonly stateMachineArn: string) {
    super(
      'STATE_MACHINE_DOES_NOT_EXIST',
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${stateMachineArn}'`,
    );
  }
}
