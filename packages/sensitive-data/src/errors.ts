/** Stable codes for the failures this package throws; expected outcomes (no finding) are values, not errors. */
export type SensitiveDataErrorCode = 'INVALID_POLICY' | 'INVALID_PATTERN' | 'UNKNOWN_ENTITY';

/**
 * Base of this package's errors. It does not extend `SluiceError` from `@sluice/core` on purpose: the core
 * depends on this package, and the reverse import would make a cycle.
 *
 * @example
 * try {
 *   parseSensitiveDataPolicy({ hmacKey: 'short' });
 * } catch (error) {
 *   if (error instanceof SensitiveDataError) console.error(error.code, error.message);
 * }
 */
export class SensitiveDataError extends Error {
  constructor(
    readonly code: SensitiveDataErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The masking policy failed validation; `problems` lists every issue at once. */
export class InvalidPolicyError extends SensitiveDataError {
  constructor(
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super('INVALID_POLICY', `invalid sensitive-data policy:\n  - ${problems.join('\n  - ')}`, options);
  }
}

/** A custom pattern's regular expression does not compile, or matches the empty string. */
export class InvalidPatternError extends SensitiveDataError {
  constructor(
    readonly patternName: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super('INVALID_PATTERN', `custom pattern ${patternName}: ${reason}`, options);
  }
}

/** A field is annotated with an entity the policy does not know (neither built in nor a custom pattern). */
export class UnknownEntityError extends SensitiveDataError {
  constructor(
    readonly field: string,
    readonly entity: string,
  ) {
    super('UNKNOWN_ENTITY', `field ${field} is annotated with unknown entity ${entity}`);
  }
}
