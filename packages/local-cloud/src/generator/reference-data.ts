import { REFERENCE_TABLES, type ReferenceCountry, type ReferenceSession } from '@sluice/contracts';
import type { ObjectStore } from '@sluice/core';
import { countryProfiles } from './countries';
import type { ConferenceSession } from './session-catalog';

const ndjson = (rows: readonly object[]) => Buffer.from(`${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);

/** The reference tables the generated traffic points into: every country it may use, and its session catalog. */
export function referenceDataObjects(sessions: readonly ConferenceSession[]): { key: string; body: Uint8Array }[] {
  const countries: ReferenceCountry[] = countryProfiles().map((country) => ({
    code: country.code,
    name: country.name,
    region: country.region,
    ...(country.subregion ? { subregion: country.subregion } : {}),
  }));
  const catalog: ReferenceSession[] = sessions.map((session) => ({
    session_id: session.id,
    title: session.title,
    track: session.track,
    room: session.room,
    starts_at: session.startsAt,
  }));
  return [
    { key: REFERENCE_TABLES.countries.key, body: ndjson(countries) },
    { key: REFERENCE_TABLES.sessions.key, body: ndjson(catalog) },
  ];
}

/**
 * Puts the reference tables into the lake's reference zone unless they are there already, so a data
 * engineer's own edits (the point of reference data) survive a restart. Returns the keys written.
 */
export async function seedReferenceData(lake: ObjectStore, sessions: readonly ConferenceSession[]): Promise<string[]> {
  const written: string[] = [];
  for (const object of referenceDataObjects(sessions)) {
    if (await lake.head(object.key)) continue;
    await lake.put(object.key, object.body, 'application/x-ndjson');
    written.push(object.key);
  }
  return written;
}
