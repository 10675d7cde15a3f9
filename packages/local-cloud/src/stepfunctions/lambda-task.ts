import { asJson } from './json';
import { isObject } from './state-walk';
import { lambdaFunctionFailure, runtimeFailure } from './task-failure';
import type { InvokeFunction, JsonValue } from './types';

const LAMBDA_INVOKE_PARAMETERS = new Set(['FunctionName', 'Payload', 'InvocationType']);

/**
 * `arn:aws:states:::lambda:invoke`: calls the local function with `Payload` and answers like the real integration,
 * so `ResultSelector: { "x.$": "$.Payload" }` reads the function's result as on AWS.
 *
 * @example
 * ```ts
 * await invokeLambdaTask({ FunctionName: arn, Payload: { a: 1 } }, invokeFunction);
 * // { ExecutedVersion: '$LATEST', Payload: <function result>, StatusCode: 200 }
 * ```
 */
export async function invokeLambdaTask(parameters: JsonValue, invokeFunction: InvokeFunction): Promise<JsonValue> {
  if (!isObject(parameters) || typeof parameters.FunctionName !== 'string') {
    throw runtimeFailure('lambda:invoke needs Parameters.FunctionName as a string');
  }
  const unsupported = Object.keys(parameters).filter((key) => !LAMBDA_INVOKE_PARAMETERS.has(key));
  if (unsupported.length > 0) {
    throw runtimeFailure(`lambda:invoke parameters not supported locally: ${unsupported.join(', ')}`);
  }
  const invocationType = parameters.InvocationType ?? 'RequestResponse';
  if (invocationType !== 'RequestResponse') {
    // Event and DryRun answer without the function's result; the local Lambda port only does request/response.
    throw runtimeFailure(`lambda:invoke InvocationType ${JSON.stringify(invocationType)} is not supported locally`);
  }
  // Lambda hands an invocation without a payload to the function as an empty object.
  const payload = await callFunction(invokeFunction, parameters.FunctionName, parameters.Payload ?? {});
  return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
}

/**
 * The legacy Task form whose Resource is the function's ARN: the state's input is the event and the function's
 * result is the task result, with no `Payload` envelope.
 *
 * @example
 * ```ts
 * await invokeFunctionArnTask('arn:aws:lambda:us-east-1:000000000000:function:f', input, invokeFunction);
 * ```
 */
export function invokeFunctionArnTask(
  functionArn: string,
  input: JsonValue,
  invokeFunction: InvokeFunction,
): Promise<JsonValue> {
  return callFunction(invokeFunction, functionArn, input);
}

async function callFunction(invokeFunction: InvokeFunction, functionName: string, payload: JsonValue) {
  let result: unknown;
  try {
    // The function gets its own copy, as it would after Lambda deserialized the request.
    result = await invokeFunction(functionName, asJson(payload));
  } catch (thrown) {
    throw lambdaFunctionFailure(thrown);
  }
  return asJson(result);
}
