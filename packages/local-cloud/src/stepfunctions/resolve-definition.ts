import { UnresolvableIntrinsicError } from './errors';
import { substitute } from './fn-sub';
import type { JsonObject, JsonValue } from './types';

/**
 * What the local cloud knows in place of CloudFormation when it resolves a definition.
 *
 * @example
 * ```ts
 * const context: ResolverContext = {
 *   region: 'us-east-1',
 *   accountId: '000000000000',
 *   partition: 'aws',
 *   functionArn: (key) => (key === 'registerPartitions' ? localLambda.arnOf('sluice-catalog-updater-dev-registerPartitions') : undefined),
 *   refs: { FailedObjectsQueue: 'http://127.0.0.1:4566/000000000000/sluice-dev-catalog-failed-objects' },
 * };
 * ```
 */
export interface ResolverContext {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** Local ARN of a serverless function key (`registerPartitions`); undefined when the service has no such function. */
  readonly functionArn: (functionKey: string) => string | undefined;
  /** `Ref` values by logical id: queue URLs, bucket names, table names. */
  readonly refs: Readonly<Record<string, string>>;
  /** `Fn::GetAtt` values other than function ARNs, keyed `LogicalId.Attribute` (`FailedObjectsQueue.Arn`). */
  readonly attributes?: Readonly<Record<string, string>>;
}

const SUPPORTED = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join'] as const;

/**
 * Turns a state machine definition as `serverless print --format json` gives it (CloudFormation intrinsics still
 * objects) into plain ASL the local interpreter runs. The definition itself is not changed.
 *
 * @throws {UnresolvableIntrinsicError} naming the JSON Pointer of the first value it cannot resolve.
 *
 * @example
 * ```ts
 * const config = JSON.parse(execSync('serverless print --format json', { cwd: serviceDir, encoding: 'utf8' }));
 * const asl = resolveDefinition(config.stepFunctions.stateMachines.catalogUpdate.definition, context);
 * machines.register({ name: 'sluice-dev-catalog-update', arn, definition: asl });
 * ```
 */
export function resolveDefinition(definition: unknown, context: ResolverContext): JsonObject {
  const resolved = resolveValue(definition, '', context);
  if (typeof resolved !== 'object' || resolved === null || Array.isArray(resolved))
    throw new UnresolvableIntrinsicError('', 'a state machine definition must be an object');
  return resolved;
}

function resolveValue(value: unknown, path: string, context: ResolverContext): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new UnresolvableIntrinsicError(path, `${value} is not a JSON number`);
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, `${path}/${index}`, context));
  if (isRecord(value)) {
    const intrinsic = intrinsicName(value);
    if (intrinsic !== undefined) return resolveIntrinsic(intrinsic, value[intrinsic], path, context);
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, resolveValue(child, `${path}/${escapePointer(key)}`, context)]),
    );
  }
  throw new UnresolvableIntrinsicError(path, `${typeof value} is not a JSON value`);
}

/** CloudFormation's rule: an intrinsic is an object with a single key, `Ref` or `Fn::*`. */
function intrinsicName(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) return undefined;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

function resolveIntrinsic(name: string, argument: unknown, path: string, context: ResolverContext): string {
  const at = `${path}/${escapePointer(name)}`;
  switch (name) {
    case 'Ref':
      if (typeof argument !== 'string') throw new UnresolvableIntrinsicError(at, 'Ref takes a logical id string');
      return resolveRef(argument, at, context);
    case 'Fn::GetAtt':
      return resolveGetAtt(getAttArguments(argument, at), at, context);
    case 'Fn::Sub':
      return resolveSub(argument, at, context);
    case 'Fn::Join':
      return resolveJoin(argument, at, context);
    default:
      throw new UnresolvableIntrinsicError(
        at,
        `${name} is not supported locally (supported: ${SUPPORTED.join(', ')}); resolve it before the definition reaches the local cloud`,
      );
  }
}

function pseudoParameter(name: string, context: ResolverContext): string | undefined {
  switch (name) {
    case 'AWS::Region':
      return context.region;
    case 'AWS::AccountId':
      return context.accountId;
    case 'AWS::Partition':
      return context.partition;
    case 'AWS::URLSuffix':
      return context.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    default:
      return undefined;
  }
}

function resolveRef(logicalId: string, path: string, context: ResolverContext): string {
  const value = pseudoParameter(logicalId, context) ?? context.refs[logicalId];
  if (value !== undefined) return value;
  const known = Object.keys(context.refs);
  throw new UnresolvableIntrinsicError(
    path,
    `Ref ${logicalId} is neither a supported pseudo parameter nor in refs (known: ${known.join(', ') || 'none'})`,
  );
}

function getAttArguments(argument: unknown, path: string): [string, string] {
  // `!GetAtt a.Arn` may reach us as the string form; serverless print usually gives the array form.
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    if (dot > 0) return [argument.slice(0, dot), argument.slice(dot + 1)];
  }
  if (Array.isArray(argument) && argument.length === 2) {
    const [logicalId, attribute] = argument;
    if (typeof logicalId === 'string' && typeof attribute === 'string') return [logicalId, attribute];
  }
  throw new UnresolvableIntrinsicError(path, 'Fn::GetAtt takes [logicalId, attribute] or "logicalId.attribute"');
}

function resolveGetAtt([logicalId, attribute]: [string, string], path: string, context: ResolverContext): string {
  const value =
    (attribute === 'Arn' ? context.functionArn(logicalId) : undefined) ??
    context.attributes?.[`${logicalId}.${attribute}`];
  if (value !== undefined) return value;
  throw new UnresolvableIntrinsicError(
    path,
    `Fn::GetAtt ${logicalId}.${attribute} is neither a function of this service nor in attributes`,
  );
}

function resolveSub(argument: unknown, path: string, context: ResolverContext): string {
  const [template, variables, ...extra]: readonly unknown[] = Array.isArray(argument) ? argument : [argument, {}];
  if (typeof template !== 'string' || !isRecord(variables) || extra.length > 0) {
    throw new UnresolvableIntrinsicError(path, 'Fn::Sub takes a string or [string, { name: value }]');
  }
  const values = new Map<string, string>();
  for (const [name, raw] of Object.entries(variables)) {
    const value = resolveValue(raw, `${path}/1/${escapePointer(name)}`, context);
    if (typeof value !== 'string')
      throw new UnresolvableIntrinsicError(`${path}/1/${escapePointer(name)}`, 'must be a string');
    values.set(name, value);
  }
  return substitute(template, (name) => {
    const variable = values.get(name) ?? pseudoParameter(name, context);
    if (variable !== undefined) return variable;
    const dot = name.indexOf('.');
    if (dot > 0) return resolveGetAtt([name.slice(0, dot), name.slice(dot + 1)], path, context);
    return resolveRef(name, path, context);
  });
}

function resolveJoin(argument: unknown, path: string, context: ResolverContext): string {
  if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
    throw new UnresolvableIntrinsicError(path, 'Fn::Join takes [delimiter, [values]]');
  }
  const parts = resolveValue(argument[1], `${path}/1`, context);
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) {
    throw new UnresolvableIntrinsicError(`${path}/1`, 'Fn::Join values must resolve to a list of strings');
  }
  return parts.join(argument[0]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `~` and `/` in a key would make the pointer ambiguous. */
function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
