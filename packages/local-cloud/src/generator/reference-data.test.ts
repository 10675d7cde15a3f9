import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBuckets } from '@sluice/adapters-local';
import { REFERENCE_TABLES } from '@sluice/contracts';
import { parseReferenceObject } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { createEventGenerator } from './generate-events';
import { referenceDataObjects, seedReferenceData } from './reference-data';

describe('generated reference data', () => {
  it('validates against the contract and covers every session and country the traffic uses', () => {
    const generator = createEventGenerator({ seed: 7 });
    const [countries, sessions] = referenceDataObjects(generator.sessions);
    const countryRows = parseReferenceObject(REFERENCE_TABLES.countries, countries?.body as Uint8Array);
    const sessionRows = parseReferenceObject(REFERENCE_TABLES.sessions, sessions?.body as Uint8Array);
    const codes = new Set(countryRows.map((row) => row.code));
    const sessionIds = new Set(sessionRows.map((row) => row.session_id));
    for (const record of generator.take(2000)) {
      const event = (() => {
        try {
          return JSON.parse(Buffer.from(record.data).toString());
        } catch {
          return undefined;
        }
      })();
      if (event?.eventType === 'AttendeeRegistered' && /^[A-Z]{2}$/.test(event.country)) {
        expect(codes.has(event.country)).toBe(true);
      }
      if (typeof event?.sessionId === 'string' && event.sessionId.startsWith('sess-')) {
        expect(sessionIds.has(event.sessionId)).toBe(true);
      }
    }
    expect(countryRows.find((row) => row.code === 'NL')).toMatchObject({ name: 'Netherlands', region: 'Europe' });
  });

  it('seeds only what is missing, so edited reference data survives a restart', async () => {
    const lake = await new LocalBuckets({ root: mkdtempSync(join(tmpdir(), 'sluice-ref-')) }).ensureBucket('lake');
    const { sessions } = createEventGenerator({ seed: 7 });
    await lake.put(
      REFERENCE_TABLES.countries.key,
      Buffer.from('{"code":"NL","name":"Holland","region":"Europe"}\n'),
      'x',
    );
    expect(await seedReferenceData(lake, sessions)).toEqual([REFERENCE_TABLES.sessions.key]);
    expect(Buffer.from((await lake.get(REFERENCE_TABLES.countries.key))?.body ?? []).toString()).toContain('Holland');
  });
});
