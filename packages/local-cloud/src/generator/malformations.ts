import type { Attendee } from './attendees';
import { attendeeRegistered, feedbackSubmitted, sessionCheckedIn } from './event-payloads';
import type { SeededRandom } from './random';

/**
 * The ways producers get records wrong, each of which the pipeline must quarantine with a reason rather than
 * drop or crash on.
 *
 * @example
 * ```ts
 * const quarantined = records.filter((record) => record.malformation === 'invalid-utf8');
 * ```
 */
export const MALFORMATION_KINDS = [
  'truncated-json',
  'wrong-type',
  'missing-field',
  'unknown-event-type',
  'bad-email',
  'unsupported-schema-version',
  'not-an-object',
  'invalid-utf8',
  'invalid-timestamp',
] as const;
export type MalformationKind = (typeof MALFORMATION_KINDS)[number];

/** A broken record as bytes, with the eventId and eventType it carries when it carries them. */
export interface MalformedPayload {
  readonly malformation: MalformationKind;
  readonly data: Uint8Array;
  readonly eventId?: string;
  readonly eventType?: string;
}

/** What a malformed record is built from: an attendee, a moment and a session of the real flow. */
export interface MalformationContext {
  readonly attendee: Attendee;
  readonly occurredAt: string;
  readonly sessionId: string;
  readonly room: string;
}

type JsonObject = Record<string, unknown>;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AttendeeRegistered: ['eventId', 'eventType', 'occurredAt', 'attendeeId', 'name', 'email', 'country', 'ticketType'],
  SessionCheckedIn: ['eventId', 'occurredAt', 'attendeeId', 'sessionId'],
  FeedbackSubmitted: ['eventId', 'occurredAt', 'attendeeId', 'sessionId', 'rating'],
};

/**
 * Builds one malformed record of the given kind from a plausible event, so it looks like what a buggy or
 * outdated producer would really send (a Latin-1 encoded name, a batch wrapped in an array, a price typed as a
 * string) rather than random garbage.
 *
 * @example
 * ```ts
 * const record = malformedRecord('bad-email', context, random);
 * new TextDecoder().decode(record.data); // '{"eventId":"…","eventType":"AttendeeRegistered",…,"email":"anna.bosbijl.nl",…}'
 * ```
 */
export function malformedRecord(
  kind: MalformationKind,
  context: MalformationContext,
  random: SeededRandom,
): MalformedPayload {
  switch (kind) {
    case 'truncated-json': {
      const event = anyEvent(context, random);
      const json = JSON.stringify(event);
      // Any proper prefix of a JSON object is invalid JSON: the closing brace is what completes it.
      return described(kind, encoder.encode(json.slice(0, random.between(1, json.length - 1))), event);
    }
    case 'wrong-type':
      return json(kind, wrongType(context, random));
    case 'missing-field': {
      const event = anyEvent(context, random);
      const field = random.pick(REQUIRED_FIELDS[String(event.eventType)] ?? ['eventId']);
      delete event[field];
      return json(kind, event);
    }
    case 'unknown-event-type': {
      const event = anyEvent(context, random);
      const known = String(event.eventType);
      event.eventType = random.pick(['BadgeScanned', 'SessionCheckedOut', snakeCase(known), `${known}V2`]);
      return json(kind, event);
    }
    case 'bad-email': {
      const event = registration(context, random);
      event.email = badEmail(String(event.email), random);
      return json(kind, event);
    }
    case 'unsupported-schema-version': {
      const event = anyEvent(context, random);
      event.schemaVersion = random.pick([0, 2, 3]);
      return json(kind, event);
    }
    case 'not-an-object':
      return notAnObject(context, random);
    case 'invalid-utf8':
      return invalidUtf8(context, random);
    case 'invalid-timestamp': {
      const event = anyEvent(context, random);
      const time = new Date(context.occurredAt);
      event.occurredAt = random.pick<unknown>([
        time.getTime(),
        context.occurredAt.replace('T', ' ').replace(/\.\d+Z$/, ''),
        context.occurredAt.slice(0, 19),
        `${pad(time.getUTCDate())}/${pad(time.getUTCMonth() + 1)}/${time.getUTCFullYear()} ${context.occurredAt.slice(11, 16)}`,
      ]);
      return json(kind, event);
    }
  }
}

function registration(context: MalformationContext, random: SeededRandom): JsonObject {
  return { ...attendeeRegistered(context.attendee, random.uuid(), context.occurredAt) };
}

