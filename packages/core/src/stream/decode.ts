import { DomainEvent, EVENT_TYPES, isEventType, parseWith, type QuarantineReason } from '@sluice/contracts';

/** A stream record as the core sees it (decoded from base64, still bytes). */
export interface IncomingRecord {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly approximateArrivalTimestamp: number;
}

/** Records larger than this are quarantined unparsed (Kinesis allows 1 MiB; events are ~1 KB). */
export const MAX_RECORD_BYTES = 1_048_576;

export type DecodedRecord =
  | { readonly ok: true; readonly record: IncomingRecord; readonly event: DomainEvent }
  | {
      readonly ok: false;
      readonly record: IncomingRecord;
      readonly reason: QuarantineReason;
      readonly errors: string[];
    };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes → JSON → contract. Every failure is a value with a reason, never an exception. */
export function decodeRecord(record: IncomingRecord): DecodedRecord {
  const fail = (reason: QuarantineReason, errors: string[]): DecodedRecord => ({ ok: false, record, reason, errors });
  if (record.data.byteLength > MAX_RECORD_BYTES) {
    return fail('OVERSIZED_RECORD', [`record is ${record.data.byteLength} bytes, over ${MAX_RECORD_BYTES}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(record.data));
  } catch (error) {
    return fail('MALFORMED_JSON', [(error as Error).message]);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail('SCHEMA_VIOLATION', ['(root): expected a JSON object']);
  }
  const { eventType, schemaVersion } = json as { eventType?: unknown; schemaVersion?: unknown };
  if (!isEventType(eventType)) {
    return fail('UNKNOWN_EVENT_TYPE', [
      `eventType: ${JSON.stringify(eventType)} is not one of ${Object.keys(EVENT_TYPES).join(', ')}`,
    ]);
  }
  if (schemaVersion !== EVENT_TYPES[eventType].schemaVersion) {
    return fail('UNSUPPORTED_SCHEMA_VERSION', [
      `schemaVersion: ${JSON.stringify(schemaVersion)} is not supported for ${eventType} (supported: ${EVENT_TYPES[eventType].schemaVersion})`,
    ]);
  }
  const parsed = parseWith(DomainEvent, json);
  return parsed.ok ? { ok: true, record, event: parsed.value } : fail('SCHEMA_VIOLATION', parsed.errors);
}
