import type { Faker } from '@faker-js/faker';
import { AttendeeRegisteredV1, TICKET_TYPES } from '@sluice/contracts';
import type { CountryProfile, CountrySampler } from './countries';
import { LazyPool } from './lazy-pool';
import { type SeededRandom, WeightedSampler } from './random';
import type { SeededFakers } from './seeded-fakers';

export type TicketType = (typeof TICKET_TYPES)[number];

/** A registered conference attendee: everything an `AttendeeRegistered` event carries about them. */
export interface Attendee {
  readonly attendeeId: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string | undefined;
  readonly company: string | undefined;
  readonly jobTitle: string | undefined;
  readonly country: CountryProfile;
  readonly ticketType: TicketType;
  readonly price: number;
  readonly currency: string;
}

/**
 * Ticket mix and list prices of a mid-sized tech conference. Prices are nominal amounts in the attendee's
 * currency (there is no exchange-rate data to convert with); the pipeline treats price and currency as opaque.
 */
const TICKETS: Readonly<Record<TicketType, { share: number; listPrice: number }>> = {
  standard: { share: 0.72, listPrice: 649 },
  student: { share: 0.09, listPrice: 149 },
  vip: { share: 0.07, listPrice: 1490 },
  speaker: { share: 0.07, listPrice: 0 },
  sponsor: { share: 0.05, listPrice: 0 },
};
const EARLY_BIRD_SHARE = 0.35;
const EARLY_BIRD_FACTOR = 0.8;

/** Employers per country; a Zipf-weighted pool, so a few companies send many people, as they do. */
const COMPANIES_PER_COUNTRY = 40;
const JOB_TITLES_PER_LOCALE = 120;

const emailField = AttendeeRegisteredV1.shape.email;

interface Employer {
  readonly name: string;
  readonly domain: string;
}

/** What is reused for every attendee of one country: faker output that is slow to make and fine to repeat. */
interface CountryCrowd {
  readonly profile: CountryProfile;
  readonly localeIds: readonly string[];
  readonly employers: LazyPool<Employer>;
}

/** Zipf weights over employer ranks: the biggest employer sends about as many people as the next three. */
const EMPLOYER_RANKS = new WeightedSampler(
  Array.from({ length: COMPANIES_PER_COUNTRY }, (_, rank) => ({ value: rank, weight: 1 / (rank + 1) })),
);

/**
 * Makes attendees: names from the faker locale of their country, e-mails derived from the name (corporate
 * address at the employer's domain, or a free-mail address of that locale), phone numbers in international or
 * national format, employers and job titles from per-country pools. Pools are filled on first use of a country,
 * so start-up stays fast and the per-attendee cost is a handful of array picks plus two name draws.
 *
 * @example
 * ```ts
 * const population = new AttendeePopulation(random, fakers, createCountrySampler(random, 'NL'));
 * population.next(); // { attendeeId: 'att-…', name: 'Kiara van den Velde', email: 'kiara.vandenvelde@bos.nl', … }
 * ```
 */
export class AttendeePopulation {
  readonly #random: SeededRandom;
  readonly #fakers: SeededFakers;
  readonly #countries: CountrySampler;
  readonly #tickets = new WeightedSampler(TICKET_TYPES.map((type) => ({ value: type, weight: TICKETS[type].share })));
  readonly #crowds = new Map<string, CountryCrowd>();
  readonly #jobTitles = new Map<string, LazyPool<string>>();
  readonly #freeMail = new Map<string, readonly string[]>();
  readonly #localPhones = new Map<string, boolean>();

  constructor(random: SeededRandom, fakers: SeededFakers, countries: CountrySampler) {
    this.#random = random;
    this.#fakers = fakers;
    this.#countries = countries;
  }

  next(): Attendee {
    const random = this.#random;
    const crowd = this.#crowd(this.#countries.sample(random));
    const localeId = crowd.localeIds.length > 0 ? random.pick(crowd.localeIds) : 'en';
    const faker = this.#fakers.forLocale(localeId);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const ticketType = this.#tickets.sample(random);
    const employer = ticketType === 'student' && random.chance(0.6) ? undefined : crowd.employers.pick(random);
    const currency = crowd.profile.currency;
    return {
      attendeeId: `att-${random.hex(16)}`,
      name: faker.person.fullName({ firstName, lastName }),
      email: this.#email(faker, localeId, firstName, lastName, random.chance(0.55) ? employer : undefined),
      phone: random.chance(0.85) ? this.#phone(faker, localeId, crowd.profile) : undefined,
      company: employer?.name,
      jobTitle: employer && random.chance(0.92) ? this.#jobTitlesFor(localeId).pick(random) : undefined,
      country: crowd.profile,
      ticketType,
      price: this.#price(ticketType, currency),
      currency,
    };
  }

  #crowd(profile: CountryProfile): CountryCrowd {
    let crowd = this.#crowds.get(profile.code);
    if (crowd) return crowd;
    const localeIds = profile.fakerLocales;
    const makeEmployer = (): Employer => {
      const faker = this.#fakers.forLocale(localeIds.length > 0 ? this.#random.pick(localeIds) : 'en');
      const name = faker.company.name();
      return { name, domain: this.#companyDomain(name, profile) };
    };
    crowd = { profile, localeIds, employers: new LazyPool(COMPANIES_PER_COUNTRY, makeEmployer, EMPLOYER_RANKS) };
    this.#crowds.set(profile.code, crowd);
    return crowd;
  }

