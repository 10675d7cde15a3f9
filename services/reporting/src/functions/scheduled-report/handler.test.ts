import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reportingFixture } from '../../../test/reporting-fixture';
import { escapeXml } from '../../report/svg-chart';
import { toCsv } from './csv';
import { createHandler } from './handler';

const scheduled = {
  version: '0',
  id: '89d1a02d-5ec7-412e-82f5-13505f849b41',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-25T06:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/sluice-reporting-daily'],
  detail: {},
};

const text = async (deps: Awaited<ReturnType<typeof reportingFixture>>, key: string) =>
  new TextDecoder().decode((await deps.lake.get(key))?.body ?? new Uint8Array());

describe('scheduledReport handler', () => {
  it('writes the HTML report with an SVG chart per panel, and a CSV per panel, under reports/dt=<date>/', async () => {
    const deps = await reportingFixture({
      countries: ['BE', 'BE', 'NL'],
      checkIns: ['sess-001', 'sess-002', 'sess-001'],
    });
    const handler = createHandler(
      async () => deps,
      () => {},
    );
    const result = await handler(scheduled, {} as Context);
    const prefix = 'reports/dt=2026-11-25/';
    expect(result).toEqual({
      objectKeys: [
        `${prefix}report.html`,
        `${prefix}attendees-by-country.csv`,
        `${prefix}registrations-per-day.csv`,
        `${prefix}ticket-types.csv`,
        `${prefix}top-sessions.csv`,
        `${prefix}feedback-volume.csv`,
      ],
      panels: 5,
    });
    expect(await text(deps, `${prefix}attendees-by-country.csv`)).toBe('country,attendees\r\nBE,2\r\nNL,1\r\n');
    expect(await text(deps, `${prefix}top-sessions.csv`)).toBe('session,check_ins\r\nsess-001,2\r\nsess-002,1\r\n');
    const html = await text(deps, `${prefix}report.html`);
    expect(html.match(/<svg /g)).toHaveLength(4); // feedback-volume has no rows: "No data yet."
    expect(html).toContain('No data yet.');
    expect(html).toContain('<text x="114" y="27" text-anchor="end">BE</text>');
  });

  it('quotes CSV fields that need it and escapes markup in the report', () => {
    expect(toCsv(['a'], [{ a: 'x,"y"' }])).toBe('a\r\n"x,""y"""\r\n');
    expect(escapeXml('<script>"&\'')).toBe('&#60;script&#62;&#34;&#38;&#39;');
  });
});
