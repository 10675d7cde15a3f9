import { buildLexicon, type Lexicon, type Meaning } from './lexicon';
import { type DateRange, readDateRange } from './time-range';
import { tokenize } from './tokens';
import type { DimensionField, Granularity, MeasureField, Topic } from './topic';

/** A filter on one dimension: the row matches any of `values`. */
export interface ValueFilter {
  readonly dimension: DimensionField;
  readonly values: readonly string[];
  readonly label: string;
}

/** What a question asks, in topic terms. */
export interface QuestionIntent {
  readonly measure: MeasureField;
  readonly groupBy?: { readonly dimension: DimensionField } | { readonly granularity: Granularity };
  readonly filters: readonly ValueFilter[];
  readonly dateRange?: DateRange;
  readonly rank?: { readonly direction: 'asc' | 'desc'; readonly limit: number };
}

export type ParseOutcome =
  | { readonly ok: true; readonly intent: QuestionIntent }
  | { readonly ok: false; readonly reason: string; readonly unknownWords: readonly string[] };

const DEFAULT_TOP = 10;
const lexicons = new WeakMap<Topic, Lexicon>();

interface Collected {
  measures: MeasureField[];
  dimensions: DimensionField[];
  granularities: Granularity[];
  filters: ValueFilter[];
  dateRanges: DateRange[];
  rank?: { direction: 'asc' | 'desc'; limit?: number };
  unknown: string[];
  singularDimension: boolean;
}

function lookup(topic: Topic, kind: 'measure' | 'dimension', id: string) {
  const found =
    kind === 'measure' ? topic.measures.find((m) => m.id === id) : topic.dimensions.find((d) => d.id === id);
  if (!found) throw new Error(`topic ${topic.name} has no ${kind} ${id}`);
  return found;
}

/**
 * Reads a question against a topic: every word must be placed (a field, a value, a time expression, a rank
 * or a filler word), otherwise the outcome lists the words it could not place. Deterministic for a given
 * `now` (relative dates such as "last week" are computed from it).
 */
export function parseQuestion(topic: Topic, question: string, now: Date): ParseOutcome {
  let lexicon = lexicons.get(topic);
  if (!lexicon) {
    lexicon = buildLexicon(topic);
    lexicons.set(topic, lexicon);
  }
  const tokens = tokenize(question);
  const shouting = tokens.length > 1 && tokens.every((t) => t.raw === t.raw.toUpperCase());
  const got: Collected = {
    measures: [],
    dimensions: [],
    granularities: [],
    filters: [],
    dateRanges: [],
    unknown: [],
    singularDimension: false,
  };
  let afterGroupMarker = false;
  let pendingNumber: number | undefined;

  for (let at = 0; at < tokens.length; ) {
    const token = tokens[at] as (typeof tokens)[number];
    const time = readDateRange(tokens, at, now);
    if (time) {
      got.dateRanges.push(time.range);
      at += time.length;
      continue;
    }
    const code = !shouting && /^[A-Z]{2,3}$/.test(token.raw) ? lexicon.countryCodes.get(token.raw) : undefined;
    if (code) {
      got.filters.push({
        dimension: lookup(topic, 'dimension', 'country') as DimensionField,
        values: [code.code],
        label: code.name,
      });
      at += 1;
      continue;
    }
    if (/^\d{1,4}$/.test(token.text)) {
      if (got.rank && got.rank.limit === undefined) got.rank.limit = Number(token.text);
      else pendingNumber = Number(token.text);
      at += 1;
      continue;
    }
    const session = topic.dimensions.find((d) => d.valuePattern?.test(token.text));
    if (session) {
      got.filters.push({ dimension: session, values: [token.text], label: token.text });
      at += 1;
      continue;
    }
    let meaning: Meaning | undefined;
    let length = 0;
    for (let n = Math.min(lexicon.longest, tokens.length - at); n >= 1 && !meaning; n--) {
      const key = tokens
        .slice(at, at + n)
        .map((t) => t.text)
        .join(' ');
      meaning = lexicon.phrases.get(key);
      length = n;
    }
    if (!meaning) {
      got.unknown.push(token.raw);
      at += 1;
      continue;
    }
    at += length;
    const groupedHere = afterGroupMarker;
    afterGroupMarker = meaning.kind === 'group-marker';
    switch (meaning.kind) {
      case 'measure': {
        // "by rating" groups by the rating value; "average rating" elsewhere is the measure.
        const stars = topic.dimensions.find((d) => d.id === 'stars');
        if (groupedHere && meaning.id === 'average_rating' && stars) got.dimensions.push(stars);
        else got.measures.push(lookup(topic, 'measure', meaning.id) as MeasureField);
        break;
      }
      case 'dimension':
        got.dimensions.push(lookup(topic, 'dimension', meaning.id) as DimensionField);
        got.singularDimension ||= meaning.singular;
        break;
      case 'granularity':
        got.granularities.push(topic.granularities.find((g) => g.id === meaning.id) as Granularity);
        break;
      case 'value':
        got.filters.push({
          dimension: lookup(topic, 'dimension', meaning.dimension) as DimensionField,
          values: meaning.values,
          label: meaning.label,
        });
        break;
      case 'rank':
        got.rank = { direction: meaning.direction, limit: pendingNumber };
        pendingNumber = undefined;
        break;
      default:
        break;
    }
  }
  return toIntent(topic, got, pendingNumber);
}

