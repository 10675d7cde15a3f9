import worldCountries from 'world-countries';

/** A country as questions may name it; `code` (ISO 3166-1 alpha-2) is what the warehouse stores. */
export interface CountryEntry {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  readonly subregion: string;
  /** Lower-case names a question may use: common and official names, alternative spellings, demonym. */
  readonly names: readonly string[];
  /** Upper-case codes (alpha-2, alpha-3, and upper-case alternative spellings such as "USA", "UK"). */
  readonly codes: readonly string[];
}

const isCode = (text: string) => /^[A-Z]{2,3}$/.test(text);

let cached: readonly CountryEntry[] | undefined;

/** Every country of `world-countries`, computed once: pure reference data. */
export function countries(): readonly CountryEntry[] {
  // Independent countries first: a name or demonym several share ("Dutch": Netherlands, Aruba, …) means them.
  const ordered = [...worldCountries].sort((x, y) => Number(y.independent ?? false) - Number(x.independent ?? false));
  cached ??= ordered.map((country) => {
    const spellings = [country.name.common, country.name.official, ...country.altSpellings];
    const demonym = country.demonyms?.eng?.m;
    return {
      code: country.cca2,
      name: country.name.common,
      region: country.region,
      subregion: country.subregion,
      names: [...new Set([...spellings.filter((s) => !isCode(s)), ...(demonym ? [demonym] : [])])].map((s) =>
        s.toLowerCase(),
      ),
      codes: [...new Set([country.cca2, country.cca3, ...spellings.filter(isCode)])],
    };
  });
  return cached;
}

/** Region and subregion names (lower case) → the alpha-2 codes of their countries, sorted. */
export function regions(): ReadonlyMap<string, { name: string; codes: readonly string[] }> {
  const byName = new Map<string, { name: string; codes: string[] }>();
  for (const country of countries()) {
    for (const name of [country.region, country.subregion]) {
      if (!name) continue;
      const entry = byName.get(name.toLowerCase()) ?? { name, codes: [] };
      entry.codes.push(country.code);
      byName.set(name.toLowerCase(), entry);
    }
  }
  for (const entry of byName.values()) entry.codes.sort();
  return byName;
}

/** The region (continent) of each country code, for the "by region" dimension. */
export function continentOf(code: string): string | undefined {
  return countries().find((country) => country.code === code)?.region;
}
