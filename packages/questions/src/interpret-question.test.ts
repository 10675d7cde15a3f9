import type { DuckDbDatabase } from '@sluice/adapters-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretQuestion } from './interpret-question';
import { conferenceWarehouse } from './test-support/conference-warehouse';

// Wednesday: "this week" starts Monday 2026-11-23, "last week" is 2026-11-16 … 2026-11-22.
const now = new Date('2026-11-25T12:00:00Z');
let db: DuckDbDatabase;

beforeAll(async () => {
  db = await conferenceWarehouse();
});
afterAll(async () => {
  await db.close();
});

async function answer(question: string) {
  const plan = interpretQuestion(question, { now });
  if (!plan.ok) throw new Error(`not understood: ${question}: ${plan.message}`);
  return { plan, rows: await db.all(plan.sql) };
}

/** Each phrasing with the rows the known conference must give (see test-support/conference-warehouse.ts). */
const PHRASINGS: [string, Record<string, unknown>[]][] = [
  [
    'show me attendees by country',
    [
      { country: 'DE', attendees: 2 },
      { country: 'NL', attendees: 2 },
      { country: 'BR', attendees: 1 },
      { country: 'FR', attendees: 1 },
      { country: 'JP', attendees: 1 },
      { country: 'US', attendees: 1 },
    ],
  ],
  [
    'Attendees per country?',
    [
      { country: 'DE', attendees: 2 },
      { country: 'NL', attendees: 2 },
      { country: 'BR', attendees: 1 },
      { country: 'FR', attendees: 1 },
      { country: 'JP', attendees: 1 },
      { country: 'US', attendees: 1 },
    ],
  ],
  [
    'registrations per day last week',
    [
      { day: '2026-11-17', registrations: 2 },
      { day: '2026-11-18', registrations: 1 },
      { day: '2026-11-20', registrations: 1 },
      { day: '2026-11-22', registrations: 1 },
    ],
  ],
  [
    'daily signups this week',
    [
      { day: '2026-11-24', registrations: 1 },
      { day: '2026-11-25', registrations: 1 },
    ],
  ],
  [
    'weekly registrations',
    [
      { week: '2026-11-09', registrations: 1 },
      { week: '2026-11-16', registrations: 5 },
      { week: '2026-11-23', registrations: 2 },
    ],
  ],
  ['registrations by month', [{ month: '2026-11-01', registrations: 8 }]],
  [
    'top 5 sessions by check-ins in Europe',
    [
      { session: 'sess-001', check_ins: 3 },
      { session: 'sess-002', check_ins: 2 },
      { session: 'sess-004', check_ins: 1 },
    ],
  ],
  [
    'top 2 sessions',
    [
      { session: 'sess-001', check_ins: 4 },
      { session: 'sess-002', check_ins: 3 },
    ],
  ],
  ['most popular talk', [{ session: 'sess-001', check_ins: 4 }]],
  [
    'the 3 busiest sessions today',
    [
      { session: 'sess-002', check_ins: 3 },
      { session: 'sess-003', check_ins: 2 },
      { session: 'sess-004', check_ins: 1 },
    ],
  ],
  ['bottom 1 session by check ins', [{ session: 'sess-004', check_ins: 1 }]],
  ['how many VIP tickets', [{ registrations: 3 }]],
  ['How many V.I.P. tickets were sold in Germany?', [{ registrations: 1 }]],
  ['number of attendees from NL', [{ attendees: 2 }]],
  ['how many attendees from the Netherlands', [{ attendees: 2 }]],
  ['Dutch attendees', [{ attendees: 2 }]],
  ['attendees in Holland', [{ attendees: 2 }]],
  ['how many people came from Europe', [{ attendees: 5 }]],
  ['attendees from South America', [{ attendees: 1 }]],
  ['attendees from DEU or FRA', [{ attendees: 3 }]],
  [
    'attendees by region',
    [
      { region: 'Europe', attendees: 5 },
      { region: 'Americas', attendees: 2 },
      { region: 'Asia', attendees: 1 },
    ],
  ],
  [
    'ticket types',
    [
      { ticket_type: 'standard', registrations: 3 },
      { ticket_type: 'vip', registrations: 3 },
      { ticket_type: 'speaker', registrations: 1 },
      { ticket_type: 'student', registrations: 1 },
    ],
  ],
  [
    'revenue by ticket type in Europe',
    [
      { ticket_type: 'vip', revenue: 1500 },
      { ticket_type: 'standard', revenue: 200 },
      { ticket_type: 'student', revenue: 50 },
    ],
  ],
  ['total revenue last week', [{ revenue: 1750 }]],
  ['how many students', [{ registrations: 1 }]],
  ['check-ins of VIP attendees', [{ check_ins: 4 }]],
  [
    'check ins per room',
    [
      { room: 'Auditorium', check_ins: 4 },
      { room: 'Room C', check_ins: 3 },
      { room: 'Room B', check_ins: 3 },
    ].sort((x, y) => y.check_ins - x.check_ins || x.room.localeCompare(y.room)),
  ],
  ['check-ins for sess-002', [{ check_ins: 3 }]],
  [
    'feedback per day',
    [
      { day: '2026-11-24', feedback: 2 },
      { day: '2026-11-25', feedback: 3 },
    ],
  ],
  ['average rating', [{ average_rating: 3.8 }]],
  [
    'average rating by session',
    [
      { session: 'sess-001', average_rating: 4.5 },
      { session: 'sess-002', average_rating: 4 },
      { session: 'sess-003', average_rating: 2 },
    ],
  ],
  [
    'feedback by rating',
    [
      { rating: 5, feedback: 2 },
      { rating: 2, feedback: 1 },
      { rating: 3, feedback: 1 },
      { rating: 4, feedback: 1 },
    ],
  ],
  ['how many reviews for sess-001', [{ feedback: 2 }]],
  ['registrations yesterday', [{ registrations: 1 }]],
  ['registrations in the last 10 days', [{ registrations: 7 }]],
  ['registrations since 2026-11-20', [{ registrations: 4 }]],
  ['registrations on 2026-11-17', [{ registrations: 2 }]],
  ['registrations between 2026-11-17 and 2026-11-18', [{ registrations: 3 }]],
  [
    'check-ins by country',
    [
      { country: 'DE', check_ins: 2 },
      { country: 'NL', check_ins: 3 },
      { country: 'US', check_ins: 2 },
      { country: 'BR', check_ins: 1 },
      { country: 'FR', check_ins: 1 },
      { country: 'JP', check_ins: 1 },
    ].sort((x, y) => y.check_ins - x.check_ins || x.country.localeCompare(y.country)),
  ],
];

