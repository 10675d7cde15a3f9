import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { HttpApiEvent, HttpApiResult } from '@sluice/contracts';
import { type ListeningServer, listenOnLoopback } from '../http/listen-on-loopback';
import type { LocalFunction } from '../wiring';

export interface GatewayRoute {
  readonly method: string;
  readonly path: string;
  readonly functionName: string;
}

/** The routes of every function's `httpApi` events; two functions claiming one route is a wiring error. */
export function gatewayRoutes(functions: readonly LocalFunction[]): GatewayRoute[] {
  const routes = new Map<string, GatewayRoute>();
  for (const fn of functions) {
    for (const event of fn.events) {
      if (event.type !== 'httpApi') continue;
      const key = `${event.method} ${event.path}`;
      const existing = routes.get(key);
      if (existing) throw new Error(`route ${key} is claimed by both ${existing.functionName} and ${fn.name}`);
      routes.set(key, { method: event.method, path: event.path, functionName: fn.name });
    }
  }
  return [...routes.values()];
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An HTTP request as API Gateway's HTTP API (payload 2.0) hands it to Lambda. */
export function toHttpApiEvent(request: IncomingMessage, body: Buffer, routeKey: string): HttpApiEvent {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query = Object.fromEntries(url.searchParams);
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(body.length > 0 ? { body: isText ? text : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/**
 * The HTTP API stand-in: one loopback server for every service's routes (on AWS each service has its
 * own API). Unknown routes answer 404 like API Gateway.
 */
export async function startHttpGateway(options: {
  routes: readonly GatewayRoute[];
  invoke: (functionName: string, event: HttpApiEvent) => Promise<unknown>;
  port: number;
  onError: (error: unknown) => void;
}): Promise<ListeningServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = options.routes.find((r) => r.method === request.method && r.path === path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    try {
      const body = await readBody(request);
      const result = (await options.invoke(
        route.functionName,
        toHttpApiEvent(request, body, `${route.method} ${route.path}`),
      )) as HttpApiResult;
      response.writeHead(result.statusCode, result.headers ?? {}).end(result.body);
    } catch (error) {
      options.onError(error);
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
    }
  };
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  return listenOnLoopback(server, { what: 'local HTTP API', port: options.port });
}
