/** Luhn (mod 10) over a string of digits: the check every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 7064 MOD 97-10 as used by IBANs: the first four characters move to the end, letters become 10..35. */
export function passesMod97(value: string): boolean {
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + (code - 55)) % 97;
    else return false;
  }
  return value.length >= 5 && remainder === 1;
}

/** Character classes read by hand in the hot loops, where a regular expression per character would cost more. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** A letter, digit or underscore, in any script: a candidate glued to one is part of a longer token. */
export function isWordCode(code: number): boolean {
  if (code < 128) return isDigitCode(code) || isAsciiLetterCode(code) || code === 95;
  return NON_ASCII_WORD.test(String.fromCharCode(code));
}
