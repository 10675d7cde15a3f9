import { isIPv4, isIPv6 } from 'node:net';
import { isDigitCode, isWordCode } from '../text/checksums';
import { contextMatcher } from '../text/context';
import { codeAt, type Match, type TextDetector } from './detector';

const V4_CANDIDATE = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
// Hex groups and colons (with "::" compression), optionally ending in a dotted IPv4 tail.
const V6_CANDIDATE = /(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?/g;
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
  find(text) {
    const matches: Match[] = [];
    if (text.includes('.')) findV4(text, matches);
    if (text.includes(':')) findV6(text, matches);
    return matches;
  },
};

/** A version word counts only right before the number ("version 4.18.2.1", "updated to 2.1.0.3"). */
const VERSION_WORD_DISTANCE = 12;

function findV4(text: string, matches: Match[]): void {
  V4_CANDIDATE.lastIndex = 0;
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

function findV6(text: string, matches: Match[]): void {
  V6_CANDIDATE.lastIndex = 0;
  for (let found = V6_CANDIDATE.exec(text); found; found = V6_CANDIDATE.exec(text)) {
    let candidate = found[0];
    const start = found.index;
    // A trailing single colon belongs to the sentence ("address fe80::1:"), not the address.
    if (candidate.endsWith(':') && !candidate.endsWith('::')) candidate = candidate.slice(0, -1);
    const end = start + candidate.length;
    const before = codeAt(text, start - 1);
    const after = codeAt(text, end);
    if (isWordCode(before) || before === 58 || isWordCode(after)) continue;
    if (after === 46 && isDigitCode(codeAt(text, end + 1))) continue;
    if (!isIPv6Candidate(candidate)) continue;
    matches.push({ start, end, confidence: 0.9 });
  }
}
