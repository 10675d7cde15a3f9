import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../http/listen-on-loopback';
import { InternalFailureError, KinesisApiError, UnknownOperationError, ValidationError } from './errors';
import { kinesisOperations } from './kinesis-operations';
import type { KinesisStore } from './kinesis-store';
import { RequestInput } from './request-input';

const TARGET_PREFIX = 'Kinesis_20131202.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** A full PutRecords (5 MiB of data, base64-encoded, plus keys and JSON) fits well below this. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Past this the connection is cut instead of drained: nobody sends that much by accident. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

export interface KinesisServerOptions {
  readonly store: KinesisStore;
  /** Must be a loopback address: the endpoint accepts any signature, so it must not face a network. */
  readonly host?: string;
  /** 0 picks a free port; read it from `url`. */
  readonly port?: number;
  /** Clock for shard iterator issue and expiry; defaults to `Date.now`. Tests move it to expire iterators. */
  readonly now?: () => number;
  /** Receives errors that are not Kinesis API errors (bugs, disk failures); the client gets a 500. */
  readonly onInternalError?: (error: unknown) => void;
}

export interface KinesisServer {
  /** Pass as `endpoint` to a Kinesis client, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops accepting requests and closes open connections; idempotent. The store stays open. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP/1.1 server that speaks the Kinesis JSON 1.1 protocol over `store`, so the AWS SDK,
 * the AWS CLI and the Lambda event source emulation can use durable local streams. SigV4 signatures
 * are accepted unchecked.
 *
 * @example
 * ```ts
 * const store = await KinesisStore.open('.sluice/kinesis');
 * const server = await startKinesisServer({ store });
 * const kinesis = new KinesisClient({
 *   endpoint: server.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
 *   requestHandler: new NodeHttpHandler(), // the default handler tries HTTP/2 and fails
 * });
 * // …
 * await server.close();
 * store.close();
 * ```
 */
export async function startKinesisServer(options: KinesisServerOptions): Promise<KinesisServer> {
  const operations = kinesisOperations(options.store, options.now ?? Date.now);
  const onInternalError =
    options.onInternalError ?? ((error: unknown) => console.error('local Kinesis endpoint: internal error', error));

  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => respond(response, () => handle(request, body)),
      // The client aborted or sent more than anyone could mean to: there is nobody left to answer.
      () => response.destroy(),
    );
  });

  function handle(request: IncomingMessage, body: string | undefined): unknown {
    const target = headerValue(request, 'x-amz-target') ?? '';
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const operation = name !== undefined && Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (request.method !== 'POST' || operation === undefined) {
      throw new UnknownOperationError(`Operation ${target || '(no X-Amz-Target)'} is not supported by this endpoint.`);
    }
    if (body === undefined) {
      throw new ValidationError(`Request body is larger than the ${MAX_BODY_BYTES} bytes any Kinesis request can be.`);
    }
    return operation(RequestInput.parse(body));
  }

  function respond(response: ServerResponse, produce: () => unknown): void {
    let status = 200;
    let payload: unknown;
    try {
      payload = produce();
    } catch (error) {
      const apiError = error instanceof KinesisApiError ? error : internalFailure(error);
      status = apiError.httpStatus;
      payload = { __type: apiError.code, message: apiError.message };
    }
    const text = JSON.stringify(payload);
    response.writeHead(status, {
      'Content-Type': CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-RequestId': randomUUID(),
    });
    response.end(text);
  }

  function internalFailure(error: unknown): KinesisApiError {
    try {
      onInternalError(error);
    } catch (reporterError) {
      // A failing reporter must not turn one failed request into an unhandled rejection of the server.
      console.error('local Kinesis endpoint: onInternalError failed', reporterError, 'while reporting', error);
    }
    return new InternalFailureError('Internal service failure.', { cause: error });
  }

  return listenOnLoopback(server, { what: 'local Kinesis endpoint', host: options.host, port: options.port });
}

/**
 * The request body as text, or undefined if it exceeds MAX_BODY_BYTES. An oversized body is drained
 * rather than cut off, so the client reads the error instead of a connection reset.
 */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_DRAINED_BYTES) request.destroy(new Error('request body too large'));
      else if (length <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(length > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