  #companyDomain(company: string, profile: CountryProfile): string {
    const firstWord = foldToAscii(company.split(/[\s,&-]+/)[0] ?? '');
    const label = firstWord.length >= 3 ? firstWord : this.#fakers.english.internet.domainWord();
    const tld = profile.tld && this.#random.chance(0.6) ? profile.tld : 'com';
    return `${label}.${tld}`;
  }

  #email(faker: Faker, localeId: string, firstName: string, lastName: string, employer?: Employer): string {
    const random = this.#random;
    let email: string;
    if (employer) {
      const first = foldToAscii(firstName);
      const last = foldToAscii(lastName);
      const local =
        first && last
          ? random.pick([`${first}.${last}`, `${first.charAt(0)}${last}`, `${first}`, `${first}_${last}`])
          : this.#transliteratedHandle(faker, firstName, lastName).toLowerCase().replace(/\d+$/, '');
      email = `${local}@${employer.domain}`;
    } else {
      email = `${this.#transliteratedHandle(faker, firstName, lastName)}@${random.pick(this.#freeMailFor(localeId))}`;
    }
    // The contract's own e-mail rule decides; a name faker cannot spell in ASCII gets a plain handle instead.
    if (emailField.safeParse(email).success) return email;
    return `${this.#handle()}@${random.pick(this.#freeMailFor('en'))}`;
  }

  /** Faker transliterates Cyrillic, Greek, Arabic…; for scripts it cannot, it emits code soup we replace. */
  #transliteratedHandle(faker: Faker, firstName: string, lastName: string): string {
    const username = faker.internet.username({ firstName, lastName });
    const withoutSuffix = username.replace(/\d+$/, '');
    return /^[A-Za-z][A-Za-z._-]*[A-Za-z]$/.test(withoutSuffix) ? username : this.#handle();
  }

  #handle(): string {
    const english = this.#fakers.english;
    return `${english.word.adjective()}.${english.word.noun()}${this.#random.between(1, 99)}`
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, '');
  }

  #freeMailFor(localeId: string): readonly string[] {
    let providers = this.#freeMail.get(localeId);
    if (!providers) {
      providers = readDefinition(() => this.#fakers.forLocale(localeId).definitions.internet.free_email) ?? [
        'example.com',
      ];
      this.#freeMail.set(localeId, providers);
    }
    return providers;
  }

  #jobTitlesFor(localeId: string): LazyPool<string> {
    let titles = this.#jobTitles.get(localeId);
    if (!titles) {
      const faker = this.#fakers.forLocale(localeId);
      titles = new LazyPool(JOB_TITLES_PER_LOCALE, () => faker.person.jobTitle());
      this.#jobTitles.set(localeId, titles);
    }
    return titles;
  }

  #phone(faker: Faker, localeId: string, profile: CountryProfile): string {
    const prefix = dialPrefix(profile);
    if (!this.#localeDialsCountry(faker, localeId, profile, prefix)) return e164FromDialCode(this.#random, profile);
    if (this.#random.chance(0.4)) return faker.phone.number({ style: 'national' });
    // Even a good locale has the odd malformed international format (Italian ones carry random codes).
    const international = faker.phone.number({ style: 'international' });
    return international.startsWith(prefix) ? international : e164FromDialCode(this.#random, profile);
  }

  /** Some locales (Arabic, Tamil…) fall back to US numbers; trust a locale whose numbers mostly carry the country's code. */
  #localeDialsCountry(faker: Faker, localeId: string, profile: CountryProfile, prefix: string): boolean {
    const key = `${localeId}/${profile.code}`;
    let dials = this.#localPhones.get(key);
    if (dials === undefined) {
      let matches = 0;
      for (let attempt = 0; attempt < 5; attempt++) {
        if (faker.phone.number({ style: 'international' }).startsWith(prefix)) matches++;
      }
      dials = profile.fakerLocales.length > 0 && matches >= 3;
      this.#localPhones.set(key, dials);
    }
    return dials;
  }

  #price(ticketType: TicketType, currency: string): number {
    const { listPrice } = TICKETS[ticketType];
    const paid = listPrice > 0 && this.#random.chance(EARLY_BIRD_SHARE) ? listPrice * EARLY_BIRD_FACTOR : listPrice;
    const scale = 10 ** minorUnits(currency);
    return Math.round(paid * scale) / scale;
  }
}

/** `+49`, or just `+1` where the suffixes are area codes. */
function dialPrefix(profile: CountryProfile): string {
  return profile.dialRoot + (profile.dialSuffixes.length === 1 ? (profile.dialSuffixes[0] ?? '') : '');
}

/** An E.164 number built from the country's dialling code: for countries faker has no phone formats for. */
export function e164FromDialCode(random: SeededRandom, profile: CountryProfile): string {
  // Several suffixes means NANP-style area codes (+1 201…): exactly seven subscriber digits follow.
  const areaCoded = profile.dialSuffixes.length > 1;
  const prefix = profile.dialRoot + (profile.dialSuffixes.length > 0 ? random.pick(profile.dialSuffixes) : '');
  const prefixDigits = prefix.length - 1;
  const subscriberDigits = areaCoded ? 7 : Math.max(6, (random.chance(0.5) ? 11 : 12) - prefixDigits);
  return `${prefix}${random.between(2, 9)}${random.digits(subscriberDigits - 1)}`;
}

const minorUnitsByCurrency = new Map<string, number>();

/** Decimal places of a currency (JPY 0, EUR 2, KWD 3), from Intl rather than a hand-kept table. */
export function minorUnits(currency: string): number {
  let digits = minorUnitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Letters NFKD does not decompose into ASCII. */
const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
};

/** `Müller-Lüdenscheidt` → `mullerludenscheidt`; empty for scripts without a Latin decomposition. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæøœłđıþ]/g, (letter) => LIGATURES[letter] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function readDefinition<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    // Faker throws for a definition a locale lacks; the caller has a fallback.
    return undefined;
  }
}
