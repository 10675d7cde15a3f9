import { createInMemoryStream } from '@sluice/adapters-local';
import { DomainEvent } from '@sluice/contracts';
import { buildIngestEvents, DEFAULT_RETRY_POLICY, MAX_EVENTS_PER_REQUEST } from '@sluice/core';
import { httpApiEvent } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Fuzzing is CPU-bound; on a shared 2-core CI machine it may take several times as long as alone. */
const FUZZ_TIMEOUT_MS = 180_000;

import { createHandler } from '../../../../services/ingest/src/functions/ingest-events/handler';
import { eventWithWrongTypes, hostilePayload } from './hostile-payloads';

const noWait = { ...DEFAULT_RETRY_POLICY, sleep: async () => {} };
const lenient = new TextDecoder('utf-8');

/** A request body: one hostile payload, or an array / `{events}` wrapper of hostile and wrong-typed events. */
const requestBody: fc.Arbitrary<string> = fc.oneof(
  hostilePayload.map((bytes) => lenient.decode(bytes)),
  fc.array(eventWithWrongTypes, { maxLength: 8 }).map((events) => JSON.stringify(events)),
  fc.array(eventWithWrongTypes, { maxLength: 8 }).map((events) => JSON.stringify({ events })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ events: value })),
);

type Answer = { statusCode: number; body: Record<string, unknown> };

/** The ingest contract: a documented status, and for each event either accepted or rejected with reasons. */
function assertClearAnswer(answer: Answer, accepted: readonly { data: Uint8Array }[]): void {
  expect([200, 207, 400, 413]).toContain(answer.statusCode);
  const { body } = answer;
  if ('error' in body) {
    expect(typeof body.error === 'string' && body.error.length > 0).toBe(true);
    expect([400, 413]).toContain(answer.statusCode);
    expect(accepted).toHaveLength(0);
    return;
  }
  const results = body.results as { status: string; errors?: string[] }[];
  expect(results.length).toBeGreaterThan(0);
  expect(results.length).toBeLessThanOrEqual(MAX_EVENTS_PER_REQUEST);
  for (const result of results) {
    expect(['accepted', 'rejected']).toContain(result.status);
    if (result.status === 'rejected') expect(result.errors?.length).toBeGreaterThan(0);
  }
  expect(body.accepted).toBe(accepted.length);
  // Only contract-valid events reach the stream.
  for (const record of accepted) {
    expect(DomainEvent.safeParse(JSON.parse(Buffer.from(record.data).toString('utf8'))).success).toBe(true);
  }
}

describe('ingest (buildIngestEvents) under hostile request bodies', () => {
  it(
    'answers every body with a status and per-event reasons, never an exception (20,000 cases)',
    async () => {
      await fc.assert(
        fc.asyncProperty(requestBody, async (body) => {
          const stream = createInMemoryStream();
          const answer = await buildIngestEvents({ putRecords: stream.putRecords, retry: noWait })(body);
          assertClearAnswer(answer as Answer, stream.records);
        }),
        { numRuns: 20_000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'refuses more than 500 events per request with 413 and puts none of them',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: MAX_EVENTS_PER_REQUEST + 1, max: 3_000 }), async (count) => {
          const stream = createInMemoryStream();
          const body = JSON.stringify(Array.from({ length: count }, () => ({})));
          const answer = await buildIngestEvents({ putRecords: stream.putRecords, retry: noWait })(body);
          expect(answer.statusCode).toBe(413);
          expect(stream.records).toHaveLength(0);
        }),
        { numRuns: 200 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the ingest HTTP handler under hostile requests', () => {
  const stream = createInMemoryStream();
  const handler = createHandler(async () => ({ putRecords: stream.putRecords, retry: noWait }));
  const context = {} as Context;

  it(
    'answers any body, plain or base64, with JSON and a documented status (15,000 cases)',
    async () => {
      await fc.assert(
        fc.asyncProperty(requestBody, fc.boolean(), async (body, base64) => {
          const before = stream.records.length;
          const request = httpApiEvent('POST', '/events', base64 ? Buffer.from(body).toString('base64') : body);
          const result = await handler({ ...request, isBase64Encoded: base64 }, context);
          const answer = { statusCode: result.statusCode, body: JSON.parse(result.body) as Record<string, unknown> };
          assertClearAnswer(answer, stream.records.slice(before));
        }),
        { numRuns: 15_000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers 400 to anything that is not an HTTP API request (5,000 cases)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (rawEvent) => {
          const result = await handler(rawEvent, context);
          expect(result.statusCode).toBe(400);
          expect(JSON.parse(result.body).error).toBe('not an HTTP API v2 request');
        }),
        { numRuns: 5_000 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
