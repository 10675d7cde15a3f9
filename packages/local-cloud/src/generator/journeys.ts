import type { DomainEvent } from '@sluice/contracts';
import type { Attendee, AttendeePopulation } from './attendees';
import { attendeeRegistered, feedbackSubmitted, sessionCheckedIn } from './event-payloads';
import type { CommentWriter, EmbeddedPii } from './free-text';
import { type SeededRandom, WeightedSampler } from './random';
import { type ConferenceSession, conferenceStart } from './session-catalog';
import { isoTimestamp } from './timestamps';

/** One event of an attendee's visit, with the PII its free text carries (ground truth for detector tests). */
export interface JourneyEvent {
  readonly payload: DomainEvent;
  readonly at: number;
  readonly embeddedPii?: readonly EmbeddedPii[];
}

/** An attendee's whole visit in time order: registration, check-ins, feedback. */
export interface Journey {
  readonly attendee: Attendee;
  readonly events: readonly JourneyEvent[];
  /** Index of the next event to emit. */
  cursor: number;
}

export interface JourneyPlannerOptions {
  readonly startDate: Date;
  readonly days: number;
  readonly piiInFreeTextShare: number;
}

interface Slot {
  readonly startsAt: number;
  readonly day: number;
  readonly sessions: WeightedSampler<ConferenceSession>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Ratings skew positive, as conference feedback does. */
const RATINGS = new WeightedSampler([
  { value: 5, weight: 0.32 },
  { value: 4, weight: 0.36 },
  { value: 3, weight: 0.18 },
  { value: 2, weight: 0.09 },
  { value: 1, weight: 0.05 },
]);

/**
 * Plans an attendee's visit: they register at the badge desk on arrival (mostly the first morning), stay one or
 * more days, walk into one talk in most slots (popular talks draw more people) a few minutes before it starts or
 * a little late, and rate some of them afterwards. Planning the whole visit up front keeps one attendee's events
 * in time order, which the stream's per-partition ordering must preserve.
 *
 * @example
 * ```ts
 * const journey = planner.plan();
 * journey.events[0]?.payload.eventType; // 'AttendeeRegistered', always first
 * ```
 */
export class JourneyPlanner {
  readonly #random: SeededRandom;
  readonly #population: AttendeePopulation;
  readonly #comments: CommentWriter;
  readonly #options: JourneyPlannerOptions;
  readonly #slots: readonly Slot[];
  readonly #firstDay: number;

  constructor(
    random: SeededRandom,
    population: AttendeePopulation,
    comments: CommentWriter,
    catalog: readonly ConferenceSession[],
    options: JourneyPlannerOptions,
  ) {
    this.#random = random;
    this.#population = population;
    this.#comments = comments;
    this.#options = options;
    this.#firstDay = conferenceStart(options.startDate);
    this.#slots = groupIntoSlots(catalog, this.#firstDay, random);
  }

  plan(): Journey {
    const random = this.#random;
    const attendee = this.#population.next();
    const days = this.#options.days;
    const arrivalDay = days === 1 || random.chance(0.7) ? 0 : 1 + random.int(days - 1);
    const arrival =
      this.#firstDay +
      arrivalDay * DAY_MS +
      (random.chance(0.9) ? 7.5 * HOUR_MS + random.int(2.5 * HOUR_MS) : 10 * HOUR_MS + random.int(6 * HOUR_MS));
    const lastDay = random.chance(0.6) ? days - 1 : arrivalDay + random.int(days - arrivalDay);
    const eagerness = 0.5 + 0.35 * random.float();

    const events: JourneyEvent[] = [
      { at: arrival, payload: attendeeRegistered(attendee, random.uuid(), isoTimestamp(arrival)) },
    ];
    for (const slot of this.#slots) {
      if (slot.day > lastDay) break;
      if (slot.startsAt - 10 * MINUTE_MS <= arrival || !random.chance(eagerness)) continue;
      const session = slot.sessions.sample(random);
      const checkInAt =
        slot.startsAt - random.int(10 * MINUTE_MS) + (random.chance(0.15) ? random.int(20 * MINUTE_MS) : 0);
      const room = random.chance(0.9) ? session.room : undefined;
      events.push({
        at: checkInAt,
        payload: sessionCheckedIn(attendee, random.uuid(), isoTimestamp(checkInAt), session.id, room),
      });
      if (random.chance(0.35)) events.push(this.#feedback(attendee, session));
    }
    // Feedback on one talk may come after the check-in to the next; the stream must see them in time order.
    events.sort((left, right) => left.at - right.at);
    return { attendee, events, cursor: 0 };
  }

  #feedback(attendee: Attendee, session: ConferenceSession): JourneyEvent {
    const random = this.#random;
    const at = Date.parse(session.endsAt) + random.int(3 * HOUR_MS);
    const rating = RATINGS.sample(random);
    const comment = random.chance(0.75)
      ? this.#comments.write(attendee, session, rating, random.chance(this.#options.piiInFreeTextShare))
      : undefined;
    const payload = feedbackSubmitted(attendee, random.uuid(), isoTimestamp(at), session.id, rating, comment?.text);
    return comment && comment.pii.length > 0 ? { at, payload, embeddedPii: comment.pii } : { at, payload };
  }
}

function groupIntoSlots(catalog: readonly ConferenceSession[], firstDay: number, random: SeededRandom): Slot[] {
  const bySlot = new Map<number, { value: ConferenceSession; weight: number }[]>();
  for (const session of catalog) {
    const startsAt = Date.parse(session.startsAt);
    // Log-normal popularity: a few talks fill their room, most draw a steady crowd — "top sessions" has a story.
    const entry = { value: session, weight: Math.exp(0.6 * random.normal()) };
    const list = bySlot.get(startsAt);
    if (list) list.push(entry);
    else bySlot.set(startsAt, [entry]);
  }
  return [...bySlot.entries()]
    .sort(([left], [right]) => left - right)
    .map(([startsAt, sessions]) => ({
      startsAt,
      day: Math.floor((startsAt - firstDay) / DAY_MS),
      sessions: new WeightedSampler(sessions),
    }));
}
