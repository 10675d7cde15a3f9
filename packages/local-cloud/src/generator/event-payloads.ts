import type { AttendeeRegisteredV1, FeedbackSubmittedV1, SessionCheckedInV1 } from '@sluice/contracts';
import type { Attendee } from './attendees';

/**
 * Builders for the three contract events. Typed against the contract's inferred types so a contract change
 * breaks the build here rather than as quarantined records at run time. Keys are written in one fixed order:
 * the same seed must give the same bytes.
 */
export function attendeeRegistered(attendee: Attendee, eventId: string, occurredAt: string): AttendeeRegisteredV1 {
  const event: AttendeeRegisteredV1 = {
    eventId,
    eventType: 'AttendeeRegistered',
    schemaVersion: 1,
    occurredAt,
    attendeeId: attendee.attendeeId,
    name: attendee.name,
    email: attendee.email,
    country: attendee.country.code,
    ticketType: attendee.ticketType,
    price: attendee.price,
    currency: attendee.currency,
  };
  // Optional fields are left out rather than set to undefined, as a real producer's JSON would.
  if (attendee.phone !== undefined) event.phone = attendee.phone;
  if (attendee.company !== undefined) event.company = attendee.company;
  if (attendee.jobTitle !== undefined) event.jobTitle = attendee.jobTitle;
  return event;
}

export function sessionCheckedIn(
  attendee: Attendee,
  eventId: string,
  occurredAt: string,
  sessionId: string,
  room: string | undefined,
): SessionCheckedInV1 {
  const event: SessionCheckedInV1 = {
    eventId,
    eventType: 'SessionCheckedIn',
    schemaVersion: 1,
    occurredAt,
    attendeeId: attendee.attendeeId,
    sessionId,
  };
  if (room !== undefined) event.room = room;
  return event;
}

export function feedbackSubmitted(
  attendee: Attendee,
  eventId: string,
  occurredAt: string,
  sessionId: string,
  rating: number,
  comment: string | undefined,
): FeedbackSubmittedV1 {
  const event: FeedbackSubmittedV1 = {
    eventId,
    eventType: 'FeedbackSubmitted',
    schemaVersion: 1,
    occurredAt,
    attendeeId: attendee.attendeeId,
    sessionId,
    rating,
  };
  if (comment !== undefined) event.comment = comment;
  return event;
}
