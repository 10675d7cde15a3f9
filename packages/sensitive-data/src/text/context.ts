/**
 * Context words: where a pattern alone is ambiguous (a bare 9-digit number, a national phone number), a
 * nearby word decides. Words count only inside the same sentence as the candidate, so "My SSN is …. Ref
 * 123456789" does not make the reference an SSN.
 */

export interface ContextMatcher {
  /** Offset just after the nearest matching word before `start` in the same sentence, or -1. */
  nearestBefore(text: string, start: number): number;
  /** Whether a matching word is the very next word after `end` ("0612345678 (mobile)"). */
  follows(text: string, end: number): boolean;
}

const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 16;
/**
 * "!", "?", a line break, or a full stop followed by a blank and a capital or a digit, except after a known
 * abbreviation: "Order 4821. 4111 …" breaks, "Tel. 0612 …" and "Ref. 123 …" do not. The end of the window
 * counts as what follows, because the window stops where the candidate starts.
 */
const SENTENCE_BREAK =
  /[!?\n]|(?<!(?:^|[^\p{L}\p{N}])(?:tel|tél|mob|ph|fax|no|nr|núm|ref|inv|acct|apt|ext|approx|ca|st))\.\s+(?=[\p{Lu}\p{N}(+]|$)/giu;

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching any of `words` as whole words, case-insensitively; spaces match any blank run. */
export function wordsPattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${alternation(words)}(?![\\p{L}])`, 'giu');
}

function alternation(words: readonly string[]): string {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word.toLowerCase()).replace(/ +/g, '\\s+'));
  return `(?:${alternatives.join('|')})`;
}

function sentenceStart(window: string): number {
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(window); match; match = SENTENCE_BREAK.exec(window)) {
    start = match.index + 1;
  }
  return start;
}

/**
 * Builds a matcher for a list of context words.
 *
 * @example
 * const phoneWords = contextMatcher(['phone', 'call', 'reach me']);
 * phoneWords.nearestBefore('call me on 0612345678', 11); // 4
 */
export function contextMatcher(words: readonly string[]): ContextMatcher {
  const pattern = wordsPattern(words);
  const nextWord = new RegExp(`^[\\s([,:-]*${alternation(words)}(?![\\p{L}])`, 'iu');
  return {
    nearestBefore(text, start) {
      const from = Math.max(0, start - WINDOW_BEFORE);
      const window = text.slice(from, start);
      const clause = window.slice(sentenceStart(window));
      const offset = from + window.length - clause.length;
      let nearest = -1;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(clause); match; match = pattern.exec(clause)) {
        nearest = offset + match.index + match[0].length;
      }
      return nearest;
    },
    follows(text, end) {
      return nextWord.test(text.slice(end, end + WINDOW_AFTER));
    },
  };
}

/**
 * Whether a candidate has supporting context that is nearer than any contradicting word: in "call me about
 * order 4829104" the word "order" is nearer than "call", so the number is an order id, not a phone.
 */
export function supportedByContext(
  text: string,
  start: number,
  end: number,
  supporting: ContextMatcher,
  contradicting: ContextMatcher,
): boolean {
  const support = supporting.nearestBefore(text, start);
  const contradiction = contradicting.nearestBefore(text, start);
  if (support >= 0) return support > contradiction;
  return contradiction < 0 && supporting.follows(text, end);
}

/** Words that say a number is an identifier of something else (an order, a room, a version), not a person's. */
export const IDENTIFIER_WORDS: readonly string[] = [
  'order',
  'order no',
  'order number',
  'invoice',
  'inv',
  'ticket',
  'tracking',
  'tracking number',
  'ref',
  'reference',
  'booking',
  'confirmation',
  'case',
  'room',
  'suite',
  'apt',
  'apartment',
  'unit',
  'account',
  'acct',
  'version',
  'build',
  'release',
  'zip',
  'postcode',
  'postal code',
  'isbn',
  'serial',
  'imei',
  'sku',
  'item',
  'part',
  'batch',
  'id',
];
