import type { EntityName } from '../types';
import * as decoy from './decoys';
import { type Random, seededRandom } from './random';
import type { DecoyKind, DecoySpan, LabelledCorpus, LabelledText, LabelledValue, PlantedSpan } from './types';
import * as valid from './values';

type Piece =
  | string
  | { readonly entity: EntityName; readonly value: string }
  | { readonly decoy: DecoyKind; readonly value: string };
type Fragment = (random: Random) => readonly Piece[];

const e = (entity: EntityName, value: string): Piece => ({ entity, value });
const d = (kind: DecoyKind, value: string): Piece => ({ decoy: kind, value });

/** Sentences that carry one entity, with or without a context word, the way customers write them. */
const ENTITY_FRAGMENTS: Readonly<Record<string, readonly Fragment[]>> = {
  EMAIL: [
    (r) => ['You can email me at ', e('EMAIL', valid.email(r)), '.'],
    (r) => ['Contact: ', e('EMAIL', valid.email(r)), ' (after 6pm).'],
    (r) => ['Please send the invoice to ', e('EMAIL', valid.email(r)), ' instead.'],
    (r) => [e('EMAIL', valid.email(r)), ' is my new address.'],
    (r) => ['Reply to me (', e('EMAIL', valid.email(r)), ') please.'],
    (r) => ['E-mail:', e('EMAIL', valid.email(r)), '; thanks.'],
    (r) => ['mailto:', e('EMAIL', valid.email(r)), '.'],
  ],
  PHONE_INTERNATIONAL: [
    (r) => ['Call me on ', e('PHONE_NUMBER', valid.internationalPhone(r)), ' if the courier is late.'],
    (r) => ['My number is ', e('PHONE_NUMBER', valid.internationalPhone(r)), '.'],
    (r) => ['WhatsApp: ', e('PHONE_NUMBER', valid.internationalPhone(r)), '.'],
    (r) => ['You can reach me at ', e('PHONE_NUMBER', valid.internationalPhone(r)), ' after 5pm.'],
    (r) => ['I am at ', e('PHONE_NUMBER', valid.internationalPhone(r)), ' most days.'],
    (r) => ['Urgent (', e('PHONE_NUMBER', valid.internationalPhone(r)), ').'],
    (r) => ['Mobile/WhatsApp: ', e('PHONE_NUMBER', valid.trunkPrefixedPhone(r)), '.'],
    (r) => ['tel:', e('PHONE_NUMBER', valid.e164Phone(r)), '.'],
    (r) => ['Text me on ', e('PHONE_NUMBER', valid.dashedInternationalPhone(r)), ', not email.'],
  ],
  PHONE_NATIONAL: [
    (r) => ['Call me at ', e('PHONE_NUMBER', valid.nationalPhone(r)), ' tomorrow.'],
    (r) => ['My mobile is ', e('PHONE_NUMBER', valid.nationalPhone(r)), '.'],
    (r) => ['Tel. ', e('PHONE_NUMBER', valid.nationalPhone(r)), '.'],
    (r) => ['Phone: ', e('PHONE_NUMBER', valid.nationalPhone(r)), ' (evenings).'],
    (r) => ['Please ring me on ', e('PHONE_NUMBER', valid.nationalPhone(r)), '.'],
    (r) => ['My cell: ', e('PHONE_NUMBER', valid.dottedUsPhone(r)), '.'],
  ],
  CREDIT_CARD: [
    (r) => ['I paid with card ', e('CREDIT_CARD', valid.creditCard(r)), ' but was charged twice.'],
    (r) => ['Card number: ', e('CREDIT_CARD', valid.creditCard(r)), '.'],
    (r) => ['My visa ', e('CREDIT_CARD', valid.creditCard(r)), ' expired last month.'],
    (r) => [e('CREDIT_CARD', valid.creditCard(r)), ' was declined at checkout.'],
    (r) => ['Please refund ', e('CREDIT_CARD', valid.creditCard(r)), '.'],
    (r) => ['CC#', e('CREDIT_CARD', valid.creditCard(r)), ' exp 12/27.'],
    (r) => ['card: ', e('CREDIT_CARD', valid.creditCard(r)), ', cvv on the back.'],
  ],
  IBAN: [
    (r) => ['Please refund to ', e('IBAN', valid.iban(r)), '.'],
    (r) => ['IBAN: ', e('IBAN', valid.iban(r)), '.'],
    (r) => ['The transfer from ', e('IBAN', valid.iban(r)), ' bounced.'],
    (r) => ['IBAN:', e('IBAN', valid.iban(r)), ' (my savings account).'],
  ],
  IP_ADDRESS: [
    (r) => ['My IP is ', e('IP_ADDRESS', valid.ipv4(r)), ' according to the app.'],
    (r) => ['Requests from ', e('IP_ADDRESS', valid.ipv4(r)), ' keep failing.'],
    (r) => ['Server ', e('IP_ADDRESS', valid.ipv6(r)), ' timed out.'],
    (r) => ['Login from ', e('IP_ADDRESS', r.chance(0.5) ? valid.ipv4(r) : valid.ipv6(r)), ' was not me!'],
    (r) => ['The proxy at ', e('IP_ADDRESS', valid.ipv4(r)), ':8080 refuses connections.'],
    (r) => ['Blocked range ', e('IP_ADDRESS', valid.ipv4(r)), '/24 by mistake?'],
    (r) => ['Connect to [', e('IP_ADDRESS', valid.ipv6(r)), ']:443 fails.'],
  ],
  MAC_ADDRESS: [
    (r) => ['Device ', e('MAC_ADDRESS', valid.macAddress(r)), ' cannot connect.'],
    (r) => ['MAC address: ', e('MAC_ADDRESS', valid.macAddress(r)), '.'],
    (r) => ['The router lists ', e('MAC_ADDRESS', valid.macAddress(r)), ' as blocked.'],
    (r) => ['hwaddr=', e('MAC_ADDRESS', valid.macAddress(r)), ', please whitelist it.'],
  ],
  US_SSN: [
    (r) => ['My SSN is ', e('US_SSN', valid.dashedSsn(r)), '.'],
    (r) => ['SSN: ', e('US_SSN', valid.ssnDigits(r)), '.'],
    (r) => {
      const digits = valid.ssnDigits(r);
      return [
        'Social security number ',
        e('US_SSN', `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`),
        '.',
      ];
    },
    (r) => ['The form is attached, ', e('US_SSN', valid.dashedSsn(r)), ' is on page two.'],
    (r) => ['SSN#', e('US_SSN', valid.dashedSsn(r)), '.'],
    (r) => ['My social is ', e('US_SSN', valid.dashedSsn(r)), ', please update it.'],
  ],
};

