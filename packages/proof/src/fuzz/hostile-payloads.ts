import { attendeeRegistered, feedbackSubmitted, sessionCheckedIn } from '@sluice/testing';
import fc from 'fast-check';

/**
 * Arbitraries for what a hostile or broken producer can send: raw bytes, JSON nested far deeper than any event,
 * strings around and beyond the record limits, unicode that trips decoders, and valid events with a field swapped
 * for a value of the wrong type. Shared by the fuzz tests of ingest and of stream-etl decoding.
 */

const encoder = new TextEncoder();

/** A valid event of one of the three types, with a fast-check-chosen eventId so shrinking stays reproducible. */
const validEvent: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(attendeeRegistered, sessionCheckedIn, feedbackSubmitted), fc.uuid())
  .map(([factory, eventId]) => ({ ...factory(), eventId }) as Record<string, unknown>);

/** Any JSON value, including the awkward ones: -0, huge numbers, empty keys, `__proto__` keys. */
const anyJsonValue = fc.jsonValue({ maxDepth: 4 });

/** A valid event with one field replaced by a value of any type, or removed, or an extra field added. */
export const eventWithWrongTypes: fc.Arbitrary<unknown> = fc
  .tuple(
    validEvent,
    fc.nat(),
    fc.oneof(anyJsonValue, fc.constant(undefined)),
    fc.constantFrom('replace', 'remove', 'add'),
  )
  .map(([event, pick, value, how]) => {
    const keys = Object.keys(event);
    const key = keys[pick % keys.length] as string;
    const copy: Record<string, unknown> = { ...event };
    if (how === 'remove') delete copy[key];
    else if (how === 'add') Object.defineProperty(copy, `x_${pick}`, { value, enumerable: true });
    else copy[key] = value;
    return copy;
  });

/** JSON nested 1 to 20,000 levels deep, as arrays, objects, or inside an event's field. */
export const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array', 'object', 'in-event'), validEvent)
  .map(([depth, shape, event]) => {
    if (shape === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    if (shape === 'object') return nested;
    return JSON.stringify({ ...event, comment: '__NESTED__' }).replace('"__NESTED__"', nested);
  });

/** An event whose string field is huge: near, at and past the 1 MiB record limit. */
export const hugeStrings: fc.Arbitrary<string> = fc
  .tuple(
    validEvent,
    fc.integer({ min: 0, max: 1_200_000 }),
    fc.constantFrom('a', 'é', '€', '😀', '\\', '"'),
    fc.constantFrom('name', 'comment', 'eventType', 'attendeeId', 'extra'),
  )
  .map(([event, length, unit, field]) => JSON.stringify({ ...event, [field]: unit.repeat(Math.ceil(length / 2)) }));

/** Strings of every unicode shape: full code points, graphemes, lone surrogates, control characters. */
const oddUnicode: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u202E', '\u200B', 'e\u0301', '𝕊', '\u2028\u2029'),
);

/** Valid events whose text fields carry odd unicode, and raw text that is not JSON at all. */
export const oddUnicodeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(validEvent, oddUnicode, fc.constantFrom('name', 'comment', 'attendeeId', 'eventType', 'country'))
    .map(([event, text, field]) => JSON.stringify({ ...event, [field]: text })),
  oddUnicode,
  oddUnicode.map((text) => `{"eventType":"${text}"}`),
);

/** Bytes as they come: random, a BOM before JSON, invalid UTF-8 sequences, truncated JSON. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  validEvent.map((event) => new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(JSON.stringify(event))])),
  fc
    .tuple(validEvent, fc.constantFrom([0xc3, 0x28], [0xa0, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80]))
    .map(([event, bad]) => {
      const bytes = encoder.encode(JSON.stringify(event));
      return new Uint8Array([...bytes.slice(0, 20), ...bad, ...bytes.slice(20)]);
    }),
  fc.tuple(validEvent, fc.nat()).map(([event, cut]) => {
    const bytes = encoder.encode(JSON.stringify(event));
    return bytes.slice(0, cut % bytes.length);
  }),
);

/** Every hostile shape as the bytes of one stream record or one HTTP body. */
export const hostilePayload: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: hostileBytes, weight: 3 },
  { arbitrary: eventWithWrongTypes.map((value) => encoder.encode(JSON.stringify(value) ?? 'undefined')), weight: 3 },
  { arbitrary: deeplyNested.map((text) => encoder.encode(text)), weight: 1 },
  { arbitrary: hugeStrings.map((text) => encoder.encode(text)), weight: 1 },
  { arbitrary: oddUnicodeText.map((text) => encoder.encode(text)), weight: 2 },
  { arbitrary: validEvent.map((event) => encoder.encode(JSON.stringify(event))), weight: 1 },
);
