/** One name part: letters in any script, with inner apostrophes, hyphens or a trailing initial's dot. */
const NAME_PART = /^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?$/u;
/** Values that fill a name field without naming anyone. */
const PLACEHOLDERS = new Set([
  'n/a',
  'na',
  'none',
  'null',
  'nil',
  'unknown',
  'anonymous',
  'test',
  'tbd',
  'undefined',
  'customer',
  'user',
  'guest',
  'redacted',
]);

/**
 * Whether a declared name field holds a plausible person name: one to six parts of letters (any script),
 * apostrophes, hyphens and initials; no digits, no "@", not a placeholder. Names are never searched for in
 * free text: a word list cannot tell "Rose" the person from "rose" the flower at the precision we need.
 *
 * @example
 * isPlausiblePersonName("Siobhán O'Connor-Smith"); // true
 * isPlausiblePersonName('N/A'); // false
 */
export function isPlausiblePersonName(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 2 || trimmed.length > 100) return false;
  if (PLACEHOLDERS.has(trimmed.toLowerCase())) return false;
  const parts = trimmed.split(/\s+/);
  if (parts.length > 6) return false;
  let letters = 0;
  for (const part of parts) {
    if (!NAME_PART.test(part)) return false;
    letters += part.replace(/[^\p{L}]/gu, '').length;
  }
  return letters >= 2;
}
