import middy from '@middy/core';
import { ScheduledEvent } from '@sluice/contracts';
import { attendeesByCountry, jsonLog, type Log } from '@sluice/core';
import { type ReportingDependencies, reportingDependencies } from '../../composition';
import { toCsv } from './csv';

/** The daily report: attendees by country as CSV under `reports/dt=<date>/` in the lake. */
export function createHandler(dependencies: () => Promise<ReportingDependencies>, log: Log = jsonLog) {
  return middy<unknown, { objectKey: string; rows: number }>().handler(async (rawEvent) => {
    const event = ScheduledEvent.parse(rawEvent);
    const { warehouse, lake } = await dependencies();
    const rows = await attendeesByCountry(warehouse);
    const objectKey = `reports/dt=${event.time.slice(0, 10)}/attendees-by-country.csv`;
    await lake.put(objectKey, Buffer.from(toCsv(['country', 'attendees'], rows)), 'text/csv; charset=utf-8');
    log('info', 'report written', { objectKey, rows: rows.length });
    return { objectKey, rows: rows.length };
  });
}

export const handler = createHandler(reportingDependencies);
