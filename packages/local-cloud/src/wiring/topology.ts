import { SluiceError } from '@sluice/core';
import { LOCAL_ACCOUNT_ID as LOCAL_ACCOUNT, LOCAL_REGION } from '../kinesis';
import { type JsonObject, type ResolverContext, resolveDefinition } from '../stepfunctions';
import type { PrintedService } from './serverless-print';

/** A `serverless.yml` declares something the local cloud cannot run: the topology would drift. */
export class NoLocalCounterpartError extends SluiceError {
  constructor(where: string, what: string) {
    super('NO_LOCAL_COUNTERPART', `${where}: ${what} has no local counterpart in the local cloud`);
  }
}

export interface StreamEventSource {
  readonly type: 'stream';
  readonly streamName: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly bisectBatchOnFunctionError: boolean;
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeInSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly onFailureDestination?: string;
}
export interface HttpApiRoute {
  readonly type: 'httpApi';
  readonly method: string;
  readonly path: string;
}
export interface ScheduleSource {
  readonly type: 'schedule';
  readonly expression: string;
}
export interface EventBridgeRuleSource {
  readonly type: 'eventBridge';
  readonly pattern: JsonObject;
}
export type FunctionEventSource = StreamEventSource | HttpApiRoute | ScheduleSource | EventBridgeRuleSource;

export interface LocalFunction {
  readonly service: string;
  readonly key: string;
  /** The deployed name (`<service>-<stage>-<key>`), also what other stacks call it by. */
  readonly name: string;
  readonly arn: string;
  /** Module path relative to the service directory, without extension, and the export to call. */
  readonly modulePath: string;
  readonly exportName: string;
  readonly timeoutSeconds: number;
  readonly environment: Record<string, string>;
  readonly events: FunctionEventSource[];
}

export interface LocalStateMachine {
  readonly service: string;
  readonly key: string;
  readonly name: string;
  readonly arn: string;
  readonly definition: JsonObject;
  /** EventBridge rule patterns that start it. */
  readonly rules: { name: string; pattern: JsonObject; maximumRetryAttempts?: number }[];
}

export interface ServiceTopology {
  readonly key: string;
  readonly dir: string;
  readonly functions: LocalFunction[];
  readonly stateMachines: LocalStateMachine[];
  /** Logical id → physical name/URL for the resources the service owns (bucket, queues, stream...). */
  readonly resourceNames: Record<string, string>;
  /** The resources the service owns, with resolved properties (the local cloud creates streams and buckets). */
  readonly resources: { logicalId: string; type: string; name: string; properties: Record<string, unknown> }[];
}

const NAME_PROPERTIES = ['BucketName', 'QueueName', 'Name', 'WorkgroupName', 'NamespaceName', 'LogGroupName'];
const arnService: Record<string, string> = {
  'AWS::S3::Bucket': 's3',
  'AWS::SQS::Queue': 'sqs',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::IAM::Role': 'iam',
  'AWS::Logs::LogGroup': 'logs',
};

function baseContext(functionArn: (key: string) => string | undefined): ResolverContext {
  return { region: LOCAL_REGION, accountId: LOCAL_ACCOUNT, partition: 'aws', functionArn, refs: {}, attributes: {} };
}

function resolveValue(value: unknown, context: ResolverContext): unknown {
  return resolveDefinition({ value } as JsonObject, context).value;
}

/** Physical names for the service's own resources, so `Ref`/`Fn::GetAtt` in env vars resolve locally. */
function resourceContext(printed: PrintedService, functionArn: (key: string) => string | undefined): ResolverContext {
  const context = baseContext(functionArn);
  const refs: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const [logicalId, resource] of Object.entries(printed.resources?.Resources ?? {})) {
    const nameProperty = NAME_PROPERTIES.find((p) => typeof resource.Properties?.[p] !== 'undefined');
    const resolved = nameProperty ? resolveValue(resource.Properties?.[nameProperty], context) : undefined;
    const name = typeof resolved === 'string' ? resolved : logicalId;
    const service = arnService[resource.Type] ?? resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
    const arn =
      service === 's3' ? `arn:aws:s3:::${name}` : `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${name}`;
    refs[logicalId] = resource.Type === 'AWS::SQS::Queue' ? `local://sqs/${name}` : name;
    attributes[`${logicalId}.Arn`] = arn;
  }
  return { ...context, refs, attributes };
}

function streamNameOf(arn: unknown): string {
  const text = String(arn);
  const name = text.split(':stream/')[1];
  if (!name) throw new Error(`cannot read a stream name from ${text}`);
  return name;
}