function toIntent(topic: Topic, got: Collected, strayNumber: number | undefined): ParseOutcome {
  const fail = (reason: string) => ({ ok: false as const, reason, unknownWords: got.unknown });
  if (got.unknown.length > 0) return fail(`I could not place ${got.unknown.map((w) => `"${w}"`).join(', ')}.`);
  if (strayNumber !== undefined && !got.rank) {
    got.rank = { direction: 'desc', limit: strayNumber };
  }
  const dimensions = [...new Map(got.dimensions.map((d) => [d.id, d])).values()];
  const granularities = [...new Map(got.granularities.map((g) => [g.id, g])).values()];
  if (dimensions.length + granularities.length > 1) {
    const names = [...dimensions.map((d) => d.label), ...granularities.map((g) => g.id)];
    return fail(`I can group by one thing at a time, and this question names ${names.join(' and ')}.`);
  }
  const [dimension] = dimensions;
  const [granularity] = granularities;
  // "check-ins of VIP attendees": attendees name who is counted, the other measure what.
  const measures = got.measures.some((m) => m.id !== 'attendees')
    ? got.measures.filter((m) => m.id !== 'attendees')
    : got.measures;
  let [measure] = measures;
  for (const other of measures) {
    const sameCount =
      other.table === measure?.table && other.aggregation === 'count' && measure.aggregation === 'count';
    if (measure && other.id !== measure.id && !sameCount) {
      return fail(`I can answer one measure at a time, and this question names ${measure.label} and ${other.label}.`);
    }
  }
  if (!measure) {
    const fallback = dimension?.defaultMeasure ?? got.filters[0]?.dimension.defaultMeasure;
    if (!fallback) return fail('I could not tell what to count or measure.');
    measure = lookup(topic, 'measure', fallback) as MeasureField;
  }
  if (got.dateRanges.length > 1) return fail('I can use one time range at a time.');
  const intent: QuestionIntent = {
    measure,
    ...(dimension ? { groupBy: { dimension } } : granularity ? { groupBy: { granularity } } : {}),
    filters: mergeByDimension(got.filters),
    ...(got.dateRanges[0] ? { dateRange: got.dateRanges[0] } : {}),
    ...(got.rank
      ? { rank: { direction: got.rank.direction, limit: got.rank.limit ?? (got.singularDimension ? 1 : DEFAULT_TOP) } }
      : {}),
  };
  if (intent.rank && !dimension) return fail('"top" needs something to rank, such as sessions or countries.');
  return { ok: true, intent };
}

/** Values of one dimension are alternatives ("from DE or FR"); different dimensions narrow each other. */
function mergeByDimension(filters: readonly ValueFilter[]): ValueFilter[] {
  const merged = new Map<string, ValueFilter>();
  for (const filter of filters) {
    const seen = merged.get(filter.dimension.id);
    merged.set(
      filter.dimension.id,
      seen
        ? {
            dimension: filter.dimension,
            values: [...new Set([...seen.values, ...filter.values])],
            label: `${seen.label} or ${filter.label}`,
          }
        : filter,
    );
  }
  return [...merged.values()];
}
