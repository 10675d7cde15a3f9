import type { Faker } from '@faker-js/faker';
import { luhnCheckDigit } from './checksums';
import type { SeededRandom } from './random';

/** Issuer prefixes and lengths (ISO/IEC 7812 IINs) of the cards people actually paste into forms. */
const CARD_ISSUERS = [
  { prefixes: ['4'], length: 16, grouping: [4, 4, 4, 4] },
  { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16, grouping: [4, 4, 4, 4] },
  { prefixes: ['34', '37'], length: 15, grouping: [4, 6, 5] },
] as const;

/**
 * A Luhn-valid card number with a real issuer prefix, written the ways people type them: in groups separated by
 * spaces or dashes, or as one run of digits.
 *
 * @example
 * ```ts
 * cardNumber(random); // '4539 1488 0343 6467'
 * ```
 */
export function cardNumber(random: SeededRandom): string {
  const issuer = random.pick(CARD_ISSUERS);
  const prefix = random.pick(issuer.prefixes);
  const payload = prefix + random.digits(issuer.length - prefix.length - 1);
  const digits = payload + String(luhnCheckDigit(payload));
  const separator = random.pick([' ', '-', '']);
  if (separator === '') return digits;
  const groups: string[] = [];
  let offset = 0;
  for (const size of issuer.grouping) {
    groups.push(digits.slice(offset, offset + size));
    offset += size;
  }
  return groups.join(separator);
}

/**
 * Countries faker can make an IBAN for. Process-wide without harming determinism: faker rejects an unknown
 * country before it draws a single random number, so a cache hit and a miss consume the same draws.
 */
const ibanCountries = new Map<string, boolean>();

/**
 * An IBAN with a valid mod-97 checksum and its country's BBAN layout (faker knows the layouts), for the
 * attendee's own country when IBANs exist there, else for a random IBAN country. Printed with spaces half the
 * time, as on a bank statement.
 */
export function ibanFor(faker: Faker, random: SeededRandom, countryCode: string): string {
  const formatted = random.chance(0.5);
  if (ibanCountries.get(countryCode) !== false) {
    try {
      const iban = faker.finance.iban({ countryCode, formatted });
      ibanCountries.set(countryCode, true);
      return iban;
    } catch {
      // Faker throws for countries without IBANs (US, JP…); remember and use a random IBAN country instead.
      ibanCountries.set(countryCode, false);
    }
  }
  return faker.finance.iban({ formatted });
}
