import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../validation';
import { AttendeeRegisteredV1, DomainEvent } from './attendee-events';
import { EVENT_TYPES } from './event-types';
import { entityTypeOf, sensitiveFields } from './sensitivity';

const valid = JSON.parse(readFileSync(new URL('../../fixtures/attendee-registered.json', import.meta.url), 'utf8'));

describe('domain events', () => {
  it('rejects a malformed event with a message naming the offending field', () => {
    const result = parseWith(DomainEvent, { ...valid, email: 'not-an-address', price: -5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^email: /);
    expect(result.errors[1]).toMatch(/^price: /);
  });

  it('names nested paths and missing fields', () => {
    const { attendeeId: _dropped, ...withoutAttendee } = valid;
    const result = parseWith(DomainEvent, withoutAttendee);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^attendeeId: /)]);
  });

  it('rejects an unknown event type and an unknown schema version', () => {
    expect(parseWith(DomainEvent, { ...valid, eventType: 'AttendeeDeleted' }).ok).toBe(false);
    expect(parseWith(DomainEvent, { ...valid, schemaVersion: 2 }).ok).toBe(false);
  });

  it('declares the sensitive fields and their entity types', () => {
    expect(sensitiveFields(AttendeeRegisteredV1)).toEqual({
      name: 'PERSON_NAME',
      email: 'EMAIL',
      phone: 'PHONE_NUMBER',
    });
    expect(sensitiveFields(EVENT_TYPES.FeedbackSubmitted.schema)).toEqual({ comment: 'FREE_TEXT' });
    expect(sensitiveFields(EVENT_TYPES.SessionCheckedIn.schema)).toEqual({});
    expect(entityTypeOf(AttendeeRegisteredV1.shape.country)).toBeUndefined();
  });
});
