import { isAsciiLetterCode, isDigitCode } from '../text/checksums';
import type { Match, TextDetector } from './detector';

const LOCAL_PART = /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})$/;

function isLocalCode(code: number): boolean {
  // letters, digits and . _ % + - '
  return (
    isAsciiLetterCode(code) ||
    isDigitCode(code) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45 ||
    code === 39
  );
}

function isDomainCode(code: number): boolean {
  return isAsciiLetterCode(code) || isDigitCode(code) || code === 46 || code === 45;
}

/**
 * Whether a whole value is an email address (dot-atom local part, a domain with a real-looking TLD).
 *
 * @example
 * isEmail('ada.lovelace+etl@example.co.uk'); // true
 * isEmail('@handle'); // false
 */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at > 64 || value.length > 254) return false;
  return LOCAL_PART.test(value.slice(0, at)) && DOMAIN.test(value.slice(at + 1));
}

/**
 * Finds addresses by expanding around each "@" rather than running one regular expression over the text:
 * linear, and texts without "@" cost one `indexOf`.
 */
export const emailDetector: TextDetector = {
  entity: 'EMAIL',
  specificity: 60,
  find(text, _firstDigit) {
    const matches: Match[] = [];
    let floor = 0;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > floor && isLocalCode(text.charCodeAt(start - 1))) start--;
      while (start < at && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 39)) start++;
      let end = at + 1;
      while (end < text.length && isDomainCode(text.charCodeAt(end))) end++;
      // A sentence's full stop or a trailing hyphen is not part of the domain.
      while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
      if (start < at && end > at + 1 && isEmail(text.slice(start, end))) {
        matches.push({ start, end, confidence: 0.95 });
        floor = end;
        at = end - 1;
      }
    }
    return matches;
  },
};
