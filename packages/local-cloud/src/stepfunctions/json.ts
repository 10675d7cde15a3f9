import type { JsonValue } from './types';

/**
 * A value as it arrives after crossing the wire as JSON, which is how every payload reaches or leaves Step
 * Functions: `undefined` becomes null, Dates become strings, class instances plain objects, and the caller's object
 * is no longer shared with the execution.
 *
 * @example
 * ```ts
 * asJson({ at: new Date(0), skip: undefined }); // { at: '1970-01-01T00:00:00.000Z' }
 * ```
 */
export function asJson(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  // JSON.parse of JSON.stringify output is JSON by construction.
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}
