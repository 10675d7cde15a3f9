/** Tests a string against a parsed wildcard expression. */
export type WildcardMatcher = (value: string) => boolean;

/**
 * Parses an EventBridge wildcard expression: `*` matches any run of characters (including none), `\*` is a literal
 * asterisk and `\\` a literal backslash. EventBridge rejects consecutive wildcards and any other escape, and so
 * does this parser.
 *
 * @example
 * ```ts
 * const parsed = parseWildcard('dir/*.png');
 * if ('matches' in parsed) parsed.matches('dir/ocean.png'); // true
 * ```
 */
export function parseWildcard(expression: string): { matches: WildcardMatcher } | { error: string } {
  // Literal runs between wildcards; matching them left to right stays linear, unlike a backtracking regex.
  const segments: string[] = [];
  let literal = '';
  for (let i = 0; i < expression.length; i++) {
    const char = expression.charAt(i);
    if (char === '*') {
      if (expression.charAt(i + 1) === '*') {
        return { error: `consecutive wildcard characters at position ${i} are not allowed` };
      }
      segments.push(literal);
      literal = '';
    } else if (char === '\\') {
      const next = expression.charAt(i + 1);
      if (next !== '*' && next !== '\\') {
        return { error: `invalid escape at position ${i}: only \\* and \\\\ may be escaped` };
      }
      literal += next;
      i++;
    } else {
      literal += char;
    }
  }
  segments.push(literal);
  return { matches: (value) => matchSegments(segments, value) };
}

function matchSegments(segments: readonly string[], value: string): boolean {
  const first = segments[0] ?? '';
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1] ?? '';
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let position = first.length;
  for (const segment of segments.slice(1, -1)) {
    // Taking the leftmost occurrence leaves the most room for the segments after it, so no backtracking is needed.
    const found = value.indexOf(segment, position);
    if (found === -1 || found + segment.length > end) return false;
    position = found + segment.length;
  }
  return true;
}
