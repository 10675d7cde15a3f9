import { isInCidr, parseCidr } from './ip-address';
import { comparableNumberProblem, isComparableNumber } from './numeric-comparison';
import type { LeafValue } from './types';
import { parseWildcard } from './wildcard';

/** Decides whether a pattern leaf matches, given every leaf value the event holds at that path (none if absent). */
export type LeafTest = (values: readonly LeafValue[]) => boolean;
type ValueTest = (value: LeafValue) => boolean;

/** The content-filter operators of the EventBridge user guide, i.e. the keys a match expression may use. */
export const OPERATOR_NAMES: readonly string[] = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
];

const ANYTHING_BUT_MODIFIERS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'];
const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='];
const COMPARE: Record<string, (value: number, bound: number) => boolean> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};
const NEVER: LeafTest = () => false;

/**
 * Compiles one match expression (`{ "prefix": "us-" }`, `{ "numeric": [">", 0] }`, ...) into a leaf test, recording
 * every problem EventBridge would reject it for.
 */
export function compileMatchExpression(
  expression: Record<string, unknown>,
  path: string,
  problems: string[],
): LeafTest {
  const operators = Object.keys(expression);
  const [operator] = operators;
  if (operator === undefined || operators.length !== 1) {
    problems.push(`${path}: a match expression takes exactly one operator, found ${operators.join(', ') || 'none'}`);
    return NEVER;
  }
  const operand = expression[operator];
  if (operator === 'exists') {
    if (typeof operand !== 'boolean') {
      problems.push(`${path}: exists takes true or false`);
      return NEVER;
    }
    // Only leaf values count as existing: an object (intermediate node) at the path is absence.
    return operand ? (values) => values.length > 0 : (values) => values.length === 0;
  }
  const test = compileValueTest(operator, operand, `${path}.${operator}`, problems);
  return test === undefined ? NEVER : (values) => values.some(test);
}

function compileValueTest(operator: string, operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return compileAffix(operator, operand, path, problems);
    case 'equals-ignore-case':
      return typeof operand === 'string'
        ? (value) => typeof value === 'string' && sameIgnoringCase(value, operand)
        : fail(problems, `${path}: equals-ignore-case takes a string`);
    case 'wildcard':
      return compileWildcard(operand, path, problems);
    case 'cidr':
      return compileCidr(operand, path, problems);
    case 'numeric':
      return compileNumeric(operand, path, problems);
    case 'anything-but':
      return compileAnythingBut(operand, path, problems);
    default:
      return fail(problems, `${path}: unknown operator "${operator}"; supported: ${OPERATOR_NAMES.join(', ')}`);
  }
}

function compileAffix(operator: 'prefix' | 'suffix', operand: unknown, path: string, problems: string[]) {
  if (typeof operand === 'string') return affixTest(operator, operand, false);
  if (isRecord(operand) && Object.keys(operand).length === 1 && typeof operand['equals-ignore-case'] === 'string') {
    return affixTest(operator, operand['equals-ignore-case'], true);
  }
  return fail(problems, `${path}: ${operator} takes a string or { "equals-ignore-case": string }`);
}

function affixTest(operator: 'prefix' | 'suffix', affix: string, ignoreCase: boolean): ValueTest {
  const wanted = ignoreCase ? affix.toLowerCase() : affix;
  return (value) => {
    if (typeof value !== 'string') return false;
    const candidate = ignoreCase ? value.toLowerCase() : value;
    return operator === 'prefix' ? candidate.startsWith(wanted) : candidate.endsWith(wanted);
  };
}

function compileWildcard(operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  if (typeof operand !== 'string') return fail(problems, `${path}: wildcard takes a string`);
  const parsed = parseWildcard(operand);
  if ('error' in parsed) return fail(problems, `${path}: ${parsed.error}`);
  return (value) => typeof value === 'string' && parsed.matches(value);
}

function compileCidr(operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  if (typeof operand !== 'string') return fail(problems, `${path}: cidr takes a string such as "10.0.0.0/24"`);
  const range = parseCidr(operand);
  if ('error' in range) return fail(problems, `${path}: ${range.error}`);
  return (value) => typeof value === 'string' && isInCidr(range, value);
}

