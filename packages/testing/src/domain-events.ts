import { randomUUID } from 'node:crypto';
import type { AttendeeRegisteredV1, FeedbackSubmittedV1, SessionCheckedInV1 } from '@sluice/contracts';

/** Valid events with sensible defaults; override what the test is about. */
export function attendeeRegistered(overrides: Partial<AttendeeRegisteredV1> = {}): AttendeeRegisteredV1 {
  return {
    eventId: randomUUID(),
    eventType: 'AttendeeRegistered',
    schemaVersion: 1,
    occurredAt: '2026-11-25T09:30:00.000Z',
    attendeeId: 'att-0001',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+31 6 12345678',
    company: 'Analytical Engines',
    jobTitle: 'Data Engineer',
    country: 'NL',
    ticketType: 'standard',
    price: 499,
    currency: 'EUR',
    ...overrides,
  };
}

export function sessionCheckedIn(overrides: Partial<SessionCheckedInV1> = {}): SessionCheckedInV1 {
  return {
    eventId: randomUUID(),
    eventType: 'SessionCheckedIn',
    schemaVersion: 1,
    occurredAt: '2026-11-25T10:05:00.000Z',
    attendeeId: 'att-0001',
    sessionId: 'sess-keynote',
    room: 'Main hall',
    ...overrides,
  };
}

export function feedbackSubmitted(overrides: Partial<FeedbackSubmittedV1> = {}): FeedbackSubmittedV1 {
  return {
    eventId: randomUUID(),
    eventType: 'FeedbackSubmitted',
    schemaVersion: 1,
    occurredAt: '2026-11-25T11:00:00.000Z',
    attendeeId: 'att-0001',
    sessionId: 'sess-keynote',
    rating: 5,
    comment: 'Great talk! Mail me the slides at ada@example.com',
    ...overrides,
  };
}
