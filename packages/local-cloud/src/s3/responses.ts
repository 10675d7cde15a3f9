import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { S3Error } from './s3-error';
import { element } from './xml';

export type Headers = Readonly<Record<string, string | number>>;

/** Sets the ids S3 puts on every response; the error document repeats them. */
export function stampRequestIds(response: ServerResponse): void {
  response.setHeader('x-amz-request-id', randomBytes(8).toString('hex').toUpperCase());
  response.setHeader('x-amz-id-2', randomBytes(24).toString('base64'));
  response.setHeader('Server', 'SluiceLocalS3');
}

export function sendXml(response: ServerResponse, status: number, xml: string, headers: Headers = {}): void {
  const body = Buffer.from(xml, 'utf8');
  response.writeHead(status, { ...headers, 'Content-Type': 'application/xml', 'Content-Length': body.length });
  response.end(body);
}

export function sendEmpty(response: ServerResponse, status: number, headers: Headers = {}): void {
  response.writeHead(status, { ...headers, 'Content-Length': 0 });
  response.end();
}

/**
 * Answers with S3's error document. HEAD responses carry no body, as from S3, so SDKs report them by
 * status (a HeadObject of a missing key rejects with `NotFound`).
 */
export function sendError(request: IncomingMessage, response: ServerResponse, error: S3Error): void {
  const requestId = String(response.getHeader('x-amz-request-id') ?? '');
  const hostId = String(response.getHeader('x-amz-id-2') ?? '');
  const details = Object.entries(error.details).map(([name, value]) => element(name, value));
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error>${element('Code', error.s3Code)}${element('Message', error.message)}${details.join('')}` +
    `${element('RequestId', requestId)}${element('HostId', hostId)}</Error>`;
  if (request.method === 'HEAD') {
    sendEmpty(response, error.status, error.headers);
    return;
  }
  sendXml(response, error.status, xml, error.headers);
}
