import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reportingFixture } from '../../../test/reporting-fixture';
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

describe('scheduledReport handler', () => {
  it('writes attendees by country as CSV under reports/dt=<date>/', async () => {
    const deps = await reportingFixture(['BE', 'BE', 'NL']);
    const handler = createHandler(
      async () => deps,
      () => {},
    );
    const result = await handler(scheduled, {} as Context);
    expect(result).toEqual({ objectKey: 'reports/dt=2026-11-25/attendees-by-country.csv', rows: 2 });
    const csv = Buffer.from((await deps.lake.get(result.objectKey))?.body ?? []).toString();
    expect(csv).toBe('country,attendees\r\nBE,2\r\nNL,1\r\n');
  });

  it('quotes CSV fields that need it', () => {
    expect(toCsv(['a'], [{ a: 'x,"y"' }])).toBe('a\r\n"x,""y"""\r\n');
  });
});
