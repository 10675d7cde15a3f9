import { httpApiEvent } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reportingFixture } from '../../../test/reporting-fixture';
import { createHandler } from './handler';

const context = {} as Context;

describe('reportingApi handler', () => {
  it('answers attendees by country from the warehouse', async () => {
    const deps = await reportingFixture(['FR', 'NL', 'FR']);
    const handler = createHandler(
      async () => deps,
      () => {},
    );
    const response = await handler(httpApiEvent('GET', '/api/attendees-by-country'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).rows).toEqual([
      { country: 'FR', attendees: 2 },
      { country: 'NL', attendees: 1 },
    ]);
  });

  it('serves the dashboard page and 404s unknown routes with the list of routes', async () => {
    const deps = await reportingFixture([]);
    const handler = createHandler(
      async () => deps,
      () => {},
    );
    const page = await handler(httpApiEvent('GET', '/'), context);
    expect(page.headers?.['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('api/attendees-by-country');
    const missing = await handler(httpApiEvent('GET', '/nope'), context);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).routes).toContain('GET /api/attendees-by-country');
  });
});
