import { allLocales } from '@faker-js/faker';
import worldCountries from 'world-countries';
import type { SeededRandom } from './random';
import { WeightedSampler } from './random';

/** What the generator needs to know about a country, derived once from `world-countries` and faker's locales. */
export interface CountryProfile {
  /** ISO 3166-1 alpha-2 (`cca2`). */
  readonly code: string;
  readonly name: string;
  /** The country's first currency that is a real ISO 4217 code, else EUR. */
  readonly currency: string;
  /** Country-code top-level domain without the dot (`de`), used for company e-mail domains. */
  readonly tld: string | undefined;
  /** International dialling prefix, e.g. `+49`, or `+1` with suffixes (area codes) for NANP countries. */
  readonly dialRoot: string;
  readonly dialSuffixes: readonly string[];
  /** Faker locales whose names fit this country (several for e.g. Belgium or Switzerland); empty when none. */
  readonly fakerLocales: readonly string[];
  readonly region: string;
  readonly subregion: string;
  /** `cca3` codes of neighbours. */
  readonly borders: readonly string[];
  readonly cca3: string;
  readonly independent: boolean;
}

/** Locales that are jokes, not dialects: their names would look like test data. */
const NOVELTY_LOCALES = new Set(['en_AU_ocker', 'en_BORK']);

let cachedProfiles: readonly CountryProfile[] | undefined;

/**
 * Every inhabited country of `world-countries` with its currency, dialling code and matching faker locales.
 * Computed once per process: it is pure data.
 *
 * @example
 * ```ts
 * countryProfiles().find((country) => country.code === 'CH');
 * // { code: 'CH', currency: 'CHF', tld: 'ch', dialRoot: '+4', dialSuffixes: ['1'], fakerLocales: ['de_CH', 'fr_CH'], … }
 * ```
 */
export function countryProfiles(): readonly CountryProfile[] {
  cachedProfiles ??= buildProfiles();
  return cachedProfiles;
}

function buildProfiles(): CountryProfile[] {
  const localesByCountry = fakerLocalesByCountry();
  const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));
  return (
    worldCountries
      // No dialling code means no residents (Antarctica, Heard Island): nobody flies in from there.
      .filter((country) => country.idd.root !== '' && /^[A-Z]{2}$/.test(country.cca2))
      .map((country) => ({
        code: country.cca2,
        name: country.name.common,
        currency: Object.keys(country.currencies).find((code) => isoCurrencies.has(code)) ?? 'EUR',
        tld: country.tld[0]?.replace(/^\./, ''),
        dialRoot: country.idd.root,
        dialSuffixes: country.idd.suffixes,
        fakerLocales: localesByCountry.get(country.cca2) ?? [],
        region: country.region,
        subregion: country.subregion,
        borders: country.borders,
        cca3: country.cca3,
        independent: country.independent,
      }))
  );
}

/**
 * Maps countries to faker locales. A locale with a region (`de_AT`) names its country outright; a language-only
 * locale (`de`, `ja`) is assigned to the language's likeliest country (Intl's likely-subtags data) unless that
 * country already has a region-specific locale, so `en` does not dilute `en_US`.
 */
function fakerLocalesByCountry(): Map<string, string[]> {
  const regional = new Map<string, string[]>();
  const languageOnly = new Map<string, string[]>();
  for (const [id, locale] of Object.entries(allLocales)) {
    const metadata = locale.metadata;
    if (!metadata || NOVELTY_LOCALES.has(id) || !metadata.language) continue;
    if (metadata.country) {
      append(regional, metadata.country, id);
      continue;
    }
    if (metadata.variant) continue;
    const likelyRegion = likelyRegionOf(metadata.language);
    if (likelyRegion) append(languageOnly, likelyRegion, id);
  }
  for (const [country, ids] of languageOnly) if (!regional.has(country)) regional.set(country, ids);
  return regional;
}

function likelyRegionOf(language: string): string | undefined {
  try {
    const region = new Intl.Locale(language).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Draws attendees' countries; `shares()` exposes the distribution for tests and reports. */
export interface CountrySampler {
  readonly host: CountryProfile;
  sample(random: SeededRandom): CountryProfile;
  shares(): { value: CountryProfile; share: number }[];
}

/** Share of attendees from the host country: at most conferences the largest group by far. */
const HOST_SHARE = 0.3;

/**
 * Chooses attendees' countries the way a real conference's audience spreads: the host country dominates, its
 * neighbours and region follow, countries with a large tech scene (a proxy: faker has a locale for them) come
 * next, and a long tail of everywhere else. Each country also gets a seeded log-normal factor so two seeds give
 * two different, but equally plausible, audiences.
 *
 * @example
 * ```ts
 * const audience = createCountrySampler(random, 'NL');
 * audience.sample(random).code; // 'NL' about 30% of the time
 * ```
 */
export function createCountrySampler(random: SeededRandom, hostCountry?: string): CountrySampler {
  const profiles = countryProfiles();
  const host = hostCountry
    ? profiles.find((profile) => profile.code === hostCountry)
    : random.pick(profiles.filter((profile) => profile.independent && profile.fakerLocales.length > 0));
  if (!host) throw new RangeError(`unknown host country "${hostCountry}"`);

  const others = profiles.filter((profile) => profile !== host);
  const weights = others.map((profile) => countryAffinity(profile, host) * Math.exp(0.7 * random.normal()));
  const otherTotal = weights.reduce((sum, weight) => sum + weight, 0);
  const sampler = new WeightedSampler([
    { value: host, weight: HOST_SHARE },
    ...others.map((profile, index) => ({
      value: profile,
      weight: ((weights[index] ?? 0) / otherTotal) * (1 - HOST_SHARE),
    })),
  ]);
  return { host, sample: (r) => sampler.sample(r), shares: () => sampler.shares() };
}

function countryAffinity(profile: CountryProfile, host: CountryProfile): number {
  let weight = profile.fakerLocales.length > 0 ? 12 : 1;
  if (host.borders.includes(profile.cca3)) weight *= 4;
  if (profile.subregion !== '' && profile.subregion === host.subregion) weight *= 2;
  if (profile.region === host.region) weight *= 1.5;
  if (!profile.independent) weight *= 0.2;
  return weight;
}
