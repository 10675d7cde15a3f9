import { DUCKDB_TYPE_OF, DuckDbDatabase } from '@sluice/adapters-local';
import { factTables } from '@sluice/core';

/** A known conference: who registered where and when, who checked in to which session, what they rated. */
export const ATTENDEES = [
  { id: 'a1', country: 'NL', ticket: 'vip', price: 500, dt: '2026-11-17' },
  { id: 'a2', country: 'NL', ticket: 'standard', price: 200, dt: '2026-11-17' },
  { id: 'a3', country: 'DE', ticket: 'student', price: 50, dt: '2026-11-18' },
  { id: 'a4', country: 'FR', ticket: 'vip', price: 500, dt: '2026-11-20' },
  { id: 'a5', country: 'US', ticket: 'standard', price: 200, dt: '2026-11-24' },
  { id: 'a6', country: 'BR', ticket: 'speaker', price: 0, dt: '2026-11-25' },
  { id: 'a7', country: 'JP', ticket: 'standard', price: 200, dt: '2026-11-10' },
  { id: 'a8', country: 'DE', ticket: 'vip', price: 500, dt: '2026-11-22' },
] as const;

export const CHECK_INS = [
  { attendee: 'a1', session: 'sess-001', room: 'Auditorium', dt: '2026-11-24' },
  { attendee: 'a2', session: 'sess-001', room: 'Auditorium', dt: '2026-11-24' },
  { attendee: 'a3', session: 'sess-001', room: 'Auditorium', dt: '2026-11-24' },
  { attendee: 'a5', session: 'sess-001', room: 'Auditorium', dt: '2026-11-24' },
  { attendee: 'a1', session: 'sess-002', room: 'Room B', dt: '2026-11-25' },
  { attendee: 'a4', session: 'sess-002', room: 'Room B', dt: '2026-11-25' },
  { attendee: 'a6', session: 'sess-002', room: 'Room B', dt: '2026-11-25' },
  { attendee: 'a7', session: 'sess-003', room: 'Room C', dt: '2026-11-25' },
  { attendee: 'a5', session: 'sess-003', room: 'Room C', dt: '2026-11-25' },
  { attendee: 'a8', session: 'sess-004', room: 'Room C', dt: '2026-11-25' },
] as const;

export const FEEDBACK = [
  { attendee: 'a1', session: 'sess-001', rating: 5, dt: '2026-11-24' },
  { attendee: 'a2', session: 'sess-001', rating: 4, dt: '2026-11-24' },
  { attendee: 'a4', session: 'sess-002', rating: 3, dt: '2026-11-25' },
  { attendee: 'a5', session: 'sess-003', rating: 2, dt: '2026-11-25' },
  { attendee: 'a6', session: 'sess-002', rating: 5, dt: '2026-11-25' },
] as const;

/** An in-memory DuckDB with the warehouse's fact tables (columns from the contract, plus `dt`) and the data above. */
export async function conferenceWarehouse(): Promise<DuckDbDatabase> {
  const db = await DuckDbDatabase.open(':memory:');
  await db.write(async (session) => {
    for (const fact of factTables()) {
      const columns = fact.columns.map((c) => `${c.name} ${DUCKDB_TYPE_OF[c.type]}`);
      await session.run(`CREATE TABLE ${fact.table} (${columns.join(', ')}, dt DATE)`);
    }
    let n = 0;
    for (const a of ATTENDEES) {
      await session.run(
        `INSERT INTO attendee_registered (event_id, occurred_at, attendee_id, country, ticket_type, price, currency, dt)
         VALUES ($1, CAST($2 AS DATE), $3, $4, $5, $6, 'EUR', CAST($2 AS DATE))`,
        [`e${n++}`, a.dt, a.id, a.country, a.ticket, a.price],
      );
    }
    for (const c of CHECK_INS) {
      await session.run(
        `INSERT INTO session_checked_in (event_id, occurred_at, attendee_id, session_id, room, dt)
         VALUES ($1, CAST($2 AS DATE), $3, $4, $5, CAST($2 AS DATE))`,
        [`e${n++}`, c.dt, c.attendee, c.session, c.room],
      );
    }
    for (const f of FEEDBACK) {
      await session.run(
        `INSERT INTO feedback_submitted (event_id, occurred_at, attendee_id, session_id, rating, dt)
         VALUES ($1, CAST($2 AS DATE), $3, $4, $5, CAST($2 AS DATE))`,
        [`e${n++}`, f.dt, f.attendee, f.session, f.rating],
      );
    }
  });
  return db;
}