/** Sentences with numbers that are not entities, several with a misleading context word nearby. */
const DECOY_FRAGMENTS: readonly Fragment[] = [
  (r) => ['Delivered on ', d('date', decoy.date(r)), '.'],
  (r) => ['Please call me on ', d('date', decoy.date(r)), ' to reschedule.'],
  (r) => ['Call me after ', d('time', decoy.time(r)), ' on ', d('date', decoy.date(r)), '.'],
  (r) => ['Logged at ', d('timestamp', decoy.timestamp(r)), '.'],
  (r) => ['It costs ', d('price', decoy.price(r)), ' now.'],
  (r) => ['My new phone cost ', d('price', decoy.price(r)), '!'],
  (r) => ['Order ', d('order-id', decoy.orderId(r)), ' is missing.'],
  (r) => ['Please call me about order ', d('order-id', decoy.orderId(r)), '.'],
  (r) => ['Invoice ', d('invoice-number', decoy.invoiceNumber(r)), ' was paid twice.'],
  (r) => ['I stayed in room ', d('room-number', decoy.roomNumber(r)), '.'],
  (r) => ['Call the front desk, room ', d('room-number', decoy.roomNumber(r)), '.'],
  (r) => ['Ship to ', d('street-address', decoy.streetAddress(r)), '.'],
  (r) => ['Updated the app to ', d('version', decoy.version(r)), ' and it crashes.'],
  (r) => ['Firmware version ', d('version', decoy.fourPartVersion(r)), ' is buggy.'],
  (r) => ['Since build ', d('version', decoy.fourPartVersion(r)), ' the sync fails.'],
  (r) => ['Card ', d('card-failing-luhn', valid.cardFailingLuhn(r)), ' was rejected?'],
  (r) => ['Reference ', d('card-failing-luhn', valid.cardFailingLuhn(r)), '.'],
  (r) => ['Tracking number ', d('luhn-valid-tracking-number', valid.luhnValidTrackingNumber(r)), '.'],
  (r) => ['IBAN ', d('iban-bad-checksum', valid.ibanWithBadChecksum(r)), ' seems wrong.'],
  (r) => ['Reference ', d('nine-digits-no-context', valid.ssnDigits(r)), '.'],
  (r) => ['Got ', d('nine-digits-no-context', valid.ssnDigits(r)), ' in the letter.'],
  (r) => ['Customer since ', d('year', decoy.year(r)), '.'],
  (r) => ['Discount was ', d('percentage', decoy.percentage(r)), '.'],
  (r) => ['Store location ', d('decimal', decoy.decimalPair(r)), '.'],
  (r) => ['The book with ISBN ', d('isbn', decoy.isbn(r)), ' is out of stock.'],
  (r) => ['I tried ', d('phone-like-no-context', valid.nationalPhone(r)), ' twice.'],
  (r) => ['Batch ', d('phone-like-no-context', valid.nationalPhone(r)), ' failed QA.'],
  (r) => ['My phone IMEI is ', d('imei', valid.imei(r)), '.'],
  (r) => ['Text me the code ', d('one-time-code', r.digits(6)), ' again.'],
  (r) => ['Phone screen is ', d('dimensions', `${r.pick([1920, 2560, 1170])}x${r.pick([1080, 1440, 2532])}`), '.'],
  (r) => [
    'Sort code ',
    d('sort-code', `${r.digits(2)}-${r.digits(2)}-${r.digits(2)}`),
    ', account ',
    d('account-number', r.digits(8)),
    '.',
  ],
  (r) => ['ZIP ', d('zip-code', `${r.digits(5)}-${r.digits(4)}`), ' is wrong on the label.'],
  (r) => ['Call me on ', d('date', decoy.date(r)), ' at ', d('time', decoy.time(r)), '.'],
  (r) => ['Phone battery drops to ', d('percentage', decoy.percentage(r)), ' overnight.'],
  (r) => ['Lot ', d('order-id', `${decoy.date(r)}-${r.digits(4)}`), ' was recalled.'],
];

