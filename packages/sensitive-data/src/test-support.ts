/** Test factories shared by the package's tests; not exported from the package. */
import fc from 'fast-check';
import { parseSensitiveDataPolicy, type SensitiveDataPolicyConfig } from './policy/policy';
import { createScanner, type ScanOptions } from './scan/scanner';
import type { EntityName, SensitiveEntity } from './types';

export const TEST_KEY = 'test-key-0123456789abcdef0123456789abcdef';

/** The texts of the findings of one entity (or all, when `entity` is omitted). */
export function found(text: string, entity?: EntityName, options: ScanOptions = {}): string[] {
  return createScanner({ ...options, includeValues: true })
    .scan(text)
    .filter((finding) => entity === undefined || finding.entity === entity)
    .map((finding) => finding.value ?? '');
}

export function testPolicy(overrides: Partial<SensitiveDataPolicyConfig> = {}) {
  return parseSensitiveDataPolicy({ hmacKey: TEST_KEY, ...overrides });
}

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
const word = fc.stringMatching(/^[a-z][a-z0-9]{1,11}$/);
const hex = (length: number) =>
  fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length }).map((cs) => cs.join(''));

/** Values of realistic length for each entity, in the shapes detectors accept. */
export const realisticValues: Record<SensitiveEntity, fc.Arbitrary<string>> = {
  EMAIL: fc
    .tuple(word, word, fc.constantFrom('com', 'org', 'co.uk'))
    .map(([local, host, tld]) => `${local}@${host}.${tld}`),
  PHONE_NUMBER: fc
    .tuple(fc.constantFrom('+44 ', '+1 ', '+31 6 ', '0'), digits(8, 11))
    .map(([prefix, rest]) => prefix + rest),
  CREDIT_CARD: fc
    .tuple(fc.constantFrom('4', '51', '37', '6011'), digits(11, 14), fc.constantFrom('', ' ', '-'))
    .map(([prefix, rest, separator]) => (prefix + rest).match(/.{1,4}/g)?.join(separator) ?? ''),
  IBAN: fc.tuple(fc.constantFrom('DE', 'GB', 'NL', 'FR'), digits(2, 2), digits(14, 22)).map((parts) => parts.join('')),
  IP_ADDRESS: fc.oneof(
    fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 255 }))).map((octets) => octets.join('.')),
    fc.array(hex(4), { minLength: 8, maxLength: 8 }).map((groups) => groups.join(':')),
  ),
  MAC_ADDRESS: fc.array(hex(2), { minLength: 6, maxLength: 6 }).map((bytes) => bytes.join(':')),
  US_SSN: fc.tuple(digits(3, 3), digits(2, 2), digits(4, 4)).map((parts) => parts.join('-')),
  PERSON_NAME: fc.tuple(word, word).map(([first, last]) => `${first[0]?.toUpperCase()}${first.slice(1)} ${last}`),
  DATE_OF_BIRTH: fc
    .date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
};
