import { isWordCode } from '../text/checksums';
import { contextMatcher } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

const HEX_PAIR_FORM = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}$/;
const DOT_FORM = /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/;
const CANDIDATE =
  /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/g;
const macContext = contextMatcher(['mac', 'mac address', 'hardware address', 'hwaddr', 'ether', 'ethernet', 'bssid']);

/**
 * Whether a value is a MAC address in colon ("00:1a:2b:3c:4d:5e"), dash ("00-1A-2B-3C-4D-5E") or Cisco dot
 * ("001a.2b3c.4d5e") form. All-digit dot forms read like grouped numbers, so in free text they also need a
 * hex letter or a context word.
 *
 * @example
 * isMacAddress('00:1a:2b:3c:4d:5e'); // true
 * isMacAddress('00:1a:2b:3c:4d'); // false
 */
export function isMacAddress(value: string): boolean {
  const trimmed = value.trim();
  return HEX_PAIR_FORM.test(trimmed) || DOT_FORM.test(trimmed);
}

/** MAC_ADDRESS in free text. */
export const macAddressDetector: TextDetector = {
  entity: 'MAC_ADDRESS',
  specificity: 70,
  find(text) {
    const matches: Match[] = [];
    CANDIDATE.lastIndex = 0;
    for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
      const start = found.index;
      const end = start + found[0].length;
      const before = codeAt(text, start - 1);
      const after = codeAt(text, end);
      // Glued to more hex groups: an IPv6 address or a longer identifier.
      if (isWordCode(before) || isWordCode(after) || before === 58 || after === 58 || before === 45 || after === 45) {
        continue;
      }
      if ((before === 46 || after === 46) && isWordCode(codeAt(text, after === 46 ? end + 1 : start - 2))) continue;
      const dotForm = found[1] === undefined;
      if (dotForm && !/[A-Fa-f]/.test(found[0]) && macContext.nearestBefore(text, start) < 0) continue;
      matches.push({ start, end, confidence: dotForm ? 0.8 : 0.9 });
    }
    return matches;
  },
};
