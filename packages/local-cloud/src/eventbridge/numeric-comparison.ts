/**
 * EventBridge compares numbers between -5.0e9 and +5.0e9 with six decimal places of precision; numbers outside that
 * domain cannot take part in numeric matching (in patterns they are rejected, in events they never match).
 */
const NUMERIC_LIMIT = 5e9;
const MAX_DECIMAL_PLACES = 6;

/**
 * Whether EventBridge can compare this number numerically.
 *
 * @example
 * ```ts
 * isComparableNumber(301.8); // true
 * isComparableNumber(6e9); // false: outside ±5.0e9
 * ```
 */
export function isComparableNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= NUMERIC_LIMIT && decimalPlaces(value) <= MAX_DECIMAL_PLACES;
}

/** Why a pattern number cannot be compared, for validation messages; `undefined` when it can. */
export function comparableNumberProblem(value: number): string | undefined {
  if (isComparableNumber(value)) return undefined;
  return `${value} is outside numeric matching's domain (between -5.0e9 and 5.0e9, at most 6 decimal places)`;
}

function decimalPlaces(value: number): number {
  // String() yields the shortest text that round-trips, i.e. the digits the JSON author wrote.
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}