function parseEvent(where: string, event: Record<string, unknown>, context: ResolverContext): FunctionEventSource {
  const [type, raw] = Object.entries(event)[0] ?? [];
  if (type === 'httpApi') {
    if (typeof raw === 'string') {
      const [method = '', path = ''] = raw.split(' ');
      return { type, method: method.toUpperCase(), path };
    }
    const route = raw as { method: string; path: string };
    return { type, method: route.method.toUpperCase(), path: route.path };
  }
  if (type === 'schedule') {
    const expression = typeof raw === 'string' ? raw : (raw as { rate: string | string[] }).rate;
    return { type, expression: Array.isArray(expression) ? String(expression[0]) : expression };
  }
  if (type === 'eventBridge' || type === 'cloudwatchEvent') {
    const rule = raw as { event?: unknown; pattern?: unknown; eventBus?: unknown };
    const pattern = rule.event ?? rule.pattern;
    if (!pattern)
      throw new NoLocalCounterpartError(where, `an ${type} event without a pattern (schedules are "schedule" events)`);
    if (rule.eventBus !== undefined && rule.eventBus !== 'default') {
      throw new NoLocalCounterpartError(
        where,
        `the event bus ${JSON.stringify(rule.eventBus)} (only the default bus runs locally)`,
      );
    }
    return { type: 'eventBridge', pattern: resolveValue(pattern, context) as JsonObject };
  }
  if (type === 'stream') {
    const s = resolveValue(raw, context) as Record<string, unknown>;
    if (s.type !== 'kinesis') throw new NoLocalCounterpartError(where, `a ${String(s.type)} stream`);
    const onFailure = (s.destinations as { onFailure?: { arn?: unknown } | string } | undefined)?.onFailure;
    return {
      type,
      streamName: streamNameOf(s.arn),
      batchSize: Number(s.batchSize ?? 100),
      maximumBatchingWindowInSeconds: Number(s.batchWindow ?? 0),
      bisectBatchOnFunctionError: s.bisectBatchOnFunctionError === true,
      maximumRetryAttempts: Number(s.maximumRetryAttempts ?? -1),
      maximumRecordAgeInSeconds: Number(s.maximumRecordAgeInSeconds ?? -1),
      reportBatchItemFailures: s.functionResponseType === 'ReportBatchItemFailures',
      startingPosition: s.startingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
      ...(onFailure ? { onFailureDestination: String(typeof onFailure === 'string' ? onFailure : onFailure.arn) } : {}),
    };
  }
  throw new NoLocalCounterpartError(where, `the event "${type}"`);
}

function stringEnvironment(
  where: string,
  env: Record<string, unknown>,
  context: ResolverContext,
): Record<string, string> {
  const resolved = resolveValue(env, context) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(resolved).map(([name, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new NoLocalCounterpartError(where, `environment variable ${name}=${JSON.stringify(value)}`);
      }
      return [name, String(value)];
    }),
  );
}

/** The local topology of one service, read from its resolved serverless.yml. */
export function serviceTopology(key: string, dir: string, printed: PrintedService): ServiceTopology {
  const functionName = (fnKey: string) => printed.functions?.[fnKey]?.name;
  const functionArn = (fnKey: string) => {
    const name = functionName(fnKey);
    return name ? `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}` : undefined;
  };
  const context = resourceContext(printed, functionArn);
  const providerEnv = printed.provider.environment ?? {};
  const functions = Object.entries(printed.functions ?? {}).map(([fnKey, fn]): LocalFunction => {
    const where = `${key}/serverless.yml functions.${fnKey}`;
    const [modulePath = '', exportName = 'handler'] = splitHandler(fn.handler);
    return {
      service: key,
      key: fnKey,
      name: fn.name,
      arn: functionArn(fnKey) as string,
      modulePath,
      exportName,
      timeoutSeconds: fn.timeout ?? printed.provider.timeout ?? 6,
      environment: stringEnvironment(where, { ...providerEnv, ...(fn.environment ?? {}) }, context),
      events: (fn.events ?? []).map((event) => parseEvent(where, event, context)),
    };
  });
  const stateMachines = Object.entries(printed.stepFunctions?.stateMachines ?? {}).map(
    ([smKey, sm]): LocalStateMachine => {
      const where = `${key}/serverless.yml stepFunctions.stateMachines.${smKey}`;
      const rules = (sm.events ?? []).map((event, index) => {
        const bridge = (event.eventBridge ?? event.cloudwatchEvent) as
          | { event?: unknown; retryPolicy?: { maximumRetryAttempts?: number } }
          | undefined;
        if (!bridge?.event) throw new NoLocalCounterpartError(where, `the event "${Object.keys(event)[0]}"`);
        return {
          name: `${sm.name}-rule-${index + 1}`,
          pattern: resolveValue(bridge.event, context) as JsonObject,
          ...(bridge.retryPolicy?.maximumRetryAttempts !== undefined
            ? { maximumRetryAttempts: bridge.retryPolicy.maximumRetryAttempts }
            : {}),
        };
      });
      return {
        service: key,
        key: smKey,
        name: sm.name,
        arn: `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${sm.name}`,
        definition: resolveDefinition(sm.definition, context),
        rules,
      };
    },
  );
  const resources = Object.entries(printed.resources?.Resources ?? {}).map(([logicalId, resource]) => ({
    logicalId,
    type: resource.Type,
    name: context.refs[logicalId] ?? logicalId,
    properties: resource.Properties ?? {},
  }));
  return { key, dir, functions, stateMachines, resourceNames: context.refs, resources };
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}
