import { isIPv4, isIPv6 } from 'node:net';
import { isDigitCode, isWordCode } from '../text/checksums';
import { contextMatcher } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

const V4_CANDIDATE = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const V4_OCTETS = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Words that make "4.18.2.1" a version, not an address. */
const versionContext = contextMatcher([
  'version',
  'ver',
  'v',
  'release',
  'build',
  'firmware',
  'fw',
  'sdk',
  'upgrade',
  'upgraded to',
  'update',
  'updated to',
  'patch',
]);

/**
 * Whether a value is an IPv4 address (dotted quad, octets 0–255 without leading zeros) or an IPv6
 * address (any RFC 4291 text form, including "::" compression and an IPv4 tail).
 *
 * @example
 * isIpAddress('192.168.1.20'); // true
 * isIpAddress('2001:db8::8a2e:370:7334'); // true
 * isIpAddress('1.2.3'); // false
 */
export function isIpAddress(value: string): boolean {
  const trimmed = value.trim();
  return V4_OCTETS.test(trimmed) || isIPv6Candidate(trimmed);
}

function isIPv6Candidate(value: string): boolean {
  if (!isIPv6(value)) return false;
  // Every IPv6 literal people write has a digit and either "::" or all eight groups; "ab::cd" is C++.
  return /\d/.test(value) && (value.includes('::') || value.split(':').length === 8);
}

/** IP_ADDRESS in free text: IPv4 (not inside a longer dotted number or after a version word) and IPv6. */
export const ipAddressDetector: TextDetector = {
  entity: 'IP_ADDRESS',
  specificity: 50,
  find(text, firstDigit) {
    const matches: Match[] = [];
    // Every address has a digit: IPv6 literals without one ("ab::cd") are not taken.
    if (firstDigit < 0) return matches;
    if (text.includes('.')) findV4(text, firstDigit, matches);
    if (text.includes(':')) findV6(text, matches);
    return matches;
  },
};

/** A version word counts only right before the number ("version 4.18.2.1", "updated to 2.1.0.3"). */
const VERSION_WORD_DISTANCE = 12;

function findV4(text: string, firstDigit: number, matches: Match[]): void {
  V4_CANDIDATE.lastIndex = firstDigit;
  for (let found = V4_CANDIDATE.exec(text); found; found = V4_CANDIDATE.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    const before = codeAt(text, start - 1);
    const after = codeAt(text, end);
    if (isWordCode(before) || isWordCode(after)) continue;
    // "10.0.0.0.1" and "1.2.3.4.5" are dotted numbers, not addresses.
    if ((before === 46 || before === 45) && isDigitCode(codeAt(text, start - 2))) continue;
    if ((after === 46 || after === 45) && isDigitCode(codeAt(text, end + 1))) continue;
    if (!V4_OCTETS.test(found[0]) || !isIPv4(found[0])) continue;
    const version = versionContext.nearestBefore(text, start);
    if (version >= 0 && start - version <= VERSION_WORD_DISTANCE) continue;
    matches.push({ start, end, confidence: 0.9 });
  }
}

function isAddressCode(code: number): boolean {
  return (
    (code >= 48 && code <= 58) || // digits and ":"
    (code >= 65 && code <= 70) ||
    (code >= 97 && code <= 102) ||
    code === 46
  );
}

/**
 * IPv6 candidates grow outward from each ":" over hex digits, colons and dots, by hand: a regular
 * expression that may start at any hex digit is tried at every "a"–"f" of prose (10 µs per KB).
 */
function findV6(text: string, matches: Match[]): void {
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && isAddressCode(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && isAddressCode(text.charCodeAt(end))) end++;
    // A sentence's full stop or colon after the address is not part of it ("fe80::1.", "at fe80::1:").
    while (
      end > colon + 1 &&
      (text.charCodeAt(end - 1) === 46 || (text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) !== 58))
    )
      end--;
    colon = Math.max(colon, end - 1);
    const candidate = text.slice(start, end);
    if (isWordCode(codeAt(text, start - 1)) || isWordCode(codeAt(text, end))) continue;
    if (!isIPv6Candidate(candidate)) continue;
    matches.push({ start, end, confidence: 0.9 });
  }
}
