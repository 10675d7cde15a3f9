import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isDigitCode, isWordCode } from '../text/checksums';
import { contextMatcher, IDENTIFIER_WORDS, supportedByContext } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

/** Regions whose national formats ("(415) 555-0132", "06 12345678") are tried when a context word is present. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'NL', 'ES', 'IT'];

export const PHONE_CONTEXT_WORDS: readonly string[] = [
  'phone',
  'phone number',
  'telephone',
  'tel',
  'tél',
  'téléphone',
  'telefon',
  'telefoon',
  'teléfono',
  'call',
  'calls',
  'calling',
  'called',
  'call me',
  'ring',
  'ring me',
  'mobile',
  'mob',
  'cell',
  'cellphone',
  'handy',
  'portable',
  'móvil',
  'cellulare',
  'whatsapp',
  'signal',
  'sms',
  'text me',
  'reach me',
  'contact',
  'fax',
  'dial',
  'my number',
  'number is',
  'my no',
  'tel no',
  'phone no',
  'telefono',
  'telefonnummer',
  'rufnummer',
];

// Digits with blanks, dashes, dots, slashes or brackets between them, optionally after + or 00.
const CANDIDATE = /(?:\+|00)?\(?\d[\d \u00A0().\-/]{5,24}\d/g;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
const BAD_SEPARATORS = /[-./]{2}|\s{2}|[-./]\s|\s[-./]|\/.*\//;
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:eur|usd|gbp|chf|jpy|sek|nok|dkk|kr|rs|inr))\s?$/i;
/** A label's colon right before the number: "Reach me: 012-439-3759". */
const LABEL_BEFORE = /[\p{L}\p{N})]:\s{0,2}$/u;
/** The trunk prefix most countries outside North America dial before a national number: "0612 …", "(0745) …". */
const TRUNK_PREFIX = /^\(?0[1-9]/;
const CURRENCY_AFTER = /^\s?(?:[$€£¥₹%]|(?:eur|usd|gbp|chf|jpy|sek|nok|dkk|kr|rs|inr)\b|,-)/i;

const phoneContext = contextMatcher(PHONE_CONTEXT_WORDS);
const identifierContext = contextMatcher(IDENTIFIER_WORDS);

/** Regions of the North American Numbering Plan among those people configure most. */
const NANP_REGIONS = new Set<CountryCode>(['US', 'CA', 'PR', 'JM', 'BS', 'BB', 'TT', 'DO']);

/** Validated numbers by candidate text: libphonenumber is exact but costs ~30 µs a call. */
const MEMO_LIMIT = 10_000;

export interface PhoneDetectorOptions {
  readonly regions?: readonly CountryCode[];
}

function digitCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) if (isDigitCode(value.charCodeAt(i))) count++;
  return count;
}

/** The shape of a phone number: 7–15 digits, sane separators, and not a date. */
function looksLikePhone(candidate: string, international: boolean): boolean {
  const digits = digitCount(candidate) - (candidate.startsWith('00') ? 2 : 0);
  if (digits < 7 || digits > 15) return false;
  if (BAD_SEPARATORS.test(candidate)) return false;
  if (international) return true;
  return !DATE_LIKE.test(candidate) && !COMPACT_DATE.test(candidate);
}

/**
 * How sure libphonenumber is about a number: `valid` fits the region's numbering plan; `possible` (international
 * only) has a known country calling code and a length that country uses, but a range the metadata does not list
 * (new ranges, numbers typed from memory, made-up ones: still someone's number for privacy); `dialable`
 * (international only) has a known calling code but an unusual length, which only a context word makes a phone.
 */
export type PhoneStrength = 'valid' | 'possible' | 'dialable';

export interface ClassifiedPhone {
  /** E.164 form: libphonenumber's for valid numbers, "+" and the digits otherwise. */
  readonly e164: string;
  readonly strength: PhoneStrength;
}

/**
 * Validates and normalises phone numbers with libphonenumber-js (full metadata, so numbers are checked
 * against each region's real numbering plan, not only their length).
 *
 * @example
 * const phones = createPhoneValidator(['US', 'NL']);
 * phones.toE164('+44 20 7946 0958'); // '+442079460958'
 * phones.toE164('06 12345678'); // '+31612345678' (national, tried per region)
 * phones.toE164('2026-11-25'); // undefined
 * phones.classify('+81704480600'); // { e164: '+81704480600', strength: 'possible' }
 */
