import { compileMatchExpression, isRecord, type LeafTest, OPERATOR_NAMES } from './match-expressions';
import type { LeafValue } from './types';

/**
 * A compiled event pattern: tells whether an event (the full envelope) matches.
 *
 * @example
 * ```ts
 * const matches: EventMatcher = compileEventPattern({ source: ['aws.s3'] });
 * ```
 */
export type EventMatcher = (event: unknown) => boolean;
type NodeTest = (node: unknown) => boolean;

/**
 * Compiles a parsed event pattern, or lists every problem EventBridge would reject it for. Compiling once lets a bus
 * match many events without re-validating the pattern each time.
 */
export function compilePattern(pattern: unknown): { matches: EventMatcher } | { problems: string[] } {
  if (!isRecord(pattern)) return { problems: ['the event pattern must be a JSON object'] };
  const problems: string[] = [];
  const matches = compileObject(pattern, '', false, problems);
  return problems.length > 0 ? { problems } : { matches };
}

function compileObject(
  pattern: Record<string, unknown>,
  path: string,
  insideOr: boolean,
  problems: string[],
): NodeTest {
  const fields = Object.entries(pattern);
  if (fields.length === 0) problems.push(`${path || 'pattern'}: empty objects are not allowed`);
  const tests = fields.flatMap(([key, value]) => compileField(key, value, path, insideOr, problems) ?? []);
  const test: NodeTest = (node) => {
    // Fields of one array element must match within that same element (EventBridge's array-consistent matching).
    if (Array.isArray(node) && node.length > 0) return node.some(test);
    return tests.every((fieldTest) => fieldTest(node));
  };
  return test;
}

function compileField(key: string, value: unknown, path: string, insideOr: boolean, problems: string[]) {
  const fieldPath = path ? `${path}.${key}` : key;
  if (key === '$or') return compileOr(value, fieldPath, problems);
  if (insideOr && OPERATOR_NAMES.includes(key)) {
    problems.push(`${fieldPath}: "${key}" is an operator name and cannot be used as a field name inside $or`);
  }
  if (Array.isArray(value)) {
    const leaf = compileLeaf(value, fieldPath, problems);
    return (node: unknown) => leaf(leafValues(childOf(node, key)));
  }
  if (isRecord(value)) {
    const nested = compileObject(value, fieldPath, insideOr, problems);
    return (node: unknown) => nested(childOf(node, key));
  }
  problems.push(`${fieldPath}: must be an object or an array, got ${JSON.stringify(value)}`);
  return undefined;
}

function compileOr(branches: unknown, path: string, problems: string[]): NodeTest | undefined {
  if (!Array.isArray(branches) || branches.length < 2 || !branches.every(isRecord)) {
    problems.push(`${path}: $or takes an array of at least two objects`);
    return undefined;
  }
  const tests = branches.map((branch, index) => compileObject(branch, `${path}[${index}]`, true, problems));
  // Branch fields sit at the level of the $or itself, so each branch tests the same node.
  return (node) => tests.some((test) => test(node));
}

function compileLeaf(matchers: readonly unknown[], path: string, problems: string[]): LeafTest {
  if (matchers.length === 0) problems.push(`${path}: empty arrays are not allowed`);
  const tests = matchers.flatMap((matcher, index): LeafTest[] => {
    const matcherPath = `${path}[${index}]`;
    if (isLeafValue(matcher)) return [(values) => values.includes(matcher)];
    if (isRecord(matcher)) return [compileMatchExpression(matcher, matcherPath, problems)];
    problems.push(`${matcherPath}: must be a string, number, boolean, null or match expression, not an array`);
    return [];
  });
  return (values) => tests.some((test) => test(values));
}

function childOf(node: unknown, key: string): unknown {
  return isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** Every leaf value at a path: arrays (nested too) contribute each element; objects are not leaves. */
function leafValues(node: unknown): LeafValue[] {
  if (Array.isArray(node)) return node.flatMap(leafValues);
  return isLeafValue(node) ? [node] : [];
}

function isLeafValue(value: unknown): value is LeafValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
