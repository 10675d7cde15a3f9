import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventBridgeError } from './errors';
import type { LocalEventBus } from './local-event-bus';
import { isRecord } from './match-expressions';
import type { PutEventsRequestEntry } from './put-events-request';

/**
 * A Node `http` request listener.
 *
 * @example
 * ```ts
 * const handler: RequestHandler = createEventBridgeRequestHandler(bus);
 * ```
 */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

const PUT_EVENTS_TARGET = 'AWSEvents.PutEvents';
const JSON_11 = 'application/x-amz-json-1.1';
// Far above the 256 KB PutEvents allows, so oversized batches still get AWS's own error; only abuse is cut off.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

class ProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the bus over EventBridge's JSON 1.1 protocol (`X-Amz-Target: AWSEvents.PutEvents`), so the AWS SDK and CLI
 * can put events on the local bus with an endpoint override. Any other operation answers 400
 * `UnknownOperationException`.
 *
 * @example
 * ```ts
 * const server = createServer(createEventBridgeRequestHandler(bus)).listen(4010, '127.0.0.1');
 * // aws events put-events --endpoint-url http://127.0.0.1:4010 --entries '[...]'
 * ```
 */
export function createEventBridgeRequestHandler(bus: LocalEventBus): RequestHandler {
  return (request, response) => {
    handle(bus, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof ProtocolError) return sendError(response, error.status, error.errorType, error.message);
        if (error instanceof EventBridgeError) return sendError(response, 400, error.awsErrorType, error.message);
        return sendError(response, 500, 'InternalException', error instanceof Error ? error.message : String(error));
      });
  };
}

async function handle(bus: LocalEventBus, request: IncomingMessage): Promise<unknown> {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || target !== PUT_EVENTS_TARGET) {
    throw new ProtocolError(400, 'UnknownOperationException', `unsupported operation: ${String(target)}`);
  }
  const body = parseBody(await readBody(request));
  return bus.putEvents(body.Entries.map(toRequestEntry));
}

function parseBody(text: string): { Entries: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(400, 'SerializationException', `request body is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(body) || !Array.isArray(body.Entries)) {
    const message =
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null";
    throw new ProtocolError(400, 'ValidationException', message);
  }
  return { Entries: body.Entries };
}

function toRequestEntry(raw: unknown): PutEventsRequestEntry {
  const entry = isRecord(raw) ? raw : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const resources = Array.isArray(entry.Resources) ? entry.Resources.filter((r) => typeof r === 'string') : undefined;
  return {
    Source: text(entry.Source),
    DetailType: text(entry.DetailType),
    Detail: text(entry.Detail),
    ...(resources === undefined ? {} : { Resources: resources }),
    ...(entry.Time === undefined ? {} : { Time: parseTime(entry.Time) }),
    ...(typeof entry.EventBusName === 'string' ? { EventBusName: entry.EventBusName } : {}),
  };
}

/** JSON 1.1 sends timestamps as epoch seconds; the CLI may send ISO text. Unparseable times fall back to now. */
function parseTime(raw: unknown): Date {
  if (typeof raw === 'number') return new Date(raw * 1000);
  if (typeof raw === 'string') return /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
  return new Date(Number.NaN);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ProtocolError(413, 'RequestEntityTooLargeException', 'request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendError(response: ServerResponse, status: number, errorType: string, message: string): void {
  send(response, status, { __type: errorType, message }, errorType);
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': JSON_11,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  response.end(payload);
}
