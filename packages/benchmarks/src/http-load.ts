/**
 * Child process: the HTTP load generator, in a process of its own so it does not share a CPU-bound event loop
 * with the server it measures. `connections` keep-alive clients POST prepared bodies back to back for `seconds`.
 */
import { readFileSync } from 'node:fs';
import { childMain } from './child-process';
import { latencyOf } from './latency';
import { type HttpLoadResult, HttpLoadSpec } from './suite-specs';

async function runLoad(spec: HttpLoadSpec): Promise<HttpLoadResult> {
  const bodies = JSON.parse(readFileSync(spec.bodiesFile, 'utf8')) as string[];
  const durations: number[] = [];
  let requests = 0;
  let failedRequests = 0;
  let acceptedEvents = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = bodies[next++ % bodies.length] as string;
      const t0 = performance.now();
      const response = await fetch(spec.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as { accepted?: number };
      durations.push(performance.now() - t0);
      requests++;
      if (response.status >= 300) failedRequests++;
      acceptedEvents += answer.accepted ?? 0;
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests,
    events: requests * spec.eventsPerRequest,
    acceptedEvents,
    failedRequests,
    seconds,
    requestsPerSecond: requests / seconds,
    eventsPerSecond: acceptedEvents / seconds,
    latency: latencyOf(durations),
  };
}

childMain(HttpLoadSpec, runLoad, (spec) => spec.resultFile);