export function createPhoneValidator(regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS) {
  const memo = new Map<string, ClassifiedPhone | null>();
  function validate(candidate: string): ClassifiedPhone | null {
    const international = candidate.startsWith('+') || candidate.startsWith('00');
    if (international) {
      const number = parsePhoneNumberFromString(candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate);
      // Parsing fails for an unknown country calling code: "+999 …" is nobody's number.
      if (!number) return null;
      if (number.isValid()) return { e164: number.number, strength: 'valid' };
      return { e164: number.number, strength: number.isPossible() ? 'possible' : 'dialable' };
    }
    const leadingZero = candidate.replace(/^\D+/, '').startsWith('0');
    for (const region of regions) {
      // No North American number starts with 0: skip a ~30 µs parse for most European national numbers.
      if (leadingZero && NANP_REGIONS.has(region)) continue;
      const number = parsePhoneNumberFromString(candidate, region);
      if (number?.isValid()) return { e164: number.number, strength: 'valid' };
    }
    return null;
  }
  function classify(candidate: string): ClassifiedPhone | undefined {
    const key = candidate.trim();
    let result = memo.get(key);
    if (result === undefined) {
      result = validate(key);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, result);
    }
    return result ?? undefined;
  }
  return {
    regions,
    /** How sure libphonenumber is that the candidate is a phone number, or undefined when it is none. */
    classify,
    /** The number in E.164 form when it is a valid number (international, or national in one of the regions). */
    toE164(candidate: string): string | undefined {
      const classified = classify(candidate);
      return classified?.strength === 'valid' ? classified.e164 : undefined;
    },
  };
}
export type PhoneValidator = ReturnType<typeof createPhoneValidator>;

/** Throws nothing: reports the regions libphonenumber does not know, for policy validation. */
export function unsupportedRegions(regions: readonly string[]): string[] {
  return regions.filter((region) => !isSupportedCountry(region as CountryCode));
}

/**
 * Whether a whole declared value is a phone number; a declared field is its own context, so national
 * numbers are accepted in any of the regions.
 */
export function isPhoneNumber(value: string, validator: PhoneValidator = defaultValidator()): boolean {
  const trimmed = value.trim();
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  return looksLikePhone(trimmed, international) && validator.toE164(trimmed) !== undefined;
}

let sharedValidator: PhoneValidator | undefined;
function defaultValidator(): PhoneValidator {
  sharedValidator ??= createPhoneValidator();
  return sharedValidator;
}

/** Ends of the candidate's digit groups, longest first, to retry "+44 20 7946 0958 12" as "+44 20 7946 0958". */
function shorterCandidates(candidate: string): string[] {
  const cuts: string[] = [];
  for (let i = candidate.length - 1; i > 0 && cuts.length < 3; i--) {
    const code = candidate.charCodeAt(i);
    if (!isDigitCode(code) && code !== 41 && isDigitCode(candidate.charCodeAt(i - 1))) {
      cuts.push(candidate.slice(0, i));
    }
  }
  return cuts;
}

/**
 * PHONE_NUMBER in free text. A candidate must either carry an international prefix (+ or 00 with
 * grouping) or sit in the same sentence as a context word (phone, call, mobile, whatsapp, reach me …) that
 * is nearer than any identifier word (order, invoice, room …); dates, prices and percentages are rejected
 * before libphonenumber validates what is left.
 */
