import { isDigitCode, isWordCode } from '../text/checksums';
import { contextMatcher, IDENTIFIER_WORDS, supportedByContext } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

export const SSN_CONTEXT_WORDS: readonly string[] = [
  'ssn',
  'ss#',
  'ss no',
  'social security',
  'social security number',
  'social security no',
  'soc sec',
  'social sec',
  'social',
];

// AAA-GG-SSSS, or AAA GG SSSS, or nine bare digits (those only with a context word).
const CANDIDATE = /\d{3}([- ]?)\d{2}\1\d{4}/g;
/** Numbers the SSA voided after they were published (Woolworth's wallet card, a 1940s advertisement). */
const VOIDED = new Set(['078051120', '219099999']);

const ssnContext = contextMatcher(SSN_CONTEXT_WORDS);
const identifierContext = contextMatcher(IDENTIFIER_WORDS);

/**
 * Whether nine digits can be an issued SSN: area not 000, 666 or 900–999; group not 00; serial not 0000.
 *
 * @example
 * isValidSsnNumber('536-22-1234'); // true
 * isValidSsnNumber('666-22-1234'); // false
 */
export function isValidSsnNumber(value: string): boolean {
  const digits = value.replace(/[- ]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  return !VOIDED.has(digits);
}

/** Whether a whole declared value is an SSN: AAA-GG-SSSS, AAA GG SSSS or nine digits, in valid ranges. */
export function isUsSsn(value: string): boolean {
  const trimmed = value.trim();
  return /^\d{3}([- ]?)\d{2}\1\d{4}$/.test(trimmed) && isValidSsnNumber(trimmed);
}

/**
 * US_SSN in free text. The dashed form stands on its own unless an identifier word (order, part, ticket …)
 * is nearer than any SSN word; spaced and bare forms need an SSN word (SSN, social security …) in the
 * same sentence.
 */
export const usSsnDetector: TextDetector = {
  entity: 'US_SSN',
  specificity: 75,
  find(text, firstDigit) {
    const matches: Match[] = [];
    if (firstDigit < 0) return matches;
    CANDIDATE.lastIndex = firstDigit;
    for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
      const start = found.index;
      const end = start + found[0].length;
      const before = codeAt(text, start - 1);
      const after = codeAt(text, end);
      if (isWordCode(before) || isWordCode(after) || before === 43) continue;
      const gluedBefore = before === 45 || before === 46 || before === 44 || before === 47 || before === 32;
      const gluedAfter = after === 45 || after === 46 || after === 44 || after === 47 || after === 32;
      if (gluedBefore && isDigitCode(codeAt(text, start - 2))) continue;
      if (gluedAfter && isDigitCode(codeAt(text, end + 1))) continue;
      if (!isValidSsnNumber(found[0])) continue;
      const context = supportedByContext(text, start, end, ssnContext, identifierContext);
      // "#123-45-6789" is a reference unless an SSN word says otherwise ("SSN#123-45-6789").
      if (before === 35 && !context) continue;
      if (found[1] === '-') {
        if (!context && identifierContext.nearestBefore(text, start) >= 0) continue;
        matches.push({ start, end, confidence: context ? 0.95 : 0.8 });
      } else if (context) {
        matches.push({ start, end, confidence: 0.9 });
      }
    }
    return matches;
  },
};
