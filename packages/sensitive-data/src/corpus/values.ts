import { composeIBAN, isValidIBAN } from 'ibantools';
import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { passesLuhn, passesMod97 } from '../text/checksums';
import type { Random } from './random';

/** Valid entity values in the forms people write them, and near misses for decoys. */

const FIRST_NAMES = ['ada', 'grace', 'alan', 'linus', 'margaret', 'jose', 'sofia', 'yuki', 'amara', 'lars', 'chloe'];
const LAST_NAMES = ['lovelace', 'hopper', 'turing', 'torvalds', 'hamilton', 'garcia', 'rossi', 'tanaka', 'okafor'];
const DOMAINS = ['example.com', 'mail.example.org', 'example.co.uk', 'corp.example.net', 'example.de', 'example.io'];

export function email(random: Random): string {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const domain = random.pick(DOMAINS);
  const address = random.pick([
    `${first}.${last}@${domain}`,
    `${first[0]}${last}${random.int(1, 99)}@${domain}`,
    `${first}_${last}+orders@${domain}`,
    `${last}.${first}@${domain}`,
    `${first}${random.int(1970, 2005)}@${domain}`,
  ]);
  return random.chance(0.1) ? address.toUpperCase() : address;
}

const INTERNATIONAL_REGIONS: readonly CountryCode[] = [
  'US',
  'GB',
  'DE',
  'FR',
  'NL',
  'ES',
  'IT',
  'IN',
  'BR',
  'AU',
  'JP',
];
/** National formats are only planted for the scanner's default regions, where they can be recognised. */
export const NATIONAL_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'NL', 'ES', 'IT'];

function validPhone(random: Random, region: CountryCode) {
  const example = getExampleNumber(region, examples);
  if (!example) throw new Error(`no example number for ${region}`);
  const national = example.nationalNumber;
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = national.slice(0, national.length - 5) + random.digits(5);
    const number = parsePhoneNumberFromString(candidate, region);
    if (number?.isValid()) return number;
  }
  return example;
}

/** An international number: "+44 7400 123456", "+447400123456" or "0044 7400 123456". */
export function internationalPhone(random: Random): string {
  const number = validPhone(random, random.pick(INTERNATIONAL_REGIONS));
  const international = number.formatInternational();
  return random.pick([international, international, number.number, `00${international.slice(1)}`]);
}

/** E.164 without blanks: "+447400123456". */
export function e164Phone(random: Random): string {
  return validPhone(random, random.pick(INTERNATIONAL_REGIONS)).number;
}

/** The European habit of writing the trunk prefix in brackets: "+49 (0)1512 3456789". */
export function trunkPrefixedPhone(random: Random): string {
  const region = random.pick<CountryCode>(['DE', 'GB', 'NL', 'CH', 'AT']);
  const number = validPhone(random, region);
  const international = number.formatInternational();
  const space = international.indexOf(' ');
  return `${international.slice(0, space)} (0)${international.slice(space)}`;
}

/** "+1-415-555-0132": international with dashes. */
export function dashedInternationalPhone(random: Random): string {
  return validPhone(random, random.pick<CountryCode>(['US', 'GB', 'FR']))
    .formatInternational()
    .replace(/ /g, '-');
}

/** "415.555.0132": US national with dots. */
export function dottedUsPhone(random: Random): string {
  const digits = validPhone(random, 'US').nationalNumber;
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
}

/** A 15-digit IMEI, which passes Luhn like a card does. */
export function imei(random: Random): string {
  return luhnComplete(`35${random.digits(12)}`);
}

/** A national number, e.g. "(201) 555-0123" or "06 12345678"; only recognisable next to a context word. */
export function nationalPhone(random: Random): string {
  return validPhone(random, random.pick(NATIONAL_REGIONS)).formatNational();
}

function luhnComplete(body: string): string {
  for (let check = 0; check <= 9; check++) {
    if (passesLuhn(body + check)) return body + check;
  }
  throw new Error('unreachable: one check digit always completes Luhn');
}

function cardDigits(random: Random): string {
  const [prefix, length] = random.pick<readonly [string, number]>([
    ['4', 16],
    ['4', 16],
    [String(random.int(51, 55)), 16],
    [String(random.int(2221, 2720)), 16],
    [random.pick(['34', '37']), 15],
    ['6011', 16],
    [String(random.int(3528, 3589)), 16],
    ['36', 14],
    ['62', 16],
  ]);
  return luhnComplete(prefix + random.digits(length - prefix.length - 1));
}

