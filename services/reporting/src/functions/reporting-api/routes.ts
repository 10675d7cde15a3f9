import { bodyText, type HttpApiEvent, type HttpApiResult } from '@sluice/contracts';
import {
  AdHocSqlRejectedError,
  AdHocSqlTimeoutError,
  attendeesByCountry,
  DASHBOARD_PANELS,
  errorMessage,
  pipelineHealth,
  runAdHocSql,
  runPanel,
} from '@sluice/core';
import { interpretQuestion } from '@sluice/questions';
import { z } from 'zod';
import { AD_HOC_MAX_ROWS, AD_HOC_TIMEOUT_MS, type ReportingDependencies } from '../../composition';
import { chartLibrarySource } from './chart-library';
import { dashboardPage } from './dashboard-page';
import { html, javascript, json } from './responses';
import { sqlPage } from './sql-page';

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handle: (
    request: HttpApiEvent,
    dependencies: () => Promise<ReportingDependencies>,
  ) => Promise<HttpApiResult>;
}

const AdHocRequest = z.object({ sql: z.string().min(1) });

/** Every route of the reporting API; serverless.yml declares the same list (a test compares them). */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/', handle: async () => html(dashboardPage()) },
  { method: 'GET', path: '/sql', handle: async () => html(sqlPage()) },
  { method: 'GET', path: '/assets/chart.umd.min.js', handle: async () => javascript(chartLibrarySource()) },
  ...DASHBOARD_PANELS.map(
    (panel): Route => ({
      method: 'GET',
      path: `/api/${panel.id}`,
      handle: async (_, dependencies) => {
        const { warehouse } = await dependencies();
        // attendees-by-country predates the panels: its rows are every country, not the top 15.
        if (panel.id === 'attendees-by-country') return json(200, { rows: await attendeesByCountry(warehouse) });
        return json(200, { rows: (await runPanel(warehouse, panel)).rows });
      },
    }),
  ),
  {
    method: 'GET',
    path: '/api/pipeline-health',
    handle: async (_, dependencies) => {
      const { warehouse, lake, quarantine } = await dependencies();
      return json(200, await pipelineHealth(warehouse, lake, quarantine, new Date()));
    },
  },
  {
    method: 'GET',
    path: '/api/ask',
    handle: async (request, dependencies) => {
      const question = request.queryStringParameters?.q ?? '';
      const plan = interpretQuestion(question, { now: new Date() });
      if (!plan.ok) return json(422, plan);
      const { warehouse } = await dependencies();
      const { intent: _, ...answer } = plan;
      return json(200, { ...answer, rows: await runPanelSql(warehouse, plan.sql) });
    },
  },
  {
    method: 'POST',
    path: '/api/sql',
    handle: async (request, dependencies) => {
      let parsed: z.ZodSafeParseResult<z.infer<typeof AdHocRequest>>;
      try {
        parsed = AdHocRequest.safeParse(JSON.parse(bodyText(request)));
      } catch {
        return json(400, { error: 'The body must be JSON: {"sql": "SELECT …"}' });
      }
      if (!parsed.success) return json(400, { error: 'The body must be JSON: {"sql": "SELECT …"}' });
      try {
        const engine = await (await dependencies()).lakeQuery();
        const result = await runAdHocSql(engine, parsed.data.sql, {
          maxRows: AD_HOC_MAX_ROWS,
          timeoutMs: AD_HOC_TIMEOUT_MS,
        });
        return json(200, result);
      } catch (error) {
        if (error instanceof AdHocSqlRejectedError) return json(400, { error: error.message, rejected: true });
        if (error instanceof AdHocSqlTimeoutError) return json(504, { error: error.message });
        // The engine's own errors (a typo, an unknown table, its sandbox refusing a file) are the analyst's to fix.
        return json(400, { error: errorMessage(error) });
      }
    },
  },
];

async function runPanelSql(warehouse: ReportingDependencies['warehouse'], sql: string) {
  const rows = await warehouse.query(sql);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
    ),
  );
}

export const ROUTE_KEYS = ROUTES.map((route) => `${route.method} ${route.path}`);
