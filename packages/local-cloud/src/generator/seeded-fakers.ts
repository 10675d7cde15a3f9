import { allLocales, Faker, type LocaleDefinition, type Randomizer } from '@faker-js/faker';
import type { SeededRandom } from './random';

/**
 * Faker instances, one per locale, that all draw from one seeded stream. The prebuilt `fakerDE` & co. share
 * process-wide state, so seeding them would make two generators (or a test running beside one) disturb each
 * other; private instances keep every generator reproducible on its own.
 *
 * @example
 * ```ts
 * const fakers = new SeededFakers(new SeededRandom(7));
 * fakers.forLocale('de_AT').person.firstName(); // an Austrian first name, the same for seed 7 every time
 * ```
 */
export class SeededFakers {
  readonly #randomizer: Randomizer;
  readonly #byLocale = new Map<string, Faker>();

  constructor(random: SeededRandom) {
    this.#randomizer = {
      next: () => random.float(),
      seed: (seed) => random.reseed(Array.isArray(seed) ? (seed[0] ?? 0) : seed),
    };
  }

  /** English with faker's base data: the fallback for countries faker has no locale for. */
  get english(): Faker {
    return this.forLocale('en');
  }

  /** A faker for `localeId` (a key of faker's `allLocales`), falling back to its language, English and base. */
  forLocale(localeId: string): Faker {
    let faker = this.#byLocale.get(localeId);
    if (!faker) {
      faker = new Faker({ locale: localeChain(localeId), randomizer: this.#randomizer });
      this.#byLocale.set(localeId, faker);
    }
    return faker;
  }
}

const locales: Record<string, LocaleDefinition | undefined> = allLocales;

function localeChain(localeId: string): LocaleDefinition[] {
  const chain: LocaleDefinition[] = [];
  const own = locales[localeId];
  if (own) chain.push(own);
  const language = own?.metadata?.language;
  const parent = language && language !== localeId ? locales[language] : undefined;
  if (parent) chain.push(parent);
  for (const fallback of ['en', 'base']) {
    const definition = locales[fallback];
    if (definition && !chain.includes(definition)) chain.push(definition);
  }
  return chain;
}
