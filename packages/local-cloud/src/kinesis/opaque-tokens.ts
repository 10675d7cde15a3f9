/**
 * Shard iterators and pagination tokens are opaque base64 strings, as on AWS. They carry their state
 * (so the endpoint keeps none between calls and survives restarts) and the stream's creation time (so a
 * token of a deleted stream never reads its same-named successor).
 */

/** What a shard iterator points at, and when it was handed out (it expires five minutes later). */
export interface ShardIteratorState {
  readonly streamName: string;
  readonly streamCreatedAt: number;
  readonly shardId: string;
  /** Reading continues with the first record after this sequence number. */
  readonly afterSequenceNumber: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
}

/** Where a ListStreams / ListShards / DescribeStream page ends. */
export interface PageTokenState {
  readonly streamName: string;
  readonly streamCreatedAt: number;
  /** The last stream name or shard id of the previous page. */
  readonly after: string;
}

const ITERATOR_VERSION = 'i1';
const PAGE_VERSION = 'p1';

export function encodeShardIterator(state: ShardIteratorState): string {
  return encode([
    ITERATOR_VERSION,
    state.streamName,
    state.streamCreatedAt,
    state.shardId,
    state.afterSequenceNumber,
    state.issuedAt,
  ]);
}

/** The iterator's state, or undefined for anything this endpoint did not issue. */
export function decodeShardIterator(token: string): ShardIteratorState | undefined {
  const fields = decode(token);
  if (fields === undefined || fields.length !== 6) return undefined;
  const [version, streamName, streamCreatedAt, shardId, afterSequenceNumber, issuedAt] = fields;
  if (
    version !== ITERATOR_VERSION ||
    typeof streamName !== 'string' ||
    typeof streamCreatedAt !== 'number' ||
    typeof shardId !== 'string' ||
    typeof afterSequenceNumber !== 'string' ||
    typeof issuedAt !== 'number'
  ) {
    return undefined;
  }
  return { streamName, streamCreatedAt, shardId, afterSequenceNumber, issuedAt };
}

export function encodePageToken(state: PageTokenState): string {
  return encode([PAGE_VERSION, state.streamName, state.streamCreatedAt, state.after]);
}

export function decodePageToken(token: string): PageTokenState | undefined {
  const fields = decode(token);
  if (fields === undefined || fields.length !== 4) return undefined;
  const [version, streamName, streamCreatedAt, after] = fields;
  if (
    version !== PAGE_VERSION ||
    typeof streamName !== 'string' ||
    typeof streamCreatedAt !== 'number' ||
    typeof after !== 'string'
  ) {
    return undefined;
  }
  return { streamName, streamCreatedAt, after };
}

function encode(fields: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(fields), 'utf8').toString('base64');
}

function decode(token: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined; // not ours: the caller reports it as an invalid token
  }
}
