import { httpApiEvent } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { RAW_ATTENDEE_KEY, reportingFixture } from '../../../test/reporting-fixture';
import type { ReportingDependencies } from '../../composition';
import { createHandler } from './handler';

const context = {} as Context;
let deps: ReportingDependencies & { lakeRoot: string };
let handler: ReturnType<typeof createHandler>;

beforeAll(async () => {
  deps = await reportingFixture({
    countries: ['FR', 'NL', 'FR', 'DE'],
    checkIns: ['sess-002', 'sess-001', 'sess-002', 'sess-003', 'sess-002'],
    ratings: [5, 4],
    quarantined: 2,
  });
  handler = createHandler(
    async () => deps,
    () => {},
  );
});

const get = async (path: string, query: Record<string, string> = {}) => {
  const response = await handler(httpApiEvent('GET', path, undefined, query), context);
  return { ...response, json: () => JSON.parse(response.body) };
};

describe('reportingApi handler: dashboard and panels', () => {
  it('answers attendees by country from the warehouse', async () => {
    const response = await get('/api/attendees-by-country');
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([
      { country: 'FR', attendees: 2 },
      { country: 'DE', attendees: 1 },
      { country: 'NL', attendees: 1 },
    ]);
  });

  it('answers every panel from the warehouse', async () => {
    expect((await get('/api/ticket-types')).json().rows).toEqual([{ ticket_type: 'standard', registrations: 4 }]);
    expect((await get('/api/top-sessions')).json().rows).toEqual([
      { session: 'sess-002', check_ins: 3 },
      { session: 'sess-001', check_ins: 1 },
      { session: 'sess-003', check_ins: 1 },
    ]);
    expect((await get('/api/registrations-per-day')).json().rows).toEqual([{ day: '2026-11-25', registrations: 4 }]);
    expect((await get('/api/feedback-volume')).json().rows).toEqual([
      { day: '2026-11-25', feedback: 2, average_rating: 4.5 },
    ]);
  });

  it('reports the quarantine rate and freshness', async () => {
    const health = (await get('/api/pipeline-health')).json();
    expect(health).toMatchObject({
      loadedRows: 11,
      quarantinedRecords: 2,
      quarantineRate: 2 / 13,
      newestEventAt: '2026-11-25T10:00:00.000Z',
    });
    expect(health.freshnessSeconds).toEqual(expect.any(Number));
  });

  it('serves the dashboard page with its charting library from this function, and 404s unknown routes', async () => {
    const page = await get('/');
    expect(page.headers?.['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<script src="assets/chart.umd.min.js">');
    for (const panel of [
      'attendees-by-country',
      'registrations-per-day',
      'ticket-types',
      'top-sessions',
      'feedback-volume',
    ]) {
      expect(page.body).toContain(`data-panel="${panel}"`);
    }
    const library = await get('/assets/chart.umd.min.js');
    expect(library.headers?.['content-type']).toMatch(/javascript/);
    expect(library.body).toMatch(/Chart\.js v4/);
    const missing = await get('/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().routes).toContain('GET /api/attendees-by-country');
  });
});

describe('reportingApi handler: questions', () => {
  it('answers a question with rows, chart kind and the SQL used', async () => {
    const answer = (await get('/api/ask', { q: 'show me attendees by country' })).json();
    expect(answer).toMatchObject({ ok: true, chart: 'bar', categoryColumn: 'country', valueColumn: 'attendees' });
    expect(answer.sql).toMatch(/^SELECT f\.country AS country/);
    expect(answer.rows).toEqual([
      { country: 'FR', attendees: 2 },
      { country: 'DE', attendees: 1 },
      { country: 'NL', attendees: 1 },
    ]);
    expect((await get('/api/ask', { q: 'how many attendees from France' })).json().rows).toEqual([{ attendees: 2 }]);
  });

  it('says what it could not place and what can be asked', async () => {
    const response = await get('/api/ask', { q: 'attendees by horoscope' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ ok: false, unknownWords: ['horoscope'] });
    expect(response.json().canAsk.join(' ')).toContain('Examples');
  });
});

describe('reportingApi handler: ad-hoc SQL on the lake', () => {
  const post = async (sql: string) => {
    const response = await handler(httpApiEvent('POST', '/api/sql', JSON.stringify({ sql })), context);
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };

  it('runs one read-only SELECT over the catalog tables', async () => {
    const result = await post(
      'SELECT country, count(*) AS n FROM attendee_registered GROUP BY country ORDER BY n DESC, country;',
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ columns: ['country', 'n'], truncated: false });
    expect(result.body.rows).toEqual([
      { country: 'FR', n: 2 },
      { country: 'DE', n: 1 },
      { country: 'NL', n: 1 },
    ]);
  });

  it.each([
    ['stacked statements', 'SELECT 1; DROP VIEW attendee_registered', /Only one statement/],
    ['a comment hiding a second statement', "SELECT 1 /* */; ATTACH 'x.db'", /Comments are not allowed/],
    ['SQL injection through a string', "SELECT * FROM attendee_registered WHERE country = 'x' OR 1=1; --'", /Comments/],
    ['read_csv of a file', "SELECT * FROM read_csv('/etc/passwd')", /read_csv is not allowed/],
    [
      'read_parquet of the raw zone',
      "SELECT * FROM read_parquet('raw/attendee_registered/*/*.parquet')",
      /read_parquet/,
    ],
    ['a file path as a table', "SELECT * FROM '/etc/hostname'", /file paths or URLs/],
    ['ATTACH', "ATTACH '/tmp/x.duckdb'", /start with SELECT or WITH/],
    ['COPY', "COPY (SELECT 1) TO '/tmp/x.csv'", /start with SELECT or WITH/],
    ['INSTALL', 'INSTALL httpfs', /start with SELECT or WITH/],
    ['LOAD', 'LOAD httpfs', /start with SELECT or WITH/],
    ['PRAGMA', 'PRAGMA database_list', /start with SELECT or WITH/],
    ['SET', 'SET enable_external_access = true', /start with SELECT or WITH/],
    ['a setting read', "SELECT current_setting('allowed_directories')", /current_setting is not allowed/],
  ])('rejects %s with a clear error', async (_, sql, message) => {
    const result = await post(sql);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ rejected: true, error: expect.stringMatching(message) });
  });

  it('keeps DuckDB sandboxed even for statements that get past the guard', async () => {
    const engine = await deps.lakeQuery();
    // Straight to the engine, skipping the guard: the sandbox alone must refuse files outside curated/.
    await expect(engine.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(/Permission Error/);
    await expect(engine.query(`SELECT count(*) FROM read_parquet('${await rawPath()}')`)).rejects.toThrow(
      /Permission Error/,
    );
    await expect(engine.query('SELECT count(*) AS n FROM attendee_registered')).resolves.toMatchObject({
      rows: [{ n: 4 }],
    });
  });

  it('reports engine errors (unknown table) as the analyst’s to fix', async () => {
    const result = await post('SELECT * FROM no_such_table');
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/no_such_table/);
  });
});

async function rawPath(): Promise<string> {
  expect(await deps.lake.head(RAW_ATTENDEE_KEY)).toBeDefined();
  return `${deps.lakeRoot}/${RAW_ATTENDEE_KEY}`;
}
