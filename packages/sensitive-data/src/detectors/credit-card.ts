import { isDigitCode, isWordCode, passesLuhn } from '../text/checksums';
import { contextMatcher, IDENTIFIER_WORDS } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

interface CardRange {
  readonly brand: string;
  /** Inclusive prefix range, compared on the first `from.length` digits. */
  readonly from: string;
  readonly to: string;
  readonly lengths: readonly number[];
}

const range = (brand: string, from: string, to: string, lengths: readonly number[]): CardRange => ({
  brand,
  from,
  to,
  lengths,
});
const LONG = [16, 17, 18, 19];

/** Issuer identification number ranges of the major networks (ISO/IEC 7812). */
export const CARD_RANGES: readonly CardRange[] = [
  range('visa', '4', '4', [13, 16, 19]),
  range('mastercard', '51', '55', [16]),
  range('mastercard', '2221', '2720', [16]),
  range('amex', '34', '34', [15]),
  range('amex', '37', '37', [15]),
  range('discover', '6011', '6011', LONG),
  range('discover', '644', '649', LONG),
  range('discover', '65', '65', LONG),
  range('diners', '300', '305', [14, 16, 17, 18, 19]),
  range('diners', '3095', '3095', [14, 16, 17, 18, 19]),
  range('diners', '36', '36', [14, 16, 17, 18, 19]),
  range('diners', '38', '39', [14, 16, 17, 18, 19]),
  range('jcb', '3528', '3589', LONG),
  range('unionpay', '62', '62', LONG),
  range('maestro', '5018', '5018', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '5020', '5020', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '5038', '5038', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '5893', '5893', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '6304', '6304', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '6759', '6759', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', '6761', '6763', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('mir', '2200', '2204', LONG),
  range('rupay', '60', '60', [16]),
  range('rupay', '508', '508', [16]),
  range('rupay', '81', '82', [16]),
];

/** The network of a card number (digits only), or undefined when no known IIN range and length fit. */
export function cardBrand(digits: string): string | undefined {
  for (const card of CARD_RANGES) {
    const prefix = digits.slice(0, card.from.length);
    if (prefix >= card.from && prefix <= card.to && card.lengths.includes(digits.length)) return card.brand;
  }
  return undefined;
}

/** Groupings people write: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners); the last group of 4s may be short. */
function plausibleGroups(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  const sizes = groups.map((group) => group.length);
  if (sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4)) return true;
  const last = sizes[sizes.length - 1] ?? 0;
  return last >= 1 && sizes.slice(0, -1).every((size) => size === 4);
}

/** Whether a digits-and-separators string is a card number: one separator kind, Luhn, a known IIN and length. */
export function isCreditCard(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\d[\d -]{11,22}\d$/.test(trimmed)) return false;
  const separators = new Set(trimmed.replace(/\d/g, ''));
  if (separators.size > 1) return false;
  const groups = separators.size === 0 ? [trimmed] : trimmed.split(separators.values().next().value ?? ' ');
  if (!plausibleGroups(groups)) return false;
  const digits = groups.join('');
  return digits.length >= 12 && digits.length <= 19 && passesLuhn(digits) && cardBrand(digits) !== undefined;
}

export const CARD_CONTEXT_WORDS: readonly string[] = [
  'card',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'master card',
  'amex',
  'american express',
  'discover',
  'maestro',
  'jcb',
  'cc',
  'pan',
  'paid with',
  'payment',
  'charged',
];

const CANDIDATE = /\d(?:[ -]?\d){11,18}/g;
const cardContext = contextMatcher(CARD_CONTEXT_WORDS);
const identifierContext = contextMatcher(IDENTIFIER_WORDS);

/**
 * Where the card number starting at `start` ends: the whole candidate, or the candidate without a trailing
 * short group ("4111 1111 1111 1111 123" with a CVV after it). Undefined when neither is a card.
 */
function cardEnd(text: string, start: number, candidate: string): number | undefined {
  const end = start + candidate.length;
  const after = codeAt(text, end);
  const glued =
    isWordCode(after) ||
    ((after === 46 || after === 44 || after === 45 || after === 47) && isDigitCode(codeAt(text, end + 1)));
  if (!glued && isCreditCard(candidate)) return end;
  const lastSeparator = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'));
  if (glued || lastSeparator < 0 || candidate.length - lastSeparator - 1 > 3) return undefined;
  const shorter = candidate.slice(0, lastSeparator);
  return isCreditCard(shorter) ? start + shorter.length : undefined;
}

/**
 * CREDIT_CARD in free text: 12–19 digits in one consistent grouping, passing Luhn, in a known IIN range
 * with a length that network issues. An identifier word (order, tracking, account …) nearer than any card
 * word rejects it: an order number can pass Luhn by chance, one in ten does.
 */
export const creditCardDetector: TextDetector = {
  entity: 'CREDIT_CARD',
  specificity: 80,
  find(text, firstDigit) {
    const matches: Match[] = [];
    if (firstDigit < 0) return matches;
    CANDIDATE.lastIndex = firstDigit;
    for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
      const start = found.index;
      const before = codeAt(text, start - 1);
      if (isWordCode(before) || before === 43) continue;
      // Part of a decimal, a range or a longer grouped number.
      if ((before === 46 || before === 44 || before === 45 || before === 47) && isDigitCode(codeAt(text, start - 2))) {
        continue;
      }
      const end = cardEnd(text, start, found[0]);
      if (end === undefined) continue;
      const card = cardContext.nearestBefore(text, start);
      const identifier = identifierContext.nearestBefore(text, start);
      // "#4111…" is an order number unless a card word says otherwise ("CC#4111…").
      if (identifier > card || (before === 35 && card < 0)) continue;
      matches.push({ start, end, confidence: card >= 0 ? 0.99 : 0.9 });
    }
    return matches;
  },
};