export function createPhoneDetector(options: PhoneDetectorOptions = {}): TextDetector {
  const validator = options.regions ? createPhoneValidator(options.regions) : defaultValidator();
  return {
    entity: 'PHONE_NUMBER',
    specificity: 20,
    find(text, firstDigit) {
      const matches: Match[] = [];
      if (firstDigit < 0) return matches;
      // A phone may open with "+" or "(" just before its first digit.
      CANDIDATE.lastIndex = Math.max(0, firstDigit - 2);
      for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
        // "(0049 1512 3414151)": an opening bracket with no closing one inside belongs to the sentence.
        const unbalanced = found[0].startsWith('(') && !found[0].includes(')');
        const start = unbalanced ? found.index + 1 : found.index;
        const raw = unbalanced ? found[0].slice(1) : found[0];
        const before = codeAt(text, start - 1);
        // Glued to a word, a decimal, a longer number or a "#": part of something else.
        if (isWordCode(before) || before === 43 || before === 47) continue;
        if (before === 35 && phoneContext.nearestBefore(text, start) < 0) continue;
        if ((before === 46 || before === 44 || before === 45) && isDigitCode(codeAt(text, start - 2))) continue;
        const match = validatedSpan(text, start, raw, validator);
        if (match) matches.push(match);
      }
      return matches;
    },
  };
}

function validatedSpan(text: string, start: number, raw: string, validator: PhoneValidator): Match | undefined {
  const plus = raw.startsWith('+');
  const doubleZero = raw.startsWith('00') && /\s|-/.test(raw);
  const shorter = shorterCandidates(raw);
  // No numbering plan groups a single trailing digit: "06 12345678 2 times" is a phone and a count.
  const ordered = /\s\d$/.test(raw) ? [...shorter, raw] : [raw, ...shorter];
  for (const candidate of ordered) {
    const end = start + candidate.length;
    const after = codeAt(text, end);
    if (isWordCode(after)) continue;
    if ((after === 46 || after === 44) && isDigitCode(codeAt(text, end + 1))) continue;
    if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return undefined;
    if (CURRENCY_AFTER.test(text.slice(end, end + 5))) continue;
    const international = plus || doubleZero;
    if (!looksLikePhone(candidate, international)) continue;
    const context = supportedByContext(text, start, end, phoneContext, identifierContext);
    if (international) {
      if (!context && identifierContext.nearestBefore(text, start) >= 0) return undefined;
      const confidence = internationalConfidence(validator.classify(candidate)?.strength, context, candidate);
      if (confidence === undefined) continue;
      return { start, end, confidence };
    }
    const confidence = nationalConfidence(text, start, candidate, context, validator);
    if (confidence === undefined) continue;
    return { start, end, confidence };
  }
  return undefined;
}

/**
 * A "+" or "00" and a known calling code: a valid number is a phone anyway; a possible one too when it is as long
 * as real subscriber numbers (10+ digits with the calling code; "+4912345 hits" is a count); an odd length needs
 * a context word.
 */
function internationalConfidence(
  strength: PhoneStrength | undefined,
  context: boolean,
  candidate: string,
): number | undefined {
  switch (strength) {
    case 'valid':
      return context ? 0.95 : 0.85;
    case 'possible':
      if (context) return 0.9;
      return digitCount(candidate) - (candidate.startsWith('00') ? 2 : 0) >= 10 ? 0.75 : undefined;
    case 'dialable':
      return context ? 0.7 : undefined;
    default:
      return undefined;
  }
}

/**
 * A national number has no country code, so it needs a hint that it is a phone:
 * - a context word, and then it is a phone if valid in a configured region, and for privacy also when it is not
 *   but opens with a trunk 0 like most national numbers outside North America (the writer's region may not be
 *   configured: "My number is 01420 23181064"); without the 0, "call since 1998 2005 2012" would be one;
 * - or, weaker, a label ending in a colon right before it ("I'd like to speak next year: 012-439-3759"), and then
 *   only with a trunk 0 and at least 9 digits, and valid in a configured region ("Seats: 120 140 160" is not).
 * Dates, prices and identifier words were ruled out before.
 */
function nationalConfidence(
  text: string,
  start: number,
  candidate: string,
  context: boolean,
  validator: PhoneValidator,
): number | undefined {
  if (context) {
    if (validator.toE164(candidate) !== undefined) return 0.8;
    return TRUNK_PREFIX.test(candidate) ? 0.6 : undefined;
  }
  if (!LABEL_BEFORE.test(text.slice(Math.max(0, start - 3), start))) return undefined;
  if (identifierContext.nearestBefore(text, start) >= 0) return undefined;
  if (digitCount(candidate) < 9 || !TRUNK_PREFIX.test(candidate)) return undefined;
  return validator.toE164(candidate) === undefined ? undefined : 0.7;
}
