import { z } from 'zod';

/** Fields every domain event carries. `attendeeId` is also the Kinesis partition key. */
export const envelopeShape = {
  eventId: z.uuid().describe('Unique per event; the de-duplication and MERGE key.'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When it happened (ISO 8601); its date is the lake partition.'),
  attendeeId: z.string().min(1).max(64).describe('Stable attendee id; partition key, so one attendee stays ordered.'),
};

/** ISO 3166-1 alpha-2, upper case. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "NL"')
  .describe('ISO 3166-1 alpha-2 country code');
