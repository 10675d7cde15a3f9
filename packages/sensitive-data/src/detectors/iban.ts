import { countrySpecs } from 'ibantools';
import { isAsciiLetterCode, isDigitCode, isWordCode, passesMod97 } from '../text/checksums';
import { codeAt, type Match, type TextDetector } from './detector';

// Check digits, then at least 11 more characters, possibly in groups of four; the two-letter country code
// before them is checked by hand. Starting the pattern at the letters (or at a lookbehind) would try it at
// every letter of ordinary prose.
const CANDIDATE = /\d{2}(?: ?[A-Za-z0-9]){11,30}/g;

function ibanLength(countryCode: string): number | undefined {
  return countrySpecs[countryCode.toUpperCase()]?.chars;
}

const ELECTRONIC_IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/**
 * Whether a value is an IBAN: a country ibantools knows, that country's length and the ISO 13616 (ISO 7064
 * mod-97) checksum; spaces are allowed anywhere. Neither the BBAN format nor national check digits (HR, PT, BE,
 * SK …) are required: for privacy, a mod-97-valid account number of the right length is an account number even
 * when its bank part is mistyped or made up (a 2-digit checksum lets one random string in 97 through, and the
 * exact country length keeps that rare in prose). Glue and most DLP tools decide the same way.
 *
 * @example
 * isIban('DE89 3704 0044 0532 0130 00'); // true
 * isIban('DE89 3704 0044 0532 0130 01'); // false: bad checksum
 * isIban('HR77 1517 0351 0731 0975 9'); // true: mod-97 valid, though its national check digit is wrong
 */
export function isIban(value: string): boolean {
  const electronic = value.replace(/ /g, '').toUpperCase();
  return (
    ELECTRONIC_IBAN.test(electronic) &&
    ibanLength(electronic.slice(0, 2)) === electronic.length &&
    passesMod97(electronic)
  );
}

/**
 * IBAN in free text. The candidate pattern is loose (it may run into the next word); the country's length
 * decides where the IBAN ends, and the checksum decides whether it is one.
 */
export const ibanDetector: TextDetector = {
  entity: 'IBAN',
  specificity: 90,
  find(text, firstDigit) {
    const matches: Match[] = [];
    if (firstDigit < 0) return matches;
    CANDIDATE.lastIndex = firstDigit;
    for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
      const start = found.index - 2;
      const countryCode =
        isAsciiLetterCode(codeAt(text, start)) &&
        isAsciiLetterCode(codeAt(text, start + 1)) &&
        !isWordCode(codeAt(text, start - 1));
      const length = countryCode ? ibanLength(text.slice(start, start + 2)) : undefined;
      const end = length === undefined ? undefined : endAfter(text, start, length);
      if (end === undefined || isWordCode(codeAt(text, end)) || !isIban(text.slice(start, end))) {
        CANDIDATE.lastIndex = found.index + 1;
        continue;
      }
      matches.push({ start, end, confidence: 0.99 });
      CANDIDATE.lastIndex = end;
    }
    return matches;
  },
};

/** The offset after `count` letters and digits from `start`, allowing single spaces between them. */
function endAfter(text: string, start: number, count: number): number | undefined {
  let seen = 0;
  let index = start;
  while (seen < count && index < text.length) {
    const code = text.charCodeAt(index);
    if (isDigitCode(code) || isAsciiLetterCode(code)) seen++;
    else if (code !== 32 || codeAt(text, index - 1) === 32) return undefined;
    index++;
  }
  return seen === count ? index : undefined;
}
