import middy from '@middy/core';
import { HttpApiEvent, type HttpApiResult, parseWith } from '@sluice/contracts';
import { errorMessage, jsonLog, type Log } from '@sluice/core';
import { type ReportingDependencies, reportingDependencies } from '../../composition';
import { json } from './responses';
import { ROUTE_KEYS, ROUTES } from './routes';

/** The dashboard, its panel API, questions in plain language and ad-hoc SQL on the lake (see routes.ts). */
export function createHandler(dependencies: () => Promise<ReportingDependencies>, log: Log = jsonLog) {
  return middy<unknown, HttpApiResult>().handler(async (rawEvent) => {
    const request = parseWith(HttpApiEvent, rawEvent);
    if (!request.ok) return json(400, { error: 'not an HTTP API v2 request', details: request.errors });
    const { method, path } = request.value.requestContext.http;
    const route = ROUTES.find((candidate) => candidate.method === method && candidate.path === path);
    if (!route) return json(404, { error: `no route for ${method} ${path}`, routes: ROUTE_KEYS });
    try {
      return await route.handle(request.value, dependencies);
    } catch (error) {
      log('error', 'reporting request failed', { path, error: errorMessage(error) });
      return json(500, { error: errorMessage(error) });
    }
  });
}

export const handler = createHandler(reportingDependencies);
