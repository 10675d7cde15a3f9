import middy from '@middy/core';
import { ScheduledEvent } from '@sluice/contracts';
import { attendeesByCountry, DASHBOARD_PANELS, jsonLog, type Log, runPanel } from '@sluice/core';
import { type ReportingDependencies, reportingDependencies } from '../../composition';
import { reportHtml } from '../../report/report-html';
import { toCsv } from './csv';

export interface ReportWritten {
  /** The HTML report, then one CSV per panel. */
  readonly objectKeys: string[];
  readonly panels: number;
}

/**
 * The daily report under `reports/dt=<date>/` in the lake: `report.html` (every dashboard panel as an SVG
 * chart and a table) and one CSV per panel; `attendees-by-country.csv` lists every country.
 */
export function createHandler(dependencies: () => Promise<ReportingDependencies>, log: Log = jsonLog) {
  return middy<unknown, ReportWritten>().handler(async (rawEvent) => {
    const event = ScheduledEvent.parse(rawEvent);
    const { warehouse, lake } = await dependencies();
    const date = event.time.slice(0, 10);
    const prefix = `reports/dt=${date}/`;
    const panels = [];
    for (const panel of DASHBOARD_PANELS) panels.push(await runPanel(warehouse, panel));
    const objectKeys = [`${prefix}report.html`];
    await lake.put(
      objectKeys[0] as string,
      new TextEncoder().encode(reportHtml(date, panels)),
      'text/html; charset=utf-8',
    );
    for (const { panel, rows } of panels) {
      const all = panel.id === 'attendees-by-country' ? await attendeesByCountry(warehouse) : rows;
      const key = `${prefix}${panel.id}.csv`;
      const csv = toCsv([panel.categoryColumn, ...panel.valueColumns], all as Record<string, unknown>[]);
      await lake.put(key, new TextEncoder().encode(csv), 'text/csv; charset=utf-8');
      objectKeys.push(key);
    }
    log('info', 'report written', { prefix, objects: objectKeys.length });
    return { objectKeys, panels: panels.length };
  });
}

export const handler = createHandler(reportingDependencies);
