import type { JsonObject, JsonValue } from './types';

/** A state and its name, wherever it sits (top level, a Parallel branch, a Map's processor). */
export interface NamedState {
  readonly name: string;
  readonly state: JsonObject;
}

/**
 * Every state of a definition, nested ones included. State names are unique across the whole machine (ASL requires
 * it and asl-validator checks it), which is why aws-local-stepfunctions can key its overrides by name alone.
 *
 * @example
 * ```ts
 * const taskNames = [...walkStates(definition)].filter(({ state }) => state.Type === 'Task').map(({ name }) => name);
 * ```
 */
export function* walkStates(machine: JsonObject): Generator<NamedState> {
  const states = machine.States;
  if (!isObject(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    yield { name, state };
    const branches = Array.isArray(state.Branches) ? state.Branches : [];
    for (const nested of [...branches, state.Iterator, state.ItemProcessor]) {
      if (isObject(nested)) yield* walkStates(nested);
    }
  }
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
