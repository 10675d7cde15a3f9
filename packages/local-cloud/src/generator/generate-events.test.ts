import { DomainEvent } from '@sluice/contracts';
import { ConfigurationError } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { isIbanChecksumValid, isLuhnValid } from './checksums';
import { countryProfiles } from './countries';
import { createEventGenerator, type GeneratedRecord } from './generate-events';
import { MALFORMATION_KINDS } from './malformations';
import { createSessionCatalog } from './session-catalog';

const SAMPLE_SIZE = 20_000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** One 20,000-record run with the default mix, shared by the tests that only read it. */
let defaultSample: GeneratedRecord[] | undefined;
function sample(): GeneratedRecord[] {
  defaultSample ??= createEventGenerator({ seed: 2026 }).take(SAMPLE_SIZE);
  return defaultSample;
}

function decode(record: GeneratedRecord): DomainEvent {
  return DomainEvent.parse(JSON.parse(strictUtf8.decode(record.data)));
}

function validEvents(records: readonly GeneratedRecord[]): DomainEvent[] {
  return records.filter((record) => record.kind === 'valid').map(decode);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('createEventGenerator determinism', () => {
  it('produces the same bytes, kinds and partition keys for the same seed and options', () => {
    const first = createEventGenerator({ seed: 11, malformedShare: 0.1, duplicateShare: 0.05 }).take(3_000);
    const second = createEventGenerator({ seed: 11, malformedShare: 0.1, duplicateShare: 0.05 }).take(3_000);
    expect(second).toEqual(first);
  });

  it('produces different traffic for a different seed', () => {
    const first = createEventGenerator({ seed: 11 }).take(50);
    const other = createEventGenerator({ seed: 12 }).take(50);
    expect(other.map((record) => record.eventId)).not.toEqual(first.map((record) => record.eventId));
  });

  it('is not disturbed by another generator running in the same process', () => {
    const alone = createEventGenerator({ seed: 5 }).take(500);
    const left = createEventGenerator({ seed: 5 });
    const right = createEventGenerator({ seed: 6 });
    const interleaved: GeneratedRecord[] = [];
    for (let index = 0; index < 500; index++) {
      interleaved.push(left.next());
      right.next();
    }
    expect(interleaved).toEqual(alone);
  });
});

describe('createEventGenerator record mix', () => {
  it('keeps the default shares of malformed and duplicate records within tolerance over 20,000 records', () => {
    const kinds = countBy(sample(), (record) => record.kind);
    expect(kinds.get('malformed')).toBeGreaterThan(SAMPLE_SIZE * 0.02 * 0.75);
    expect(kinds.get('malformed')).toBeLessThan(SAMPLE_SIZE * 0.02 * 1.25);
    expect(kinds.get('duplicate')).toBeGreaterThan(SAMPLE_SIZE * 0.01 * 0.7);
    expect(kinds.get('duplicate')).toBeLessThan(SAMPLE_SIZE * 0.01 * 1.3);
  });

  it('honours custom shares', () => {
    const records = createEventGenerator({ seed: 3, malformedShare: 0.1, duplicateShare: 0.05 }).take(SAMPLE_SIZE);
    const kinds = countBy(records, (record) => record.kind);
    expect((kinds.get('malformed') ?? 0) / SAMPLE_SIZE).toBeCloseTo(0.1, 1);
    expect((kinds.get('duplicate') ?? 0) / SAMPLE_SIZE).toBeCloseTo(0.05, 1);
    expect(Math.abs((kinds.get('malformed') ?? 0) / SAMPLE_SIZE - 0.1)).toBeLessThan(0.01);
    expect(Math.abs((kinds.get('duplicate') ?? 0) / SAMPLE_SIZE - 0.05)).toBeLessThan(0.008);
  });

  it('emits only valid records when both shares are zero', () => {
    const records = createEventGenerator({ seed: 3, malformedShare: 0, duplicateShare: 0 }).take(2_000);
    expect(new Set(records.map((record) => record.kind))).toEqual(new Set(['valid']));
  });

  it('leaks PII into about the requested share of feedback comments', () => {
    const commented = sample().filter(
      (record) => record.kind === 'valid' && record.eventType === 'FeedbackSubmitted' && decodeComment(record),
    );
    const withPii = commented.filter((record) => record.embeddedPii !== undefined);
    expect(commented.length).toBeGreaterThan(1_000);
    expect(withPii.length / commented.length).toBeGreaterThan(0.25);
    expect(withPii.length / commented.length).toBeLessThan(0.35);
  });
});

describe('valid records', () => {
  it('every valid record of 20,000 parses with the DomainEvent contract and matches its labels', () => {
    const valid = sample().filter((record) => record.kind === 'valid');
    expect(valid.length).toBeGreaterThan(SAMPLE_SIZE * 0.95);
    for (const record of valid) {
      const parsed = DomainEvent.safeParse(JSON.parse(strictUtf8.decode(record.data)));
      expect(parsed.error).toBeUndefined();
      expect(parsed.data?.eventId).toBe(record.eventId);
      expect(parsed.data?.eventType).toBe(record.eventType);
      expect(parsed.data?.attendeeId).toBe(record.partitionKey);
    }
  });

  it('covers all three event types, registrations fewest, check-ins most', () => {
    const types = countBy(validEvents(sample()), (event) => event.eventType);
    const registered = types.get('AttendeeRegistered') ?? 0;
    const checkedIn = types.get('SessionCheckedIn') ?? 0;
    const feedback = types.get('FeedbackSubmitted') ?? 0;
    expect(registered).toBeGreaterThan(500);
    expect(checkedIn).toBeGreaterThan(feedback);
    expect(feedback).toBeGreaterThan(registered);
  });

  it('gives every valid record a distinct version-4 UUID', () => {
    const ids = sample()
      .filter((record) => record.kind === 'valid')
      .map((record) => record.eventId ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps each attendee's events in time order, registration first", () => {
    const byAttendee = new Map<string, DomainEvent[]>();
    for (const event of validEvents(sample())) {
      const events = byAttendee.get(event.attendeeId) ?? [];
      events.push(event);
      byAttendee.set(event.attendeeId, events);
    }
    for (const events of byAttendee.values()) {
      expect(events[0]?.eventType).toBe('AttendeeRegistered');
      expect(events.filter((event) => event.eventType === 'AttendeeRegistered')).toHaveLength(1);
      const times = events.map((event) => Date.parse(event.occurredAt));
      expect(times).toEqual([...times].sort((left, right) => left - right));
    }
  });

  it('spreads events over the configured days and points every sessionId at the exported catalog', () => {
    const startDate = new Date('2026-09-14T00:00:00.000Z');
    const generator = createEventGenerator({ seed: 9, startDate, days: 2, sessions: 12 });
    const events = validEvents(generator.take(3_000));
    const ids = new Set(generator.sessions.map((session) => session.id));
    expect(generator.sessions).toHaveLength(12);
    expect(generator.sessions[0]).toMatchObject({ id: 'sess-001', startsAt: '2026-09-14T09:00:00.000Z' });
    expect(generator.sessions).toEqual(createSessionCatalog({ seed: 9, startDate, days: 2, sessions: 12 }));
    const days = new Set(events.map((event) => event.occurredAt.slice(0, 10)));
    expect(days).toEqual(new Set(['2026-09-14', '2026-09-15']));
    for (const event of events) {
      if (event.eventType !== 'AttendeeRegistered') expect(ids.has(event.sessionId)).toBe(true);
      if (event.eventType === 'SessionCheckedIn' && event.room !== undefined) {
        expect(generator.sessions.find((session) => session.id === event.sessionId)?.room).toBe(event.room);
      }
    }
  });
});

describe('attendees', () => {
  const registrations = () => validEvents(sample()).filter((event) => event.eventType === 'AttendeeRegistered');

  it('come from world-countries, with the host country the largest group and currencies of the country', () => {
    const generator = createEventGenerator({ seed: 2026 });
    const profiles = new Map(countryProfiles().map((profile) => [profile.code, profile]));
    const byCountry = countBy(registrations(), (event) => event.country);
    const [largest] = [...byCountry.entries()].sort((left, right) => right[1] - left[1]);
    expect(largest?.[0]).toBe(generator.hostCountry);
    expect((largest?.[1] ?? 0) / registrations().length).toBeGreaterThan(0.2);
    expect(byCountry.size).toBeGreaterThan(30);
    for (const event of registrations()) {
      expect(profiles.get(event.country)?.currency).toBe(event.currency);
    }
  });

  it('have ticket types in realistic shares, speakers and sponsors free of charge', () => {
    const events = registrations();
    const tickets = countBy(events, (event) => event.ticketType);
    expect((tickets.get('standard') ?? 0) / events.length).toBeGreaterThan(0.6);
    for (const type of ['vip', 'student', 'speaker', 'sponsor']) expect(tickets.get(type)).toBeGreaterThan(0);
    for (const event of events) {
      if (event.ticketType === 'speaker' || event.ticketType === 'sponsor') expect(event.price).toBe(0);
      else expect(event.price).toBeGreaterThan(0);
    }
  });

  it('have e-mails derived from their names when the name is in Latin script', () => {
    const latin = registrations().filter((event) => /^[\p{Script=Latin}\s.'-]+$/u.test(event.name));
    const derived = latin.filter((event) => {
      const local = fold(event.email.split('@')[0] ?? '');
      return event.name.split(/\s+/).some((word) => fold(word).length >= 3 && local.includes(fold(word)));
    });
    expect(latin.length).toBeGreaterThan(500);
    expect(derived.length / latin.length).toBeGreaterThan(0.8);
  });

  it('have names that fit the country where faker has a locale for it', () => {
    const events = validEvents(createEventGenerator({ seed: 4, hostCountry: 'JP' }).take(4_000));
    const japanese = events.filter((event) => event.eventType === 'AttendeeRegistered' && event.country === 'JP');
    const inJapaneseScript = japanese.filter((event) =>
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(
        event.eventType === 'AttendeeRegistered' ? event.name : '',
      ),
    );
    expect(japanese.length).toBeGreaterThan(50);
    expect(inJapaneseScript.length).toBe(japanese.length);
  });

  it('give phone numbers in E.164 or national format for most attendees', () => {
    const events = registrations();
    const phones = events.flatMap((event) => (event.phone === undefined ? [] : [event.phone]));
    expect(phones.length / events.length).toBeGreaterThan(0.75);
    expect(phones.filter((phone) => /^\+[1-9]\d{6,14}$/.test(phone)).length).toBeGreaterThan(phones.length * 0.4);
    for (const phone of phones) expect(phone).toMatch(/^\+?[\d ()./-]{6,}$/);
  });

  it("write international numbers with the dialling code of the attendee's country", () => {
    const profiles = new Map(countryProfiles().map((profile) => [profile.code, profile]));
    const international = registrations().filter((event) => event.phone?.startsWith('+'));
    expect(international.length).toBeGreaterThan(300);
    for (const event of international) {
      const profile = profiles.get(event.country);
      // One suffix completes the country code (+4 and 9 = +49); several are NANP area codes after +1.
      const code = `${profile?.dialRoot}${profile?.dialSuffixes.length === 1 ? profile.dialSuffixes[0] : ''}`;
      expect(event.phone?.startsWith(code), `${event.country} ${event.phone}`).toBe(true);
    }
  });
});

describe('malformed records', () => {
  let cached: GeneratedRecord[] | undefined;
  const malformedSample = () => {
    cached ??= createEventGenerator({ seed: 8, malformedShare: 1, duplicateShare: 0 }).take(1_800);
    return cached;
  };

  it('occur in every kind, each labelled', () => {
    const kinds = countBy(malformedSample(), (record) => record.malformation ?? 'unlabelled');
    expect(new Set(kinds.keys())).toEqual(new Set(MALFORMATION_KINDS));
    for (const kind of MALFORMATION_KINDS) expect(kinds.get(kind)).toBeGreaterThan(100);
  });

  it('are each rejected: invalid UTF-8, invalid JSON or a DomainEvent violation', () => {
    for (const record of malformedSample()) {
      expect(record.kind).toBe('malformed');
      let text: string;
      try {
        text = strictUtf8.decode(record.data);
      } catch {
        expect(record.malformation).toBe('invalid-utf8');
        continue;
      }
      expect(record.malformation).not.toBe('invalid-utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        expect(record.malformation).toBe('truncated-json');
        continue;
      }
      expect(record.malformation).not.toBe('truncated-json');
      expect(DomainEvent.safeParse(json).success, `${record.malformation}: ${text}`).toBe(false);
      if (record.malformation === 'not-an-object') {
        expect(json === null || typeof json !== 'object' || Array.isArray(json)).toBe(true);
      }
    }
  });

  it('stay invalid UTF-8 even for a lenient decoder that would otherwise parse them', () => {
    const lenient = new TextDecoder('utf-8');
    const invalidUtf8 = malformedSample().filter((record) => record.malformation === 'invalid-utf8');
    // Lenient decoding swaps in U+FFFD and the JSON parses: only a strict decoder catches these.
    for (const record of invalidUtf8) expect(() => JSON.parse(lenient.decode(record.data))).not.toThrow();
  });

  it('keep the attendee as partition key', () => {
    for (const record of malformedSample()) expect(record.partitionKey).toMatch(/^att-[0-9a-f]{16}$/);
  });
});

describe('duplicates', () => {
  it('re-send an earlier valid record byte for byte, with the same eventId and partition key', () => {
    const records = createEventGenerator({ seed: 21, duplicateShare: 0.1 }).take(5_000);
    const earlier = new Map<string, GeneratedRecord>();
    let duplicates = 0;
    for (const record of records) {
      if (record.kind === 'valid') earlier.set(record.eventId ?? '', record);
      if (record.kind !== 'duplicate') continue;
      duplicates++;
      const original = earlier.get(record.eventId ?? '');
      expect(original).toBeDefined();
      expect(record.data).not.toBe(original?.data);
      expect(Buffer.from(record.data).equals(Buffer.from(original?.data ?? new Uint8Array()))).toBe(true);
      expect(record.partitionKey).toBe(original?.partitionKey);
    }
    expect(duplicates).toBeGreaterThan(300);
  });
});

describe('PII in free text', () => {
  it("embeds the attendee's own e-mail or phone, a Luhn-valid card number or a checksum-valid IBAN", () => {
    const contacts = new Map<string, { email: string; phone?: string }>();
    const seen = new Set<string>();
    let checked = 0;
    for (const record of sample()) {
      if (record.kind !== 'valid') continue;
      const event = decode(record);
      if (event.eventType === 'AttendeeRegistered') contacts.set(event.attendeeId, event);
      if (event.eventType !== 'FeedbackSubmitted' || !record.embeddedPii) continue;
      const comment = event.comment ?? '';
      for (const pii of record.embeddedPii) {
        seen.add(pii.entity);
        checked++;
        expect(comment).toContain(pii.value);
        const contact = contacts.get(event.attendeeId);
        if (pii.entity === 'EMAIL') expect(pii.value).toBe(contact?.email);
        if (pii.entity === 'PHONE_NUMBER') expect(pii.value).toBe(contact?.phone);
        if (pii.entity === 'CREDIT_CARD') expect(isLuhnValid(pii.value)).toBe(true);
        if (pii.entity === 'IBAN') expect(isIbanChecksumValid(pii.value)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(seen).toEqual(new Set(['EMAIL', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN']));
  });

  it('fills other comments with harmless numbers that look like neither card, IBAN nor e-mail', () => {
    const clean = sample()
      .filter((record) => record.kind === 'valid' && record.eventType === 'FeedbackSubmitted' && !record.embeddedPii)
      .map(decodeComment)
      .filter((comment): comment is string => comment !== undefined);
    const withNumbers = clean.filter((comment) => /\d{2,}/.test(comment));
    expect(withNumbers.length / clean.length).toBeGreaterThan(0.3);
    for (const comment of clean) {
      expect(comment).not.toContain('@');
      for (const run of comment.match(/\d[\d -]{11,}\d/g) ?? []) {
        const digits = run.replace(/\D/g, '');
        if (digits.length >= 13 && digits.length <= 19) expect(isLuhnValid(digits), comment).toBe(false);
      }
      for (const token of comment.match(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}\b/g) ?? []) {
        expect(isIbanChecksumValid(token), comment).toBe(false);
      }
    }
  });
});

describe('createEventGenerator options', () => {
  it('rejects invalid options, listing every problem at once', () => {
    const build = () =>
      createEventGenerator({
        seed: 1.5,
        malformedShare: 2,
        duplicateShare: -0.1,
        days: 0,
        sessions: 0,
        startDate: new Date('not a date'),
        hostCountry: 'XX',
      });
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(
      /seed.*\n.*malformedShare.*\n.*duplicateShare.*\n.*startDate.*\n.*days.*\n.*sessions.*\n.*hostCountry/s,
    );
  });

  it('exposes the resolved defaults', () => {
    const generator = createEventGenerator();
    expect(generator.options).toMatchObject({
      seed: 1,
      malformedShare: 0.02,
      duplicateShare: 0.01,
      piiInFreeTextShare: 0.3,
      days: 3,
      sessions: 40,
    });
    expect(generator.sessions).toHaveLength(40);
  });

  it('is iterable', () => {
    const fromNext = createEventGenerator({ seed: 4 }).take(5);
    const fromIterator: GeneratedRecord[] = [];
    for (const record of createEventGenerator({ seed: 4 })) {
      fromIterator.push(record);
      if (fromIterator.length === 5) break;
    }
    expect(fromIterator).toEqual(fromNext);
  });
});

function decodeComment(record: GeneratedRecord): string | undefined {
  const event = decode(record);
  return event.eventType === 'FeedbackSubmitted' ? event.comment : undefined;
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]/g, '');
}