describe('questions answered on DuckDB with known data', () => {
  it('has at least 25 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(PHRASINGS)('%s', async (question, expected) => {
    const { rows } = await answer(question);
    expect(rows).toEqual(expected);
  });

  it('returns the chart kind and columns with the SQL', () => {
    const byCountry = interpretQuestion('show me attendees by country', { now });
    expect(byCountry).toMatchObject({ ok: true, chart: 'bar', categoryColumn: 'country', valueColumn: 'attendees' });
    expect(interpretQuestion('registrations per day last week', { now })).toMatchObject({ chart: 'line' });
    expect(interpretQuestion('how many VIP tickets', { now })).toMatchObject({ chart: 'number' });
  });

  it('is deterministic: the same question and clock give the same SQL', () => {
    const first = interpretQuestion('top 5 sessions by check-ins in Europe', { now });
    const second = interpretQuestion('top 5 sessions by check-ins in Europe', { now });
    expect(first).toEqual(second);
  });
});

describe('questions it cannot answer', () => {
  it('lists the words it could not place and what can be asked', () => {
    const result = interpretQuestion('show me the weather in Paris', { now });
    expect(result).toMatchObject({ ok: false, unknownWords: ['weather', 'Paris'] });
    if (result.ok) return;
    expect(result.message).toContain('"weather"');
    expect(result.canAsk.join('\n')).toContain('show me attendees by country');
  });

  it('explains fields that do not go together', () => {
    const result = interpretQuestion('registrations by session', { now });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/registrations cannot be split or filtered by session/);
  });

  it('never copies a word of the question into the SQL', () => {
    for (const question of [
      "attendees by country'; DROP TABLE attendee_registered; --",
      'attendees from NL) OR 1=1 --',
      'attendees where country = "NL" union select * from raw',
    ]) {
      const result = interpretQuestion(question, { now });
      expect(result.ok, question).toBe(false);
    }
  });

  it('does not read lower-case English words as country codes', () => {
    const result = interpretQuestion('show me attendees in it', { now });
    expect(result).toMatchObject({ ok: true, sql: expect.not.stringContaining("'IT'") });
  });
});
