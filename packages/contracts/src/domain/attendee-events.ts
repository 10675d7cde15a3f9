import { z } from 'zod';
import { countryCode, envelopeShape } from './envelope';
import { sensitive } from './sensitivity';

export const TICKET_TYPES = ['standard', 'vip', 'student', 'speaker', 'sponsor'] as const;

export const AttendeeRegisteredV1 = z.object({
  ...envelopeShape,
  eventType: z.literal('AttendeeRegistered'),
  schemaVersion: z.literal(1),
  name: sensitive(z.string().min(1).max(200), 'PERSON_NAME'),
  email: sensitive(z.email().max(254), 'EMAIL'),
  phone: sensitive(z.string().min(4).max(40), 'PHONE_NUMBER').optional(),
  company: z.string().max(200).optional(),
  jobTitle: z.string().max(200).optional(),
  country: countryCode,
  ticketType: z.enum(TICKET_TYPES),
  price: z.number().nonnegative().max(1_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'),
});
export type AttendeeRegisteredV1 = z.infer<typeof AttendeeRegisteredV1>;

export const SessionCheckedInV1 = z.object({
  ...envelopeShape,
  eventType: z.literal('SessionCheckedIn'),
  schemaVersion: z.literal(1),
  sessionId: z.string().min(1).max(64),
  room: z.string().max(100).optional(),
});
export type SessionCheckedInV1 = z.infer<typeof SessionCheckedInV1>;

export const FeedbackSubmittedV1 = z.object({
  ...envelopeShape,
  eventType: z.literal('FeedbackSubmitted'),
  schemaVersion: z.literal(1),
  sessionId: z.string().min(1).max(64),
  rating: z.int().min(1).max(5),
  comment: sensitive(z.string().max(4000), 'FREE_TEXT').optional(),
});
export type FeedbackSubmittedV1 = z.infer<typeof FeedbackSubmittedV1>;

/** Every domain event Sluice accepts, discriminated by `eventType`. */
export const DomainEvent = z.discriminatedUnion('eventType', [
  AttendeeRegisteredV1,
  SessionCheckedInV1,
  FeedbackSubmittedV1,
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type EventType = DomainEvent['eventType'];
