import type { KinesisStore } from './kinesis-store';
import type { KinesisOperation } from './operation-inputs';
import { recordOperations } from './record-operations';
import { streamOperations } from './stream-operations';

export type { KinesisOperation } from './operation-inputs';

export { SHARD_ITERATOR_TTL_MS } from './record-operations';

/**
 * The Kinesis operations the local endpoint implements, keyed by their X-Amz-Target name. Each reads
 * its JSON input, calls the store and shapes the output as the Kinesis API reference does
 * (timestamps as epoch seconds, blobs as base64).
 */
export function kinesisOperations(store: KinesisStore, now: () => number): Record<string, KinesisOperation> {
  return { ...streamOperations(store), ...recordOperations(store, now) };
}
