/**
 * The checksums that make embedded payment data *real-looking*: a detector that validates Luhn or IBAN mod-97
 * must find these, so the generator computes them instead of printing random digits.
 */

/**
 * True when `value` (spaces and dashes ignored) passes the Luhn check used by payment card numbers.
 *
 * @example
 * ```ts
 * isLuhnValid('4111 1111 1111 1111'); // true
 * isLuhnValid('4111 1111 1111 1112'); // false
 * ```
 */
export function isLuhnValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/**
 * The digit that, appended to `payload`, makes it Luhn-valid.
 *
 * @example
 * ```ts
 * luhnCheckDigit('7992739871'); // 3
 * ```
 */
export function luhnCheckDigit(payload: string): number {
  return (10 - (luhnSum(payload, true) % 10)) % 10;
}

function luhnSum(digits: string, doubleLast: boolean): number {
  let sum = 0;
  let double = doubleLast;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum;
}

/**
 * True when `value` (spaces ignored, any case) is shaped like an IBAN and its ISO 13616 mod-97 check passes.
 *
 * @example
 * ```ts
 * isIbanChecksumValid('GB82 WEST 1234 5698 7654 32'); // true
 * ```
 */
export function isIbanChecksumValid(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35); folding digit by digit keeps the number small.
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}
