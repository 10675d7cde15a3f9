import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBuckets, type ObjectCreatedEvent } from '@sluice/adapters-local';
import { type S3Server, startS3Server } from './s3-server';

/** A local S3 endpoint over a fresh temp root, for tests; `close` removes everything. */
export interface TestS3 {
  readonly root: string;
  readonly buckets: LocalBuckets;
  readonly server: S3Server;
  /** Every object-created event so far, in order. */
  readonly created: ObjectCreatedEvent[];
  /** Errors the server reported as internal (a test expects none unless it provokes one). */
  readonly internalErrors: unknown[];
  close(): Promise<void>;
}

/**
 * @example
 * let s3: TestS3;
 * beforeEach(async () => { s3 = await startTestS3(); });
 * afterEach(() => s3.close());
 */
export async function startTestS3(): Promise<TestS3> {
  const root = await mkdtemp(join(tmpdir(), 'sluice-s3-endpoint-'));
  const buckets = new LocalBuckets({ root });
  const created: ObjectCreatedEvent[] = [];
  buckets.onObjectCreated((event) => {
    created.push(event);
  });
  const internalErrors: unknown[] = [];
  const server = await startS3Server({ buckets, onInternalError: (error) => internalErrors.push(error) });
  return {
    root,
    buckets,
    server,
    created,
    internalErrors,
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
