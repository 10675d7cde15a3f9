import type { EntityName } from '../types';

/** A span a detector found, before overlaps between detectors are resolved. */
export interface Match {
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/**
 * Finds one entity in free text. Each detector runs a cheap prefilter before its pattern, and its pattern
 * before any expensive validator, so texts without candidates cost almost nothing.
 */
export interface TextDetector {
  readonly entity: EntityName;
  /** Breaks ties between overlapping findings of equal length: the higher wins. */
  readonly specificity: number;
  /**
   * `firstDigit` is the offset of the text's first digit, or -1: detectors whose matches hold a digit skip
   * digit-free texts and start their search near it, so one shared look for a digit spares each of them a
   * pass over the prose before it.
   */
  find(text: string, firstDigit: number): Match[];
}

/** The character code at `index`, or -1 outside the text (so boundary checks need no length test). */
export function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
}