function compileNumeric(operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  const usage = `${path}: numeric takes [operator, number] or [">" | ">=", number, "<" | "<=", number]`;
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) return fail(problems, usage);
  const [lowOperator, low, highOperator, high] = operand;
  const isRange = operand.length === 4;
  const validOperators = isRange
    ? (lowOperator === '>' || lowOperator === '>=') && (highOperator === '<' || highOperator === '<=')
    : NUMERIC_OPERATORS.includes(String(lowOperator));
  const bounds = isRange ? [low, high] : [low];
  if (!validOperators || !bounds.every((bound) => typeof bound === 'number')) return fail(problems, usage);
  const domainProblems = bounds.flatMap((bound) => comparableNumberProblem(bound) ?? []);
  if (domainProblems.length > 0) return fail(problems, `${path}: ${domainProblems.join('; ')}`);
  if (isRange && !(low < high)) return fail(problems, `${path}: the lower bound must be below the upper bound`);
  const checks = [{ operator: String(lowOperator), bound: Number(low) }];
  if (isRange) checks.push({ operator: String(highOperator), bound: Number(high) });
  return (value) =>
    typeof value === 'number' &&
    isComparableNumber(value) &&
    checks.every(({ operator, bound }) => COMPARE[operator]?.(value, bound) === true);
}

function compileAnythingBut(operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  const excluded = isRecord(operand)
    ? compileAnythingButModifier(operand, path, problems)
    : compileAnythingButValues(operand, path, problems);
  // A value of another type than the excluded ones is "anything but" them, as in EventBridge.
  return excluded === undefined ? undefined : (value) => !excluded(value);
}

function compileAnythingButValues(operand: unknown, path: string, problems: string[]): ValueTest | undefined {
  const values = Array.isArray(operand) ? operand : [operand];
  if (values.length > 0 && values.every((value) => typeof value === 'string')) {
    const excluded = new Set<unknown>(values);
    return (value) => typeof value === 'string' && excluded.has(value);
  }
  if (values.length > 0 && values.every((value) => typeof value === 'number')) {
    const domainProblems = values.flatMap((value) => comparableNumberProblem(value) ?? []);
    if (domainProblems.length > 0) return fail(problems, `${path}: ${domainProblems.join('; ')}`);
    const excluded = new Set<unknown>(values);
    return (value) => typeof value === 'number' && isComparableNumber(value) && excluded.has(value);
  }
  return fail(
    problems,
    `${path}: anything-but takes a string, a number, a non-empty list of only strings or only numbers, ` +
      `or an object with one of ${ANYTHING_BUT_MODIFIERS.join(', ')}`,
  );
}

function compileAnythingButModifier(operand: Record<string, unknown>, path: string, problems: string[]) {
  const modifiers = Object.keys(operand);
  const [modifier] = modifiers;
  if (modifier === undefined || modifiers.length !== 1 || !ANYTHING_BUT_MODIFIERS.includes(modifier)) {
    const found = modifiers.join(', ') || 'nothing';
    return fail(problems, `${path}: anything-but takes one of ${ANYTHING_BUT_MODIFIERS.join(', ')}, found ${found}`);
  }
  const raw = operand[modifier];
  const texts = Array.isArray(raw) ? raw : [raw];
  const modifierPath = `${path}.${modifier}`;
  if (texts.length === 0 || !texts.every((text): text is string => typeof text === 'string')) {
    return fail(problems, `${modifierPath}: takes a string or a non-empty list of strings`);
  }
  if ((modifier === 'prefix' || modifier === 'suffix') && texts.includes('')) {
    return fail(problems, `${modifierPath}: an empty ${modifier} is not allowed`);
  }
  const before = problems.length;
  const tests = texts.flatMap((text) => compileValueTest(modifier, text, modifierPath, problems) ?? []);
  return problems.length > before ? undefined : (value: LeafValue) => tests.some((test) => test(value));
}

function sameIgnoringCase(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase() || left.toUpperCase() === right.toUpperCase();
}

function fail(problems: string[], problem: string): undefined {
  problems.push(problem);
  return undefined;
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
