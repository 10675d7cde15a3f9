/**
 * Which engine runs stream-etl's enrichment SQL: the service's own `.sql` files over generated events of
 * each type and the generated reference tables, on AlaSQL (in process, pure JavaScript) and on DuckDB
 * (in process, native: rows appended, joined, read back), with a plain JavaScript hash join as the floor.
 * Prints per-batch median milliseconds and rows/s. Run: `npx tsx packages/benchmarks/src/enrichment-engines.ts`.
 */
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type DomainEvent,
  EVENT_TYPES,
  type EventType,
  parseWith,
  REFERENCE_TABLES,
  DomainEvent as Schema,
} from '@sluice/contracts';
import { enrichEvents, parseReferenceObject, type ReferenceTables } from '@sluice/core';
import { createEventGenerator, referenceDataObjects } from '@sluice/local-cloud';
import { buildSqlEnrichment, loadEnrichmentQueries } from '@sluice/sql-enrichment';

const BATCH = Number(process.env.BATCH ?? 10_000);
const RUNS = 9;
const sqlDir = fileURLToPath(
  new URL('../../../services/stream-etl/src/functions/process-stream/enrichment/', import.meta.url),
);

function eventsByType(count: number): Map<EventType, DomainEvent[]> {
  const generator = createEventGenerator({ seed: 11, malformedShare: 0, duplicateShare: 0 });
  const byType = new Map<EventType, DomainEvent[]>();
  while ([...byType.values()].reduce((n, list) => n + list.length, 0) < count) {
    const parsed = parseWith(Schema, JSON.parse(Buffer.from(generator.next().data).toString()));
    if (!parsed.ok) continue;
    const list = byType.get(parsed.value.eventType) ?? [];
    list.push(parsed.value);
    byType.set(parsed.value.eventType, list);
  }
  return byType;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timeIt(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function duckDbEnrichment(reference: ReferenceTables, queries: Record<EventType, string>) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const [name, rows] of Object.entries(reference)) {
    const columns = Object.keys(rows[0] ?? { key: '' });
    await connection.run(`CREATE TABLE ${name} (${columns.map((c) => `"${c}" VARCHAR`).join(', ')})`);
    const appender = await connection.createAppender(name);
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        if (value === undefined || value === null) appender.appendNull();
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
  }
  return async (eventType: EventType, events: readonly DomainEvent[]) => {
    const fields = Object.keys(EVENT_TYPES[eventType].schema.shape);
    await connection.run('DROP TABLE IF EXISTS batch');
    await connection.run(`CREATE TABLE batch (${fields.map((f) => `"${f}" VARCHAR`).join(', ')})`);
    const appender = await connection.createAppender('batch');
    for (const event of events) {
      for (const field of fields) {
        const value = (event as Record<string, unknown>)[field];
        if (value === undefined || value === null) appender.appendNull();
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
    const reader = await connection.runAndReadAll(queries[eventType]);
    return reader.getRowObjectsJS();
  };
}

async function main(): Promise<void> {
  const queries = loadEnrichmentQueries(sqlDir);
  const { sessions } = createEventGenerator({ seed: 11 });
  const reference = Object.fromEntries(
    referenceDataObjects(sessions).map((object) => {
      const [name, table] = Object.entries(REFERENCE_TABLES).find(([, t]) => t.key === object.key) as [
        string,
        (typeof REFERENCE_TABLES)[keyof typeof REFERENCE_TABLES],
      ];
      return [name, parseReferenceObject(table, object.body)];
    }),
  ) as ReferenceTables;
  const batches = eventsByType(BATCH);
  const alasql = buildSqlEnrichment(queries);
  const duckdb = await duckDbEnrichment(reference, queries);
  const countries = new Map((reference.countries ?? []).map((c) => [c.code, c]));
  const sessionsById = new Map((reference.sessions ?? []).map((s) => [s.session_id, s]));
  const hashJoin = (eventType: EventType, events: readonly DomainEvent[]) =>
    events.map((event) => {
      if (eventType === 'AttendeeRegistered') {
        const country = countries.get((event as { country: string }).country);
        return { ...event, countryName: country?.name ?? null, region: country?.region ?? null };
      }
      const session = sessionsById.get((event as { sessionId: string }).sessionId);
      return { ...event, sessionTitle: session?.title ?? null, sessionTrack: session?.track ?? null };
    });

  const all = async (run: (type: EventType, events: readonly DomainEvent[]) => unknown) => {
    for (const [type, events] of batches) await run(type, events);
  };
  const results = [
    { engine: 'JavaScript Map join, object spread (no SQL)', ms: await timeIt(() => all(hashJoin)) },
    {
      engine: 'AlaSQL (chosen: in process, pure JS)',
      ms: await timeIt(() => all((type, events) => enrichEvents(alasql, type, events, reference))),
    },
    { engine: 'DuckDB (in process, native: append, join, read back)', ms: await timeIt(() => all(duckdb)) },
  ];
  const counts = [...batches].map(([type, events]) => `${type} ${events.length}`).join(', ');
  process.stdout.write(`Enrichment SQL of stream-etl on one ${BATCH}-event batch (${counts}); median of ${RUNS}\n`);
  for (const { engine, ms } of results) {
    process.stdout.write(
      `  ${engine.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round(BATCH / (ms / 1000))
        .toLocaleString('en')
        .padStart(10)} events/s\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
