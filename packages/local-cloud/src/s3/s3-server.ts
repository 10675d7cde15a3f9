import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { LocalBuckets } from '@sluice/adapters-local';
import { listenOnLoopback } from '../http/listen-on-loopback';
import { header } from './http';
import { abandonRequestBody } from './request-body';
import { sendError, stampRequestIds } from './responses';
import { route } from './routes';
import { asS3Error, S3Error } from './s3-error';
import { parseTarget } from './target';

export interface S3ServerOptions {
  readonly buckets: LocalBuckets;
  /** Must be a loopback address: the endpoint checks no signatures, so it must not face a network. */
  readonly host?: string;
  /** 0 picks a free port; read it from `url`. */
  readonly port?: number;
  /** Receives errors that are not S3 errors (bugs, disk failures); the client gets a 500 InternalError. */
  readonly onInternalError?: (error: unknown) => void;
}

export interface S3Server {
  /** Pass as `endpoint` to an S3 client with `forcePathStyle: true`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts an S3-compatible HTTP/1.1 endpoint over `buckets`: bucket CRUD, Put/Get/Head/Delete/Copy object,
 * DeleteObjects and ListObjectsV2, with S3's XML bodies and error shapes. Objects land as plain files in
 * the lake (see `LocalBuckets`), `aws-chunked` streaming uploads included, and every committed put fires
 * the buckets' object-created listeners. SigV4 signatures are accepted unchecked.
 *
 * @example
 * ```ts
 * const buckets = new LocalBuckets({ root: '.sluice/s3' });
 * const server = await startS3Server({ buckets });
 * const s3 = new S3Client({
 *   endpoint: server.url,
 *   forcePathStyle: true,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
 * });
 * // …
 * await server.close();
 * ```
 */
export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const onInternalError =
    options.onInternalError ?? ((error: unknown) => console.error('local S3 endpoint: internal error', error));

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    stampRequestIds(response);
    try {
      const target = parseTarget(request.url ?? '/', header(request, 'host'));
      await route({ request, response, buckets: options.buckets, target })();
    } catch (error) {
      fail(request, response, error);
    }
  }

  function fail(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    if (response.headersSent) {
      // Failed while streaming a body (often: the client went away); all that is left is to cut it off.
      if (!isClientGone(error)) onInternalError(error);
      response.destroy();
      return;
    }
    if (request.socket.destroyed) return; // the client aborted its upload: nobody is listening
    abandonRequestBody(request);
    let s3Error = asS3Error(error);
    if (!s3Error) {
      onInternalError(error);
      s3Error = new S3Error('InternalError', 'We encountered an internal error. Please try again.');
    }
    sendError(request, response, s3Error);
  }

  return listenOnLoopback(server, { what: 'local S3 endpoint', host: options.host, port: options.port });
}

function isClientGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}
