import { isWordCode } from '../text/checksums';
import { contextMatcher } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

const HEX_PAIR_FORM = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}$/;
const DOT_FORM = /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/;
// Tried (sticky) only where a separator sits after a first group, found with indexOf: a pattern searched
// through the whole text would be tried at every "a"–"f" of ordinary prose.
const PAIR_AT = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}/y;
const DOT_AT = /[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/y;
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
  find(text, _firstDigit) {
    const matches: Match[] = [];
    findForm(text, ':', PAIR_AT, 2, matches);
    findForm(text, '-', PAIR_AT, 2, matches);
    findForm(text, '.', DOT_AT, 4, matches);
    return matches.sort((a, b) => a.start - b.start);
  },
};

function findForm(text: string, separator: string, form: RegExp, firstGroup: number, matches: Match[]): void {
  for (let at = text.indexOf(separator, firstGroup); at !== -1; at = text.indexOf(separator, at + 1)) {
    const start = at - firstGroup;
    form.lastIndex = start;
    const found = form.exec(text);
    if (!found) continue;
    const end = start + found[0].length;
    at = end - 1;
    const before = codeAt(text, start - 1);
    const after = codeAt(text, end);
    // Glued to more hex groups: an IPv6 address or a longer identifier.
    if (isWordCode(before) || isWordCode(after) || before === 58 || after === 58 || before === 45 || after === 45) {
      continue;
    }
    if ((before === 46 || after === 46) && isWordCode(codeAt(text, after === 46 ? end + 1 : start - 2))) continue;
    const dotForm = firstGroup === 4;
    if (dotForm && !/[A-Fa-f]/.test(found[0]) && macContext.nearestBefore(text, start) < 0) continue;
    matches.push({ start, end, confidence: dotForm ? 0.8 : 0.9 });
  }
}
