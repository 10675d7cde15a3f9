import type { QuarantineReason } from '@sluice/contracts';

/** A record no producer should send, and the quarantine reason stream-etl must give it. */
export interface PoisonRecord {
  readonly name: string;
  readonly data: Uint8Array;
  readonly reason: QuarantineReason;
}

const encoder = new TextEncoder();

const registration = (overrides: Record<string, unknown>) =>
  encoder.encode(
    JSON.stringify({
      eventId: '7d0c8a5e-3f6b-4c1e-9a2d-5b8e1f4c7a90',
      eventType: 'AttendeeRegistered',
      schemaVersion: 1,
      occurredAt: '2026-11-25T09:30:00.000Z',
      attendeeId: 'att-poison',
      name: 'Poison Record',
      email: 'poison@example.org',
      country: 'NL',
      ticketType: 'standard',
      price: 10,
      currency: 'EUR',
      ...overrides,
    }),
  );

/**
 * Records that break decoders in different places: bytes that are not UTF-8, JSON nested 100,000 deep, a
 * wrong root type, an unknown event type, an unsupported schema version, and fields of the wrong type. Each
 * must be quarantined with its reason and must not hold up the records behind it on its shard.
 */
export const POISON_RECORDS: readonly PoisonRecord[] = [
  {
    name: 'invalid UTF-8',
    data: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
    reason: 'MALFORMED_JSON',
  },
  { name: 'binary zeros', data: new Uint8Array(4096), reason: 'MALFORMED_JSON' },
  { name: 'truncated JSON', data: registration({}).slice(0, 57), reason: 'MALFORMED_JSON' },
  {
    name: 'JSON nested 100,000 deep',
    data: encoder.encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    reason: 'SCHEMA_VIOLATION',
  },
  { name: 'JSON null', data: encoder.encode('null'), reason: 'SCHEMA_VIOLATION' },
  { name: 'unknown event type', data: registration({ eventType: 'AttendeeTeleported' }), reason: 'UNKNOWN_EVENT_TYPE' },
  {
    name: 'unsupported schema version',
    data: registration({ schemaVersion: 99 }),
    reason: 'UNSUPPORTED_SCHEMA_VERSION',
  },
  {
    name: 'wrong field types',
    data: registration({ price: 'free', country: { code: 'NL' }, occurredAt: 1_795_640_000 }),
    reason: 'SCHEMA_VIOLATION',
  },
  {
    name: 'a megabyte-long name',
    data: registration({ name: 'x'.repeat(900_000) }),
    reason: 'SCHEMA_VIOLATION',
  },
];

/**
 * Bytes that look like Parquet to anything that checks only the magic numbers ("PAR1" at both ends) but
 * whose footer length points outside the file: what a torn or truncated upload leaves behind.
 */
export function corruptParquetFile(): Uint8Array {
  const body = encoder.encode('PAR1this is not a row group, and the footer below lies about its length');
  const footer = new Uint8Array([0xff, 0xff, 0xff, 0x7f]);
  return new Uint8Array([...body, ...footer, ...encoder.encode('PAR1')]);
}
