/**
 * Child process: HTTP ingest on loopback. The candidate is the local cloud's HTTP API route POST /events — the
 * ingest service's real handler (contract validation, PutRecords to the local Kinesis with retries) — while the
 * rest of the pipeline consumes the stream in the same process, as `npm run local` runs it. The baseline is the
 * floor of the same client and transport: a bare node:http server that parses the JSON body and answers.
 * The load comes from a second process (`http-load.ts`).
 */

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createEventGenerator } from '@sluice/local-cloud';
import { startLocalRun } from '@sluice/proof';
import { childMain, runChild } from './child-process';
import { HttpLoadResult, type HttpLoadSpec, type IngestResult, IngestSpec } from './suite-specs';

const BODIES = 500;

function prepareBodies(spec: IngestSpec, file: string): void {
  const generator = createEventGenerator({ seed: 21, malformedShare: 0, duplicateShare: 0 });
  const decoder = new TextDecoder();
  const bodies = Array.from({ length: BODIES }, () =>
    JSON.stringify({ events: generator.take(spec.eventsPerRequest).map((r) => JSON.parse(decoder.decode(r.data))) }),
  );
  writeFileSync(file, JSON.stringify(bodies));
}

async function load(spec: IngestSpec, url: string, bodiesFile: string, name: string): Promise<HttpLoadResult> {
  return runChild({
    name,
    script: new URL('./http-load.ts', import.meta.url),
    spec: {
      ...spec,
      url,
      bodiesFile,
      resultFile: join(dirname(spec.resultFile), `${name}.json`),
    } satisfies HttpLoadSpec,
    result: HttpLoadResult,
  });
}

async function floorServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: events.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runIngest(spec: IngestSpec): Promise<IngestResult> {
  const bodiesFile = join(dirname(spec.resultFile), 'bodies.json');
  prepareBodies(spec, bodiesFile);
  const run = await startLocalRun({ prefix: 'sluice-bench-ingest-' });
  let candidate: HttpLoadResult;
  try {
    // One request first: the handler module is imported on the first invocation (a cold start).
    await fetch(`${run.cloud.endpoints.gateway}/events`, { method: 'POST', body: '[]' });
    candidate = await load(spec, `${run.cloud.endpoints.gateway}/events`, bodiesFile, 'ingest-candidate');
  } finally {
    await run.dispose();
  }
  const floor = await floorServer();
  try {
    return { candidate, baseline: await load(spec, floor.url, bodiesFile, 'ingest-baseline') };
  } finally {
    await floor.close();
  }
}

childMain(IngestSpec, runIngest, (spec) => spec.resultFile);
