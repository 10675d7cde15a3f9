import middy from '@middy/core';
import { HttpApiEvent, type HttpApiResult, parseWith } from '@sluice/contracts';
import { attendeesByCountry, errorMessage, jsonLog, type Log } from '@sluice/core';
import type { ReportingDependencies } from '../../composition';
import { reportingDependencies } from '../../composition';
import { dashboardPage } from './dashboard-page';

const json = (statusCode: number, body: unknown): HttpApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** GET / (the dashboard) and GET /api/attendees-by-country (straight from the warehouse). */
export function createHandler(dependencies: () => Promise<ReportingDependencies>, log: Log = jsonLog) {
  return middy<unknown, HttpApiResult>().handler(async (rawEvent) => {
    const request = parseWith(HttpApiEvent, rawEvent);
    if (!request.ok) return json(400, { error: 'not an HTTP API v2 request', details: request.errors });
    const { method, path } = request.value.requestContext.http;
    try {
      if (method === 'GET' && path === '/') {
        return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: dashboardPage() };
      }
      if (method === 'GET' && path === '/api/attendees-by-country') {
        const { warehouse } = await dependencies();
        return json(200, { rows: await attendeesByCountry(warehouse) });
      }
      return json(404, { error: `no route for ${method} ${path}`, routes: ['GET /', 'GET /api/attendees-by-country'] });
    } catch (error) {
      log('error', 'reporting request failed', { path, error: errorMessage(error) });
      return json(500, { error: errorMessage(error) });
    }
  });
}

export const handler = createHandler(reportingDependencies);
