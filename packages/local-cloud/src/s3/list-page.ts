import { compareKeys } from '@sluice/adapters-local';
import { S3Error } from './s3-error';

export interface ListPageRequest {
  /** Every key handed in must start with it. */
  readonly prefix: string;
  readonly delimiter?: string;
  readonly maxKeys: number;
  /** Keys up to and including this one are skipped (ListObjectsV2 `start-after`). */
  readonly startAfter?: string;
  /** The last key or common prefix of the previous page (from the continuation token). */
  readonly resumeAfter?: string;
}

export interface ListPage {
  readonly keys: readonly string[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix returned: what the next page resumes after. */
  readonly last?: string;
}

/**
 * One page of a listing, as S3 computes it: keys that share the part of the key up to the first
 * delimiter after the prefix are rolled up into one common prefix, and keys and common prefixes together
 * count against `maxKeys`, in key order. A common prefix sorts where its first key does, so resuming after
 * it is a plain comparison.
 *
 * @example
 * listPage(['a/1', 'a/2', 'b'], { prefix: '', delimiter: '/', maxKeys: 1000 });
 * // { keys: ['b'], commonPrefixes: ['a/'], isTruncated: false, last: 'b' }
 */
export function listPage(sortedKeys: readonly string[], request: ListPageRequest): ListPage {
  const { prefix, delimiter, maxKeys, startAfter, resumeAfter } = request;
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  for (const key of sortedKeys) {
    if (startAfter !== undefined && compareKeys(key, startAfter) <= 0) continue;
    const rolledUp = commonPrefixOf(key, prefix, delimiter);
    const item = rolledUp ?? key;
    if (item === last || (resumeAfter !== undefined && compareKeys(item, resumeAfter) <= 0)) continue;
    if (keys.length + commonPrefixes.length >= maxKeys) {
      return { keys, commonPrefixes, isTruncated: maxKeys > 0, ...(last === undefined ? {} : { last }) };
    }
    (rolledUp === undefined ? keys : commonPrefixes).push(item);
    last = item;
  }
  return { keys, commonPrefixes, isTruncated: false, ...(last === undefined ? {} : { last }) };
}

function commonPrefixOf(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at === -1 ? undefined : key.slice(0, at + delimiter.length);
}

/** Continuation tokens are opaque to clients; this one is the resume point, base64url-encoded. */
export function continuationToken(resumeAfter: string): string {
  return Buffer.from(resumeAfter, 'utf8').toString('base64url');
}

export function resumePointOf(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (token === '' || continuationToken(decoded) !== token) {
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  }
  return decoded;
}
