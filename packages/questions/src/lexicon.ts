import { countries, regions } from './countries';
import { phraseKey } from './tokens';
import type { Topic } from './topic';

/** What a phrase of a question means in the topic. */
export type Meaning =
  | { readonly kind: 'measure'; readonly id: string }
  /** `singular`: named in the singular ("the most popular talk" asks for one). */
  | { readonly kind: 'dimension'; readonly id: string; readonly singular: boolean }
  | { readonly kind: 'granularity'; readonly id: 'day' | 'week' | 'month' }
  /** A filter value: the dimension it filters and the stored values it stands for. */
  | { readonly kind: 'value'; readonly dimension: string; readonly values: readonly string[]; readonly label: string }
  | { readonly kind: 'group-marker' }
  | { readonly kind: 'rank'; readonly direction: 'desc' | 'asc' }
  | { readonly kind: 'filler' };

/** Words that carry no meaning for the query ("show me …", "how many …"). */
const FILLER = `a about across all an and any are as at be been breakdown chart did distribution do does down
  from get give graph grouped had has have how i in is it its know like list many me much my number numbers
  of on or our overview please plot see show split table tell that the there these this those to total totals
  us want was we were what whats when where which who with would count counts amount came come attended split
  sum overall for so far sold bought purchased booked`;

const GROUP_MARKERS = ['by', 'per', 'each', 'for each', 'for every', 'every', 'grouped by', 'broken down by'];
const RANK_DESC = ['top', 'most', 'most popular', 'highest', 'best', 'biggest', 'busiest', 'largest', 'popular'];
const RANK_ASC = ['bottom', 'least', 'least popular', 'lowest', 'worst', 'fewest', 'smallest', 'quietest'];

export interface Lexicon {
  /** Normalized phrase → its meaning. */
  readonly phrases: ReadonlyMap<string, Meaning>;
  /** Longest phrase, in words. */
  readonly longest: number;
  /** Upper-case country codes ("NL", "DEU", "USA") → alpha-2 code. */
  readonly countryCodes: ReadonlyMap<string, { code: string; name: string }>;
}

/**
 * The topic's vocabulary. Topic words (measures, dimensions, granularities, markers) win over country
 * names, so a country whose name is an English word cannot hijack a field.
 */
export function buildLexicon(topic: Topic): Lexicon {
  const phrases = new Map<string, Meaning>();
  const add = (phrase: string, meaning: Meaning) => {
    const key = phraseKey(phrase);
    if (key && !phrases.has(key)) phrases.set(key, meaning);
  };
  for (const measure of topic.measures) for (const s of measure.synonyms) add(s, { kind: 'measure', id: measure.id });
  for (const dimension of topic.dimensions) {
    for (const s of dimension.synonyms) add(s, { kind: 'dimension', id: dimension.id, singular: !s.endsWith('s') });
  }
  for (const granularity of topic.granularities) {
    for (const s of granularity.synonyms) add(s, { kind: 'granularity', id: granularity.id });
  }
  for (const phrase of GROUP_MARKERS) add(phrase, { kind: 'group-marker' });
  for (const phrase of RANK_DESC) add(phrase, { kind: 'rank', direction: 'desc' });
  for (const phrase of RANK_ASC) add(phrase, { kind: 'rank', direction: 'asc' });
  for (const dimension of topic.dimensions) {
    for (const [value, synonyms] of Object.entries(dimension.values ?? {})) {
      for (const s of synonyms) add(s, { kind: 'value', dimension: dimension.id, values: [value], label: value });
    }
  }
  for (const word of FILLER.split(/\s+/)) if (word) add(word, { kind: 'filler' });
  for (const [key, region] of regions()) {
    add(key, { kind: 'value', dimension: 'region', values: region.codes, label: region.name });
  }
  for (const country of countries()) {
    for (const name of country.names) {
      add(name, { kind: 'value', dimension: 'country', values: [country.code], label: country.name });
    }
  }
  const countryCodes = new Map<string, { code: string; name: string }>();
  for (const country of countries()) {
    for (const code of country.codes) countryCodes.set(code, { code: country.code, name: country.name });
  }
  // Common lower-case forms people type.
  add('usa', { kind: 'value', dimension: 'country', values: ['US'], label: 'United States' });
  add('uk', { kind: 'value', dimension: 'country', values: ['GB'], label: 'United Kingdom' });
  const longest = Math.max(...[...phrases.keys()].map((key) => key.split(' ').length));
  return { phrases, longest, countryCodes };
}
