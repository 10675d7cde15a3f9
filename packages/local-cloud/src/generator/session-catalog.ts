import type { Faker } from '@faker-js/faker';
import { SeededRandom } from './random';
import { SeededFakers } from './seeded-fakers';

/** One talk of the conference; the catalog is the static reference data the stream is joined with. */
export interface ConferenceSession {
  /** `sess-001`, `sess-002`, … */
  readonly id: string;
  readonly title: string;
  readonly track: string;
  readonly room: string;
  /** ISO 8601, UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface SessionCatalogOptions {
  /** The conference's first day; only its UTC date counts. */
  readonly startDate: Date;
  readonly days: number;
  readonly sessions: number;
}

/** Slot start times in minutes after midnight UTC: two morning and three afternoon slots around lunch. */
const SLOT_STARTS_MINUTES = [9 * 60, 10 * 60 + 30, 13 * 60, 14 * 60 + 30, 16 * 60];
const SESSION_MINUTES = 45;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The UTC midnight that starts the conference's first day. */
export function conferenceStart(startDate: Date): number {
  const time = startDate.getTime();
  return time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Lays `sessions` talks out over `days` days: five slots a day, as many parallel tracks as it takes (one room
 * per track), so check-ins cluster around slot starts like at a real venue. Titles and track names come from
 * faker; ids are stable (`sess-001`) so the reference data and the events agree across runs.
 *
 * @example
 * ```ts
 * const catalog = buildSessionCatalog(faker, random, { startDate: new Date('2026-06-01'), days: 3, sessions: 40 });
 * catalog[0]; // { id: 'sess-001', track: 'Virtual Protocol', room: 'Room 1.01', startsAt: '2026-06-01T09:00:00.000Z', … }
 * ```
 */
export function buildSessionCatalog(
  faker: Faker,
  random: SeededRandom,
  options: SessionCatalogOptions,
): ConferenceSession[] {
  const slotsPerDay = SLOT_STARTS_MINUTES.length;
  const trackCount = Math.max(1, Math.ceil(options.sessions / (options.days * slotsPerDay)));
  const tracks = uniqueTrackNames(faker, random, trackCount);
  const firstDay = conferenceStart(options.startDate);
  const idWidth = Math.max(3, String(options.sessions).length);

  const catalog: ConferenceSession[] = [];
  for (let index = 0; index < options.sessions; index++) {
    const slot = Math.floor(index / trackCount);
    const trackIndex = index % trackCount;
    const day = Math.floor(slot / slotsPerDay);
    const startMinutes = SLOT_STARTS_MINUTES[slot % slotsPerDay] ?? 0;
    const startsAt = firstDay + day * DAY_MS + startMinutes * MINUTE_MS;
    catalog.push({
      id: `sess-${String(index + 1).padStart(idWidth, '0')}`,
      title: sessionTitle(faker),
      track: tracks[trackIndex] ?? `Track ${trackIndex + 1}`,
      room: roomName(trackIndex),
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + SESSION_MINUTES * MINUTE_MS).toISOString(),
    });
  }
  return catalog;
}

function uniqueTrackNames(faker: Faker, random: SeededRandom, count: number): string[] {
  const names = new Set<string>();
  // Faker's vocabulary is finite; after a few collisions fall back to numbering rather than loop forever.
  for (let attempt = 0; names.size < count && attempt < count * 20; attempt++) {
    names.add(`${capitalize(faker.hacker.adjective())} ${capitalize(faker.hacker.noun())}`);
  }
  const list = [...names];
  while (list.length < count) list.push(`Track ${list.length + 1} ${random.hex(2)}`);
  return list;
}

function sessionTitle(faker: Faker): string {
  return `${capitalize(faker.hacker.ingverb())} the ${faker.hacker.adjective()} ${faker.hacker.noun()}: ${faker.company.catchPhrase()}`;
}

/** Rooms are numbered floor by floor, four to a floor (Room 1.01 … 1.04, 2.01 …). */
function roomName(trackIndex: number): string {
  return `Room ${Math.floor(trackIndex / 4) + 1}.${String((trackIndex % 4) + 1).padStart(2, '0')}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The session catalog a generator with these options uses, without running the generator: the reference data
 * the lake joins with must list exactly the sessions the events point at. It draws from its own seeded stream,
 * so it does not depend on how many records were generated.
 *
 * @example
 * ```ts
 * const catalog = createSessionCatalog({ seed: 7, startDate: new Date('2026-06-01'), days: 3, sessions: 40 });
 * writeReferenceData('sessions', catalog);
 * ```
 */
export function createSessionCatalog(options: SessionCatalogOptions & { readonly seed: number }): ConferenceSession[] {
  // A distinct stream per purpose: changing the traffic mix must not reshuffle the catalog.
  const random = new SeededRandom(options.seed, CATALOG_STREAM);
  return buildSessionCatalog(new SeededFakers(random).english, random, options);
}

const CATALOG_STREAM = 1;
