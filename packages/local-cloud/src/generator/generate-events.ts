import type { EventType } from '@sluice/contracts';
import { AttendeePopulation } from './attendees';
import { createCountrySampler } from './countries';
import type { EmbeddedPii } from './free-text';
import { CommentWriter } from './free-text';
import {
  type EventGeneratorOptions,
  type ResolvedGeneratorOptions,
  resolveGeneratorOptions,
} from './generator-options';
import { type Journey, JourneyPlanner } from './journeys';
import { MALFORMATION_KINDS, type MalformationKind, malformedRecord } from './malformations';
import { SeededRandom } from './random';
import { SeededFakers } from './seeded-fakers';
import { type ConferenceSession, createSessionCatalog } from './session-catalog';

/** One record as a producer would put it on the stream. */
export interface GeneratedRecord {
  readonly kind: 'valid' | 'malformed' | 'duplicate';
  /** The attendeeId, so one attendee's events stay ordered within a shard. */
  readonly partitionKey: string;
  /** The record's bytes: UTF-8 JSON, except where a malformation says otherwise. */
  readonly data: Uint8Array;
  /** The eventId the record carries, when it carries one (duplicates share their original's). */
  readonly eventId?: string;
  /** The eventType the record carries, known or not. */
  readonly eventType?: string;
  /** How a malformed record is broken. */
  readonly malformation?: MalformationKind;
  /** Ground truth for PII detection: what a `FeedbackSubmitted` comment leaks, exactly as written. */
  readonly embeddedPii?: readonly EmbeddedPii[];
}

/** A deterministic, endless source of conference traffic. */
export interface EventGenerator extends Iterable<GeneratedRecord> {
  /** The next record; never runs out. */
  next(): GeneratedRecord;
  /** The next `count` records. */
  take(count: number): GeneratedRecord[];
  /** The session catalog every `sessionId` points into (also available from `createSessionCatalog`). */
  readonly sessions: readonly ConferenceSession[];
  /** ISO alpha-2 code of the host country, the audience's largest group. */
  readonly hostCountry: string;
  readonly options: ResolvedGeneratorOptions;
}

/** Attendees whose visits are interleaved at any moment: enough to mix partitions, few enough to stay ordered. */
const CONCURRENT_JOURNEYS = 48;
/** At-least-once producers re-send recent records; duplicates are drawn from this many latest valid ones. */
const RECENT_FOR_DUPLICATES = 1024;

const encoder = new TextEncoder();

/**
 * Creates a seeded generator of realistic conference-attendee events: a registration per attendee, then
 * session check-ins and feedback in time order, interleaved across attendees the way a live stream mixes them,
 * with the requested shares of malformed records and byte-identical re-sends. Same options, same bytes.
 *
 * @throws {ConfigurationError} listing every invalid option.
 * @example
 * ```ts
 * const generator = createEventGenerator({ seed: 42, malformedShare: 0.05 });
 * for (const record of generator.take(500)) {
 *   await kinesis.putRecord({ StreamName: 'events', PartitionKey: record.partitionKey, Data: record.data });
 * }
 * ```
 */
export function createEventGenerator(options: EventGeneratorOptions = {}): EventGenerator {
  const resolved = resolveGeneratorOptions(options);
  const sessions = createSessionCatalog(resolved);
  const random = new SeededRandom(resolved.seed);
  const fakers = new SeededFakers(random);
  const countries = createCountrySampler(random, resolved.hostCountry);
  const planner = new JourneyPlanner(
    random,
    new AttendeePopulation(random, fakers, countries),
    new CommentWriter(random, fakers),
    sessions,
    resolved,
  );

  const journeys: Journey[] = [];
  const recentValid: GeneratedRecord[] = [];
  let recentCursor = 0;

  const journeyAt = (slot: number): Journey => {
    let journey = journeys[slot];
    if (!journey) {
      journey = planner.plan();
      journeys[slot] = journey;
    }
    return journey;
  };

  const valid = (): GeneratedRecord => {
    const slot = random.int(CONCURRENT_JOURNEYS);
    const journey = journeyAt(slot);
    const event = journey.events[journey.cursor];
    journey.cursor++;
    if (journey.cursor >= journey.events.length) journeys[slot] = planner.plan();
    if (!event) return valid();
    const { payload } = event;
    const record: GeneratedRecord = {
      kind: 'valid',
      partitionKey: payload.attendeeId,
      data: encoder.encode(JSON.stringify(payload)),
      eventId: payload.eventId,
      eventType: payload.eventType satisfies EventType,
      ...(event.embeddedPii ? { embeddedPii: event.embeddedPii } : {}),
    };
    if (recentValid.length < RECENT_FOR_DUPLICATES) recentValid.push(record);
    else recentValid[recentCursor] = record;
    recentCursor = (recentCursor + 1) % RECENT_FOR_DUPLICATES;
    return record;
  };

  const duplicate = (): GeneratedRecord => {
    const original = random.pick(recentValid);
    return { ...original, kind: 'duplicate', data: original.data.slice() };
  };

  const malformed = (): GeneratedRecord => {
    const journey = journeyAt(random.int(CONCURRENT_JOURNEYS));
    const nearby = journey.events[Math.min(journey.cursor, journey.events.length - 1)];
    const session = random.pick(sessions);
    const payload = malformedRecord(
      random.pick(MALFORMATION_KINDS),
      {
        attendee: journey.attendee,
        occurredAt: nearby?.payload.occurredAt ?? session.startsAt,
        sessionId: session.id,
        room: session.room,
      },
      random,
    );
    return { kind: 'malformed', partitionKey: journey.attendee.attendeeId, ...payload };
  };

  const next = (): GeneratedRecord => {
    const draw = random.float();
    if (draw < resolved.malformedShare) return malformed();
    if (draw < resolved.malformedShare + resolved.duplicateShare && recentValid.length > 0) return duplicate();
    return valid();
  };

  return {
    next,
    take: (count) => Array.from({ length: count }, next),
    sessions,
    hostCountry: countries.host.code,
    options: resolved,
    *[Symbol.iterator]() {
      while (true) yield next();
    },
  };
}
