import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalBuckets } from '@sluice/adapters-local';
import type { S3Target } from './target';

/** Everything an S3 operation handler needs for one request. */
export interface S3Call {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly buckets: LocalBuckets;
  readonly target: S3Target;
}

/** A call addressed to a bucket (path `/bucket` or host `bucket.localhost`). */
export interface BucketCall extends S3Call {
  readonly bucket: string;
}

/** A call addressed to an object. */
export interface ObjectCall extends BucketCall {
  readonly key: string;
}

export type Operation<C extends S3Call = S3Call> = (call: C) => Promise<void>;

/** Reads and discards a body the operation does not use, so the connection can be reused. */
export async function drainBody(request: IncomingMessage): Promise<void> {
  for await (const _ of request) {
    // discarded
  }
}