function groupCard(digits: string, separator: string): string {
  if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(separator);
  if (digits.length === 14) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(separator);
  return digits.match(/.{1,4}/g)?.join(separator) ?? digits;
}

/** A card number passing Luhn in a known IIN range: plain, or grouped by spaces or dashes. */
export function creditCard(random: Random): string {
  return groupCard(cardDigits(random), random.pick(['', ' ', ' ', '-']));
}

/** Sixteen digits in a card range that fail Luhn. */
export function cardFailingLuhn(random: Random): string {
  const prefix = random.pick(['4', String(random.int(51, 55)), '6011', String(random.int(3528, 3589))]);
  const digits = prefix + random.digits(16 - prefix.length);
  const failing = passesLuhn(digits) ? digits.slice(0, -1) + ((Number(digits.slice(-1)) + 1) % 10) : digits;
  return groupCard(failing, random.pick(['', ' ', '-']));
}

/** Sixteen digits that pass Luhn and sit in a card range, written as a tracking number. */
export function luhnValidTrackingNumber(random: Random): string {
  return luhnComplete(`4${random.digits(14)}`);
}

const IBAN_TEMPLATES = [
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'BE68539007547034',
  'CH9300762011623852957',
  'AT611904300234573201',
  'PL61109010140000071219812874',
  'SE4550000000058398257466',
  'IE29AIBK93115212345678',
  'DK5000400440116243',
  'PT50000201231234567890154',
];

function randomIban(random: Random): string {
  const template = random.pick(IBAN_TEMPLATES);
  const countryCode = template.slice(0, 2);
  for (let attempt = 0; attempt < 30; attempt++) {
    // Keep the bank code, change the account digits, recompute the check digits.
    const bban = template.slice(4).replace(/\d(?=\d{0,7}$)/g, () => random.digits(1));
    const iban = composeIBAN({ countryCode, bban });
    if (iban && isValidIBAN(iban)) return iban;
  }
  return template;
}

function printFormat(iban: string): string {
  return iban.match(/.{1,4}/g)?.join(' ') ?? iban;
}

/** A valid IBAN, electronic ("DE89370400440532013000") or printed in groups of four. */
export function iban(random: Random): string {
  const value = randomIban(random);
  return random.chance(0.5) ? printFormat(value) : value;
}

/** An IBAN whose mod-97 check digits are wrong. */
export function ibanWithBadChecksum(random: Random): string {
  const valid = randomIban(random);
  let bad = valid;
  while (passesMod97(bad)) bad = `${valid.slice(0, 2)}${String(random.int(2, 98)).padStart(2, '0')}${valid.slice(4)}`;
  return random.chance(0.5) ? printFormat(bad) : bad;
}

export function ipv4(random: Random): string {
  return [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.');
}

/** IPv6 in full or "::"-compressed form. */
export function ipv6(random: Random): string {
  const groups = Array.from({ length: 8 }, () => random.int(0, 0xffff).toString(16));
  groups[0] = random.pick(['2001', 'fe80', '2a00', '2606']);
  if (random.chance(0.3)) return groups.join(':');
  const from = random.int(1, 5);
  const length = random.int(2, 8 - from - 1);
  return `${groups.slice(0, from).join(':')}::${groups.slice(from + length).join(':')}`;
}

function hexByte(random: Random): string {
  return random.int(0, 255).toString(16).padStart(2, '0');
}

/** A MAC address in colon, dash or Cisco dot form. */
export function macAddress(random: Random): string {
  const bytes = Array.from({ length: 6 }, () => hexByte(random));
  const form = random.pick(['colon', 'dash', 'dot']);
  if (form === 'dot') {
    if (!bytes.join('').match(/[a-f]/)) bytes[5] = 'ab';
    const hex = bytes.join('');
    return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`;
  }
  const value = bytes.join(form === 'colon' ? ':' : '-');
  return random.chance(0.5) ? value.toUpperCase() : value;
}

/** Nine digits in the ranges the SSA issues. */
export function ssnDigits(random: Random): string {
  let area = random.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}${String(random.int(1, 99)).padStart(2, '0')}${String(random.int(1, 9999)).padStart(4, '0')}`;
}

export function dashedSsn(random: Random): string {
  const digits = ssnDigits(random);
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
