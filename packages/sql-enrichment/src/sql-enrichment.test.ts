import { fileURLToPath } from 'node:url';
import { enrichEvents } from '@sluice/core';
import { attendeeRegistered, feedbackSubmitted, sessionCheckedIn } from '@sluice/testing';
import { describe, expect, it } from 'vitest';
import { buildSqlEnrichment, EnrichmentSqlError, loadEnrichmentQueries } from './index';

const serviceSql = fileURLToPath(
  new URL('../../../services/stream-etl/src/functions/process-stream/enrichment/', import.meta.url),
);
const queries = loadEnrichmentQueries(serviceSql);
const reference = {
  countries: [
    { code: 'NL', name: 'Netherlands', region: 'Europe' },
    { code: 'JP', name: 'Japan', region: 'Asia' },
  ],
  sessions: [{ session_id: 'sess-001', title: 'Streaming joins', track: 'Data' }],
};

describe('the stream-etl enrichment SQL on AlaSQL', () => {
  it('joins attendees with their country name and region, keeping unknown codes with null columns', () => {
    const enrich = buildSqlEnrichment(queries);
    const events = [attendeeRegistered({ country: 'JP' }), attendeeRegistered({ country: 'ZZ' })];
    const enriched = enrichEvents(enrich, 'AttendeeRegistered', events, reference);
    expect(enriched.map((e) => [e.eventId, e.countryName, e.region])).toEqual([
      [events[0]?.eventId, 'Japan', 'Asia'],
      [events[1]?.eventId, null, null],
    ]);
    expect(enriched[0]?.email).toBe(events[0]?.email);
  });

  it('joins check-ins and feedback with the session catalog', () => {
    const enrich = buildSqlEnrichment(queries);
    const checkIn = enrichEvents(enrich, 'SessionCheckedIn', [sessionCheckedIn({ sessionId: 'sess-001' })], reference);
    const feedback = enrichEvents(
      enrich,
      'FeedbackSubmitted',
      [feedbackSubmitted({ sessionId: 'sess-001' })],
      reference,
    );
    expect([checkIn[0]?.sessionTitle, checkIn[0]?.sessionTrack]).toEqual(['Streaming joins', 'Data']);
    expect(feedback[0]?.sessionTitle).toBe('Streaming joins');
  });

  it('joins a new version of a reference table, not the rows it indexed before', () => {
    const enrich = buildSqlEnrichment(queries);
    const event = attendeeRegistered({ country: 'NL' });
    expect(enrich('AttendeeRegistered', [event], reference)[0]?.countryName).toBe('Netherlands');
    const renamed = { ...reference, countries: [{ code: 'NL', name: 'Nederland', region: 'Europe' }] };
    expect(enrich('AttendeeRegistered', [event], renamed)[0]?.countryName).toBe('Nederland');
  });

  it('does not modify the events it is given', () => {
    const enrich = buildSqlEnrichment(queries);
    const event = attendeeRegistered({ country: 'NL' });
    const before = structuredClone(event);
    enrich('AttendeeRegistered', [event], reference);
    expect(event).toEqual(before);
  });

  it('rejects an SQL that is not exactly one SELECT, naming the event type', () => {
    expect(() => buildSqlEnrichment({ ...queries, SessionCheckedIn: 'DELETE FROM batch' })).toThrow(EnrichmentSqlError);
    expect(() => buildSqlEnrichment({ ...queries, SessionCheckedIn: 'SELECT 1; SELECT 2' })).toThrow(
      /SessionCheckedIn must be exactly one SELECT/,
    );
  });

  it('fails the batch with a clear error when a join multiplies events or a declared column is missing', () => {
    const doubled = buildSqlEnrichment({
      ...queries,
      AttendeeRegistered:
        'SELECT batch.*, countries.name AS countryName, countries.region AS region FROM batch JOIN countries ON 1 = 1',
    });
    expect(() => enrichEvents(doubled, 'AttendeeRegistered', [attendeeRegistered()], reference)).toThrow(
      /returned 2 rows for 1 events/,
    );
    const forgetful = buildSqlEnrichment({ ...queries, AttendeeRegistered: 'SELECT batch.* FROM batch' });
    expect(() => enrichEvents(forgetful, 'AttendeeRegistered', [attendeeRegistered()], reference)).toThrow(
      /does not return the declared column countryName/,
    );
  });

  it('lists every missing SQL file at once', () => {
    expect(() => loadEnrichmentQueries('/nonexistent')).toThrow(
      /attendee_registered.sql \(AttendeeRegistered\), session_checked_in.sql \(SessionCheckedIn\), feedback_submitted.sql/,
    );
  });
});
