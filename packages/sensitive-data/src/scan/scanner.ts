import type { CountryCode } from 'libphonenumber-js/max';
import { creditCardDetector } from '../detectors/credit-card';
import { type CustomPattern, createCustomPatternDetector } from '../detectors/custom-pattern';
import type { Match, TextDetector } from '../detectors/detector';
import { emailDetector } from '../detectors/email';
import { ibanDetector } from '../detectors/iban';
import { ipAddressDetector } from '../detectors/ip-address';
import { macAddressDetector } from '../detectors/mac-address';
import { createPhoneDetector } from '../detectors/phone-number';
import { usSsnDetector } from '../detectors/us-ssn';
import { type EntityName, type Finding, TEXT_ENTITIES, type TextEntity } from '../types';

/** What to look for in free text. */
export interface ScanOptions {
  /** Built-in entities to scan for; default all of {@link TEXT_ENTITIES}. */
  readonly entities?: readonly TextEntity[];
  readonly customPatterns?: readonly CustomPattern[];
  /** Regions whose national phone formats count (with a context word); default {@link DEFAULT_PHONE_REGIONS}. */
  readonly phoneRegions?: readonly CountryCode[];
  /** Put the matched text in each finding's `value`; off by default so findings can be logged. */
  readonly includeValues?: boolean;
  /** Drop findings below this confidence; default 0. */
  readonly minConfidence?: number;
}

/** A scanner built once (detectors compiled, phone validator memoised) and used for every text. */
export interface Scanner {
  readonly entities: readonly EntityName[];
  scan(text: string): Finding[];
}

const DIGIT = /\d/;

interface Candidate extends Match {
  readonly detector: TextDetector;
  readonly specificity: number;
}

function builtInDetector(entity: TextEntity, options: ScanOptions): TextDetector {
  switch (entity) {
    case 'EMAIL':
      return emailDetector;
    case 'PHONE_NUMBER':
      return createPhoneDetector(options.phoneRegions ? { regions: options.phoneRegions } : {});
    case 'CREDIT_CARD':
      return creditCardDetector;
    case 'IBAN':
      return ibanDetector;
    case 'IP_ADDRESS':
      return ipAddressDetector;
    case 'MAC_ADDRESS':
      return macAddressDetector;
    case 'US_SSN':
      return usSsnDetector;
  }
}

/**
 * Keeps one finding per stretch of text: the longest wins, then the more specific entity (IBAN over card
 * over SSN over MAC over email over IP over phone; custom patterns over all), then the more confident.
 */
export function resolveOverlaps<T extends Match & { readonly specificity: number }>(candidates: readonly T[]): T[] {
  if (candidates.length < 2) return [...candidates];
  const ranked = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      b.specificity - a.specificity ||
      b.confidence - a.confidence ||
      a.start - b.start,
  );
  const kept: T[] = [];
  for (const candidate of ranked) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Builds a scanner. Build it once per container (the phone validator memoises, custom patterns compile)
 * and call `scan` per text.
 *
 * @example
 * const scanner = createScanner({ phoneRegions: ['US', 'GB'], includeValues: true });
 * scanner.scan('Call me on +44 20 7946 0958 or mail ada@example.com');
 * // [{ entity: 'PHONE_NUMBER', start: 11, end: 27, value: '+44 20 7946 0958', confidence: 0.95 },
 * //  { entity: 'EMAIL', start: 36, end: 51, value: 'ada@example.com', confidence: 0.95 }]
 */
export function createScanner(options: ScanOptions = {}): Scanner {
  const detectors = [
    ...(options.entities ?? TEXT_ENTITIES).map((entity) => builtInDetector(entity, options)),
    ...(options.customPatterns ?? []).map(createCustomPatternDetector),
  ];
  const includeValues = options.includeValues ?? false;
  const minConfidence = options.minConfidence ?? 0;
  return {
    entities: detectors.map((detector) => detector.entity),
    scan(text) {
      const candidates: Candidate[] = [];
      const firstDigit = text.search(DIGIT);
      for (const detector of detectors) {
        for (const match of detector.find(text, firstDigit)) {
          if (match.confidence >= minConfidence) {
            candidates.push({ ...match, detector, specificity: detector.specificity });
          }
        }
      }
      return resolveOverlaps(candidates).map(({ detector, start, end, confidence }) =>
        includeValues
          ? { entity: detector.entity, start, end, value: text.slice(start, end), confidence }
          : { entity: detector.entity, start, end, confidence },
      );
    },
  };
}

const scanners = new WeakMap<ScanOptions, Scanner>();
let defaultScanner: Scanner | undefined;

/**
 * Finds sensitive spans in a text. Scanners are cached per options object, so pass the same object each
 * time (or build one with {@link createScanner}).
 *
 * @example
 * scanText('card 4111 1111 1111 1111, order 4111 1111 1111 1112');
 * // [{ entity: 'CREDIT_CARD', start: 5, end: 24, confidence: 0.99 }] (the second fails Luhn)
 */
export function scanText(text: string, options?: ScanOptions): Finding[] {
  if (!options) {
    defaultScanner ??= createScanner();
    return defaultScanner.scan(text);
  }
  let scanner = scanners.get(options);
  if (!scanner) {
    scanner = createScanner(options);
    scanners.set(options, scanner);
  }
  return scanner.scan(text);
}
