import middy from '@middy/core';
import { bodyText, HttpApiEvent, type HttpApiResult, parseWith } from '@sluice/contracts';
import { buildIngestEvents, type IngestDependencies } from '@sluice/core';
import { ingestDependencies } from '../../composition';

const json = (statusCode: number, body: unknown): HttpApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** POST /events → validate each event → Kinesis; answers per event (200, 207 mixed, 400, 413, 503). */
export function createHandler(dependencies: () => Promise<IngestDependencies>) {
  return middy<unknown, HttpApiResult>().handler(async (rawEvent) => {
    const request = parseWith(HttpApiEvent, rawEvent);
    if (!request.ok) return json(400, { error: 'not an HTTP API v2 request', details: request.errors });
    const ingest = buildIngestEvents(await dependencies());
    const response = await ingest(bodyText(request.value));
    return json(response.statusCode, response.body);
  });
}

export const handler = createHandler(ingestDependencies);
