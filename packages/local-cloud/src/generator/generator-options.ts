import { ConfigurationError } from '@sluice/core';
import { countryProfiles } from './countries';

/** How the generated traffic looks. Every field has a default; the same options give the same bytes. */
export interface EventGeneratorOptions {
  /** PRNG seed (an integer); default 1. */
  readonly seed?: number;
  /** Share of records that are malformed, 0..1; default 0.02. */
  readonly malformedShare?: number;
  /** Share of records that re-send an earlier valid record byte for byte, 0..1; default 0.01. */
  readonly duplicateShare?: number;
  /** Share of feedback comments that leak PII, 0..1; default 0.3. */
  readonly piiInFreeTextShare?: number;
  /**
   * The conference's first day (its UTC date counts). Defaults to a fixed date rather than today, so a seed alone
   * pins the output; pass `new Date()` for a live demo.
   */
  readonly startDate?: Date;
  /** Conference length in days, over which events spread; default 3. */
  readonly days?: number;
  /** Number of talks in the session catalog; default 40. */
  readonly sessions?: number;
  /** ISO alpha-2 code of the host country, whose residents are the largest group; default: chosen by the seed. */
  readonly hostCountry?: string;
}

export type ResolvedGeneratorOptions = Required<Omit<EventGeneratorOptions, 'hostCountry'>> &
  Pick<EventGeneratorOptions, 'hostCountry'>;

export const DEFAULT_START_DATE = new Date('2026-06-01T00:00:00.000Z');

/**
 * Applies defaults and checks every option, listing all problems at once.
 *
 * @throws {ConfigurationError} when any option is out of range.
 */
export function resolveGeneratorOptions(options: EventGeneratorOptions): ResolvedGeneratorOptions {
  const resolved: ResolvedGeneratorOptions = {
    seed: options.seed ?? 1,
    malformedShare: options.malformedShare ?? 0.02,
    duplicateShare: options.duplicateShare ?? 0.01,
    piiInFreeTextShare: options.piiInFreeTextShare ?? 0.3,
    startDate: options.startDate ?? DEFAULT_START_DATE,
    days: options.days ?? 3,
    sessions: options.sessions ?? 40,
    hostCountry: options.hostCountry,
  };
  const problems: string[] = [];
  if (!Number.isSafeInteger(resolved.seed)) problems.push(`seed must be an integer, got ${resolved.seed}`);
  for (const name of ['malformedShare', 'duplicateShare', 'piiInFreeTextShare'] as const) {
    const share = resolved[name];
    if (!(share >= 0 && share <= 1)) problems.push(`${name} must be between 0 and 1, got ${share}`);
  }
  if (resolved.malformedShare + resolved.duplicateShare > 1) {
    problems.push('malformedShare + duplicateShare must not exceed 1');
  }
  if (!(resolved.startDate instanceof Date) || Number.isNaN(resolved.startDate.getTime())) {
    problems.push('startDate must be a valid Date');
  }
  if (!Number.isInteger(resolved.days) || resolved.days < 1)
    problems.push(`days must be a positive integer, got ${resolved.days}`);
  if (!Number.isInteger(resolved.sessions) || resolved.sessions < 1) {
    problems.push(`sessions must be a positive integer, got ${resolved.sessions}`);
  }
  if (
    resolved.hostCountry !== undefined &&
    !countryProfiles().some((country) => country.code === resolved.hostCountry)
  ) {
    problems.push(
      `hostCountry must be an ISO 3166-1 alpha-2 code of an inhabited country, got "${resolved.hostCountry}"`,
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return resolved;
}
