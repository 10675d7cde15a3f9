import aslValidator from 'asl-validator';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { InvalidDefinitionError, UnsupportedLocallyError } from './errors';
import { isObject, walkStates } from './state-walk';
import type { JsonObject } from './types';

/** Distributed Map fields: aws-local-stepfunctions runs every Map inline, so it would ignore these silently. */
const DISTRIBUTED_MAP_FIELDS = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
] as const;

/**
 * Refuses what CreateStateMachine would refuse (asl-validator: schema, missing or unreachable targets, bad paths,
 * bad ARNs), then what the local interpreter cannot run the way AWS would.
 *
 * @throws {InvalidDefinitionError} with asl-validator's messages.
 * @throws {UnsupportedLocallyError} listing the features the local interpreter lacks.
 *
 * @example
 * ```ts
 * assertRunnableLocally('sluice-dev-catalog-update', definition);
 * new StateMachine(definition, { validationOptions: { noValidate: true } });
 * ```
 */
export function assertRunnableLocally(
  name: string,
  definition: JsonObject,
): asserts definition is JsonObject & StateMachineDefinition {
  const problems = aslProblems(definition);
  if (problems.length > 0) throw new InvalidDefinitionError(name, problems);
  const unsupported = locallyUnsupportedFeatures(definition);
  if (unsupported.length > 0) throw new UnsupportedLocallyError(name, unsupported);
}

function aslProblems(definition: JsonObject): string[] {
  // asl-validator writes a QueryLanguage into every state it visits: validate a copy, run the original.
  const { errors } = aslValidator(structuredClone(definition), { checkArn: true, checkPaths: true });
  return errors.map((error) => `${error['Error code']}: ${error.Message}`);
}

function locallyUnsupportedFeatures(definition: JsonObject): string[] {
  const features: string[] = [];
  if (definition.QueryLanguage === 'JSONata') features.push('QueryLanguage JSONata (only JSONPath runs locally)');
  for (const { name, state } of walkStates(definition)) {
    if (state.QueryLanguage === 'JSONata') features.push(`${name}: QueryLanguage JSONata (only JSONPath runs locally)`);
    if ('Assign' in state) features.push(`${name}: Assign (workflow variables)`);
    if (state.Type !== 'Map') continue;
    for (const field of DISTRIBUTED_MAP_FIELDS) {
      if (field in state) features.push(`${name}: ${field} (Distributed Map)`);
    }
    const processor = state.ItemProcessor;
    const config = isObject(processor) ? processor.ProcessorConfig : undefined;
    if (isObject(config) && config.Mode === 'DISTRIBUTED') features.push(`${name}: ProcessorConfig.Mode DISTRIBUTED`);
  }
  return features;
}
