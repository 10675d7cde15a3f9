/** One word of a question: as typed (for upper-case country codes) and normalized (for everything else). */
export interface Token {
  readonly raw: string;
  readonly text: string;
}

// Whole-token patterns kept intact: ISO dates and session ids. Everything else splits on anything that is
// not a letter or digit, so "check-ins" and "check ins" read the same.
const TOKEN = /\d{4}-\d{2}-\d{2}|sess-\d+|[\p{L}\p{N}.']+/giu;

/** Splits a question into tokens; dots and apostrophes inside words are dropped ("V.I.P." → "vip"). */
export function tokenize(question: string): Token[] {
  const tokens: Token[] = [];
  for (const match of question.matchAll(TOKEN)) {
    const raw = match[0].replace(/'s$/i, '').replace(/[.']/g, '');
    if (raw.length === 0) continue;
    tokens.push({ raw, text: raw.toLowerCase() });
  }
  return tokens;
}

/** The normalized words of a phrase, as the lexicon keys them. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.text)
    .join(' ');
}
