import type { AttendeeRegisteredV1 } from '@sluice/contracts';

export const attendeeRegisteredFixture: AttendeeRegisteredV1 = {
  eventId: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  eventType: 'AttendeeRegistered',
  schemaVersion: 1,
  occurredAt: '2026-11-25T09:30:00.000Z',
  attendeeId: 'att-0001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+31 6 12345678',
  country: 'NL',
  ticketType: 'standard',
  price: 499,
  currency: 'EUR',
};
