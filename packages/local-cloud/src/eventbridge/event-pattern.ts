import { InvalidEventPatternError } from './errors';
import { compilePattern, type EventMatcher } from './pattern-compiler';
import type { EventPattern } from './types';

export type { EventMatcher } from './pattern-compiler';

/**
 * Lists every reason EventBridge would reject the pattern (an empty list means it is valid). Accepts the pattern as
 * an object or as the JSON string PutRule takes; with a string, a repeated key keeps its last value, as in AWS.
 *
 * @example
 * ```ts
 * validatePattern({ detail: { state: [{ 'begins-with': 'init' }] } });
 * // ['detail.state[0].begins-with: unknown operator "begins-with"; supported: prefix, suffix, ...']
 * ```
 */
export function validatePattern(pattern: unknown): string[] {
  const parsed = parsePattern(pattern);
  if ('problems' in parsed) return parsed.problems;
  const compiled = compilePattern(parsed.pattern);
  return 'problems' in compiled ? compiled.problems : [];
}

/**
 * Validates and compiles a pattern once, for matching many events.
 *
 * @throws {InvalidEventPatternError} listing every problem when the pattern is not valid.
 * @example
 * ```ts
 * const isPng = compileEventPattern({ detail: { FileName: [{ suffix: '.png' }] } });
 * isPng({ detail: { FileName: 'ocean.png' } }); // true
 * ```
 */
export function compileEventPattern(pattern: EventPattern | string): EventMatcher {
  const parsed = parsePattern(pattern);
  if ('problems' in parsed) throw new InvalidEventPatternError(parsed.problems);
  const compiled = compilePattern(parsed.pattern);
  if ('problems' in compiled) throw new InvalidEventPatternError(compiled.problems);
  return compiled.matches;
}

/**
 * Whether an event (the full envelope, so `source`, `detail-type`, `account`, `region`, `resources` and `detail`
 * can all be filtered on) matches an EventBridge event pattern, with the semantics of the EventBridge user guide.
 *
 * @throws {InvalidEventPatternError} when the pattern is not valid.
 * @example
 * ```ts
 * matchesPattern({ source: ['aws.ec2'], detail: { state: [{ 'anything-but': 'initializing' }] } }, {
 *   source: 'aws.ec2',
 *   detail: { state: 'running' },
 * }); // true
 * ```
 */
export function matchesPattern(pattern: EventPattern | string, event: unknown): boolean {
  return compileEventPattern(pattern)(event);
}

function parsePattern(pattern: unknown): { pattern: unknown } | { problems: string[] } {
  if (typeof pattern !== 'string') return { pattern };
  try {
    return { pattern: JSON.parse(pattern) };
  } catch (error) {
    return { problems: [`the event pattern is not valid JSON: ${(error as Error).message}`] };
  }
}