const FILLERS: readonly string[] = [
  'Thanks for the quick delivery.',
  'The package arrived damaged.',
  'Great service, will order again!',
  'The app keeps logging me out.',
  'Nobody answered my last message.',
  'I would like a refund please.',
  'The size guide is wrong, the shoes are too small.',
  'Five stars.',
  'Why was I charged a fee?',
  'The courier left it with a neighbour.',
];

const ENTITY_KINDS = Object.keys(ENTITY_FRAGMENTS);

function fragmentFor(random: Random): readonly Piece[] {
  const roll = random.next();
  if (roll < 0.45) return random.pick(ENTITY_FRAGMENTS[random.pick(ENTITY_KINDS)] ?? [])(random);
  if (roll < 0.85) return random.pick(DECOY_FRAGMENTS)(random);
  return [random.pick(FILLERS)];
}

function labelledText(random: Random): LabelledText {
  let text = '';
  const entities: PlantedSpan[] = [];
  const decoys: DecoySpan[] = [];
  const fragments = random.int(1, 4);
  for (let index = 0; index < fragments; index++) {
    if (index > 0) text += ' ';
    for (const piece of fragmentFor(random)) {
      if (typeof piece === 'string') {
        text += piece;
        continue;
      }
      const start = text.length;
      text += piece.value;
      if ('entity' in piece) entities.push({ entity: piece.entity, start, end: text.length, value: piece.value });
      else decoys.push({ kind: piece.decoy, start, end: text.length, value: piece.value });
    }
  }
  return { text, entities, decoys };
}

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  "Siobhán O'Connor",
  'Jean-Luc Picard',
  'José María García',
  'Yuki Tanaka',
];
const NOT_NAMES = ['N/A', 'unknown', '12345', 'ada@example.com', 'Order #4821', '-', 'null', '0612345678', 'ACME 2020'];

function labelledValues(random: Random, count: number, now: Date): LabelledValue[] {
  const values: LabelledValue[] = [];
  const nowYear = now.getUTCFullYear();
  for (let index = 0; index < count; index++) {
    const positive = random.chance(0.6);
    if (random.chance(0.5)) {
      const name = random.pick(NAMES);
      values.push({
        declared: 'PERSON_NAME',
        positive,
        value: positive ? (random.chance(0.2) ? name.toUpperCase() : name) : random.pick(NOT_NAMES),
      });
      continue;
    }
    const [m, day] = [random.int(1, 12), random.int(1, 28)];
    const pad = (value: number) => String(value).padStart(2, '0');
    const birthYear = random.int(nowYear - 100, nowYear - 1);
    const formatted = (year: number) =>
      random.pick([`${year}-${pad(m)}-${pad(day)}`, `${pad(day)}/${pad(m)}/${year}`, `${pad(day)}.${pad(m)}.${year}`]);
    values.push({
      declared: 'DATE_OF_BIRTH',
      positive,
      value: positive
        ? formatted(birthYear)
        : random.pick([
            formatted(nowYear + random.int(1, 20)),
            `${birthYear}-02-30`,
            `${birthYear}-13-01`,
            formatted(nowYear - 200),
            'unknown',
            'yesterday',
            '12345',
          ]),
    });
  }
  return values;
}

export interface GenerateCorpusOptions {
  readonly seed: number;
  /** Free-text comments; default 2,000. */
  readonly texts?: number;
  /** Declared PERSON_NAME and DATE_OF_BIRTH values; default 400. */
  readonly values?: number;
  /** "Today" for birth dates; default 2026-06-01, so a seed gives the same corpus every day. */
  readonly now?: Date;
}

/**
 * A labelled corpus: comments with planted entities of every type at exact spans, decoys that must not be
 * detected (dates, times, prices, order and invoice ids, room and street numbers, versions, cards failing
 * Luhn, IBANs with bad checksums, bare 9-digit numbers, years, percentages, phone-like numbers without
 * context), and declared name and birth-date values. Deterministic per seed.
 *
 * @example
 * const corpus = generateCorpus({ seed: 42, texts: 1000 });
 * corpus.texts[0]; // { text: 'Call me on +44 7400 123456 …', entities: [{ entity: 'PHONE_NUMBER', start: 11, … }], decoys: […] }
 */
export function generateCorpus(options: GenerateCorpusOptions): LabelledCorpus {
  const random = seededRandom(options.seed);
  const now = options.now ?? new Date(Date.UTC(2026, 5, 1));
  const texts = Array.from({ length: options.texts ?? 2000 }, () => labelledText(random));
  return { seed: options.seed, now, texts, values: labelledValues(random, options.values ?? 400, now) };
}
