import { InvalidRangeError } from './errors';

/**
 * A requested byte range, as an HTTP `Range: bytes=...` header says it: `start-end`, `start-` (to the
 * end) or `-suffixLength` (the last bytes). `end` is inclusive and may lie past the object's end.
 */
export type RangeRequest = { readonly start: number; readonly end?: number } | { readonly suffixLength: number };

/** A satisfiable range of an object; both ends inclusive, as in `Content-Range`. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Resolves a requested range against an object's size (RFC 9110 §14.1.2): the end is clipped to the last
 * byte and a suffix longer than the object means the whole object.
 *
 * @example
 * resolveRange({ start: 2 }, 10); // { start: 2, end: 9 }
 * resolveRange({ suffixLength: 3 }, 10); // { start: 7, end: 9 }
 * resolveRange({ start: 10 }, 10); // throws InvalidRangeError
 */
export function resolveRange(range: RangeRequest, size: number): ByteRange {
  if ('suffixLength' in range) {
    if (range.suffixLength <= 0 || size === 0) throw new InvalidRangeError(size);
    return { start: Math.max(0, size - range.suffixLength), end: size - 1 };
  }
  if (range.start >= size) throw new InvalidRangeError(size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