function anyEvent(context: MalformationContext, random: SeededRandom): JsonObject {
  const { attendee, occurredAt, sessionId, room } = context;
  switch (random.int(3)) {
    case 0:
      return registration(context, random);
    case 1:
      return { ...sessionCheckedIn(attendee, random.uuid(), occurredAt, sessionId, room) };
    default:
      return { ...feedbackSubmitted(attendee, random.uuid(), occurredAt, sessionId, random.between(1, 5), undefined) };
  }
}

function wrongType(context: MalformationContext, random: SeededRandom): JsonObject {
  const { attendee, occurredAt, sessionId, room } = context;
  switch (random.int(3)) {
    case 0: {
      const event = registration(context, random);
      event.price = String(event.price);
      return event;
    }
    case 1: {
      const event: JsonObject = { ...feedbackSubmitted(attendee, random.uuid(), occurredAt, sessionId, 4, undefined) };
      event.rating = random.pick(['4', '4/5', 4.5]);
      return event;
    }
    default: {
      const event: JsonObject = { ...sessionCheckedIn(attendee, random.uuid(), occurredAt, sessionId, room) };
      event.sessionId = Number.parseInt(sessionId.replace(/\D/g, ''), 10);
      return event;
    }
  }
}

function badEmail(email: string, random: SeededRandom): string {
  const [local = 'someone', domain = 'example.com'] = email.split('@');
  return random.pick([
    `${local}${domain}`,
    `${local}@@${domain}`,
    `${local}@`,
    `${local}@${domain.split('.')[0] ?? 'localhost'}`,
    `${local} ${local}@${domain}`,
    `${local}@${domain.replace('.', ',')}`,
  ]);
}

function notAnObject(context: MalformationContext, random: SeededRandom): MalformedPayload {
  const kind = 'not-an-object';
  const event = anyEvent(context, random);
  switch (random.int(4)) {
    case 0:
      // A producer that sends its whole batch as one record.
      return described(kind, encoder.encode(JSON.stringify([event])), event);
    case 1:
      // Double-encoded: the event serialised to a string, then serialised again.
      return described(kind, encoder.encode(JSON.stringify(JSON.stringify(event))), event);
    case 2:
      return { malformation: kind, data: encoder.encode(String(random.between(1, 99_999))) };
    default:
      return { malformation: kind, data: encoder.encode('null') };
  }
}

/**
 * Valid JSON whose `name` is not valid UTF-8: the name in Latin-1 (the classic legacy-producer bug) when it can be
 * written so, otherwise a byte that never occurs in UTF-8 or a cut multi-byte sequence.
 */
function invalidUtf8(context: MalformationContext, random: SeededRandom): MalformedPayload {
  const kind = 'invalid-utf8';
  const placeholder = '__SLUICE_NAME__';
  const event = registration(context, random);
  const escapedName = JSON.stringify(String(event.name)).slice(1, -1);
  const [before = '', after = ''] = JSON.stringify({ ...event, name: placeholder }).split(placeholder);
  let nameBytes = latin1Bytes(escapedName);
  if (!nameBytes || isValidUtf8(nameBytes)) {
    const cut = random.int(escapedName.length + 1);
    const poison = random.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80]]);
    nameBytes = concat([
      encoder.encode(escapedName.slice(0, cut)),
      Uint8Array.from(poison),
      encoder.encode(escapedName.slice(cut)),
    ]);
  }
  return described(kind, concat([encoder.encode(before), nameBytes, encoder.encode(after)]), event);
}

/** The text as Latin-1 bytes, when every character fits and at least one is outside ASCII. */
function latin1Bytes(text: string): Uint8Array | undefined {
  let nonAscii = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0xff) return undefined;
    if (code > 0x7f) nonAscii = true;
  }
  return nonAscii ? Uint8Array.from(text, (char) => char.charCodeAt(0)) : undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function json(kind: MalformationKind, event: JsonObject): MalformedPayload {
  return described(kind, encoder.encode(JSON.stringify(event)), event);
}

function described(kind: MalformationKind, data: Uint8Array, event: JsonObject): MalformedPayload {
  const payload: { malformation: MalformationKind; data: Uint8Array; eventId?: string; eventType?: string } = {
    malformation: kind,
    data,
  };
  if (typeof event.eventId === 'string') payload.eventId = event.eventId;
  if (typeof event.eventType === 'string') payload.eventType = event.eventType;
  return payload;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function snakeCase(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

const pad = (value: number): string => String(value).padStart(2, '0');
