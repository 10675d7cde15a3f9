import { DomainEvent, parseWith } from '@sluice/contracts';
import type { PutStreamRecords, StreamRecordToPut } from '../ports/stream';
import { putWithRetries, type RetryPolicy } from './put-with-retries';

/** Kinesis PutRecords accepts at most 500 records a call; the HTTP API takes the same per request. */
export const MAX_EVENTS_PER_REQUEST = 500;
/** Kinesis' per-record limit is 1 MiB (data + partition key); events beyond this are refused up front. */
export const MAX_EVENT_BYTES = 1_000_000;

export type EventResult =
  | { index: number; status: 'accepted'; eventId: string; shardId: string; sequenceNumber: string }
  | { index: number; status: 'rejected'; errors: string[] }
  | { index: number; status: 'failed'; eventId: string; error: string };

export interface IngestResponse {
  statusCode: number;
  body: { accepted: number; rejected: number; failed: number; results: EventResult[] } | { error: string };
}

export interface IngestDependencies {
  putRecords: PutStreamRecords;
  retry: RetryPolicy;
}

function requestEvents(parsed: unknown): unknown[] | string {
  if (Array.isArray(parsed)) return parsed;
  if (parsed !== null && typeof parsed === 'object' && 'events' in parsed) {
    const events = (parsed as { events: unknown }).events;
    return Array.isArray(events) ? events : '"events" must be an array';
  }
  if (parsed !== null && typeof parsed === 'object') return [parsed];
  return 'the body must be an event object, an array of events, or {"events": [...]}';
}

/**
 * Validates a request's events against the contract and appends the valid ones to the stream
 * (partition key = attendeeId). Answers per event; 2xx only for events the stream accepted.
 */
export function buildIngestEvents(deps: IngestDependencies) {
  return async function ingestEvents(body: string): Promise<IngestResponse> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return { statusCode: 400, body: { error: `body is not valid JSON: ${(error as Error).message}` } };
    }
    const events = requestEvents(parsed);
    if (typeof events === 'string') return { statusCode: 400, body: { error: events } };
    if (events.length === 0) return { statusCode: 400, body: { error: 'no events in the request' } };
    if (events.length > MAX_EVENTS_PER_REQUEST) {
      return {
        statusCode: 413,
        body: { error: `at most ${MAX_EVENTS_PER_REQUEST} events per request, got ${events.length}` },
      };
    }

    const results: EventResult[] = new Array(events.length);
    const toPut: { index: number; eventId: string; record: StreamRecordToPut }[] = [];
    events.forEach((candidate, index) => {
      const parsedEvent = parseWith(DomainEvent, candidate);
      if (!parsedEvent.ok) {
        results[index] = { index, status: 'rejected', errors: parsedEvent.errors };
        return;
      }
      const data = Buffer.from(JSON.stringify(parsedEvent.value));
      if (data.byteLength > MAX_EVENT_BYTES) {
        results[index] = {
          index,
          status: 'rejected',
          errors: [`(root): event is ${data.byteLength} bytes, over the ${MAX_EVENT_BYTES}-byte limit`],
        };
        return;
      }
      toPut.push({
        index,
        eventId: parsedEvent.value.eventId,
        record: { partitionKey: parsedEvent.value.attendeeId, data },
      });
    });

    const outcomes = await putWithRetries(
      deps.putRecords,
      toPut.map((p) => p.record),
      deps.retry,
    );
    toPut.forEach(({ index, eventId }, i) => {
      const outcome = outcomes[i];
      results[index] =
        outcome?.ok === true
          ? { index, status: 'accepted', eventId, shardId: outcome.shardId, sequenceNumber: outcome.sequenceNumber }
          : {
              index,
              status: 'failed',
              eventId,
              error: outcome ? `${outcome.errorCode}: ${outcome.errorMessage}` : 'no outcome',
            };
    });

    const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
    const accepted = count('accepted');
    const rejected = count('rejected');
    const failed = count('failed');
    const statusCode = accepted === results.length ? 200 : accepted > 0 ? 207 : failed > 0 ? 503 : 400;
    return { statusCode, body: { accepted, rejected, failed, results } };
  };
}
