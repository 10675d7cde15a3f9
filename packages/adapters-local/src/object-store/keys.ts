import { InvalidBucketNameError, InvalidKeyError, KeyTooLongError } from './errors';

/** S3's limit on a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/**
 * Longest path segment a key may have: Linux's NAME_MAX (255) less the `.json` the metadata sidecar adds,
 * so every valid key has a sidecar.
 */
export const MAX_SEGMENT_BYTES = 250;

/**
 * Accepts exactly the keys that map one-to-one onto a relative file path. S3 allows more (`a//b`,
 * `folder/`, `../x`), but a file tree would silently merge or escape them, and the lake must stay a plain
 * tree that DuckDB reads in place.
 *
 * @example
 * validateKey('curated/attendees/dt=2026-11-25/part-0.parquet'); // ok
 * validateKey('../etc/passwd'); // throws InvalidKeyError
 */
export function validateKey(key: string): void {
  if (key.length === 0) throw new InvalidKeyError(key, 'it is empty');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new KeyTooLongError(key);
  if (key.startsWith('/')) throw new InvalidKeyError(key, 'it starts with "/"');
  if (key.includes('\0')) throw new InvalidKeyError(key, 'it contains a NUL character');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidKeyError(key, 'it has an empty path segment ("//" or a trailing "/")');
    if (segment === '.' || segment === '..') throw new InvalidKeyError(key, `it has a "${segment}" path segment`);
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
      throw new InvalidKeyError(key, `a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`);
    }
  }
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * S3's general-purpose bucket naming rules. They also keep bucket folders apart from the store's own
 * `.s3meta` and `.s3tmp` folders, which start with a dot.
 *
 * @example
 * validateBucketName('sluice-lake'); // ok
 * validateBucketName('Lake'); // throws InvalidBucketNameError
 */
export function validateBucketName(name: string): void {
  if (!BUCKET_NAME.test(name)) {
    throw new InvalidBucketNameError(
      name,
      'use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    );
  }
  if (name.includes('..')) throw new InvalidBucketNameError(name, 'it has two adjacent dots');
  if (IP_ADDRESS.test(name)) throw new InvalidBucketNameError(name, 'it is formatted as an IP address');
}

/** Whether `name` is a valid bucket name; used to tell bucket folders from anything else under the root. */
export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..') && !IP_ADDRESS.test(name);
}

/**
 * Orders keys as S3 lists them: by their UTF-8 bytes. That is code-point order, which differs from
 * JavaScript's UTF-16 `<` only where a surrogate pair meets a character from U+E000 to U+FFFF.
 *
 * @example
 * ['b', 'a', '\u{1F600}', '\uFFFD'].sort(compareKeys); // ['a', 'b', '\uFFFD', '\u{1F600}']
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (which encode code points above U+FFFF) above U+E000-U+FFFF. */
function codePointRank(codeUnit: number): number {
  if (codeUnit >= 0xe000) return codeUnit - 0x800;
  if (codeUnit >= 0xd800) return codeUnit + 0x2000;
  return codeUnit;
}
