import { InvalidPatternError } from '../errors';
import { passesLuhn, passesMod97 } from '../text/checksums';
import { contextMatcher } from '../text/context';
import type { Match, TextDetector } from './detector';

/** A named checksum, or a function deciding whether a match is real. */
export type CustomValidator = 'luhn' | 'mod97' | ((match: string) => boolean);

/**
 * A custom entity from config, like Glue's custom patterns: a regular expression, optional context words
 * that must precede a match in the same sentence, and an optional validator.
 *
 * @example
 * const employeeId: CustomPattern = { name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}', contextWords: ['employee'] };
 */
export interface CustomPattern {
  /** Upper snake case; becomes the entity name in findings, counts and the `[NAME]` redaction. */
  readonly name: string;
  readonly pattern: string | RegExp;
  readonly contextWords?: readonly string[];
  readonly validate?: CustomValidator;
  /** 0..1, default 0.8. */
  readonly confidence?: number;
}

export function customValidator(validate: CustomValidator | undefined): ((match: string) => boolean) | undefined {
  if (validate === 'luhn') return (match) => passesLuhn(match.replace(/\D/g, ''));
  if (validate === 'mod97') return (match) => passesMod97(match.replace(/[^A-Za-z0-9]/g, ''));
  return validate;
}

/** Compiles a pattern with the global flag; throws {@link InvalidPatternError} if it is invalid or matches "". */
export function compilePattern(name: string, pattern: string | RegExp): RegExp {
  let compiled: RegExp;
  try {
    const flags = typeof pattern === 'string' ? 'g' : `${pattern.flags.replace(/[gy]/g, '')}g`;
    compiled = new RegExp(typeof pattern === 'string' ? pattern : pattern.source, flags);
  } catch (cause) {
    throw new InvalidPatternError(name, 'not a valid regular expression', { cause });
  }
  if (new RegExp(compiled.source, compiled.flags.replace('g', '')).test('')) {
    throw new InvalidPatternError(name, 'matches the empty string');
  }
  return compiled;
}

/** A detector for one custom pattern. */
export function createCustomPatternDetector(custom: CustomPattern): TextDetector {
  const pattern = compilePattern(custom.name, custom.pattern);
  const context = custom.contextWords?.length ? contextMatcher(custom.contextWords) : undefined;
  const validate = customValidator(custom.validate);
  const confidence = custom.confidence ?? 0.8;
  return {
    entity: custom.name,
    specificity: 100,
    find(text, _firstDigit) {
      const matches: Match[] = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
        if (found[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const start = found.index;
        if (context && context.nearestBefore(text, start) < 0) continue;
        if (validate && !validate(found[0])) continue;
        matches.push({ start, end: start + found[0].length, confidence });
      }
      return matches;
    },
  };
}
