/**
 * Test fixtures shared by the DuckDB adapters' tests: real Parquet files, encoded exactly as the stream
 * writes them (columnsOf + toRow + encodeParquet), placed where the local object store keeps lake keys.
 * Not exported from the package.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AttendeeRegisteredV1 } from '@sluice/contracts';
import { columnsOf, partitionedKey, type TableRow, toRow } from '@sluice/core';
import { encodeParquet, type ParquetCell, type ParquetColumn } from '@sluice/parquet';

export const ATTENDEE_TABLE = 'attendee_registered';

let sequence = 0;

/** A valid AttendeeRegistered event; every call gets a fresh eventId and attendeeId. */
export function attendeeRegistered(overrides: Partial<AttendeeRegisteredV1> = {}): AttendeeRegisteredV1 {
  sequence++;
  return {
    eventId: randomUUID(),
    eventType: 'AttendeeRegistered',
    schemaVersion: 1,
    occurredAt: '2026-11-25T09:30:00.000Z',
    attendeeId: `att-${sequence}`,
    name: `Attendee ${sequence}`,
    email: `attendee${sequence}@example.com`,
    company: 'Acme',
    country: 'NL',
    ticketType: 'standard',
    price: 199.5,
    currency: 'EUR',
    ...overrides,
  };
}

export function attendeeRows(events: readonly AttendeeRegisteredV1[]): TableRow[] {
  const columns = columnsOf('AttendeeRegistered');
  return events.map((event) => toRow(event, columns));
}

/** Writes rows as a Parquet file at the lake key `key`; returns the key. */
export async function writeParquetFile(
  lakeRoot: string,
  key: string,
  columns: readonly ParquetColumn[],
  rows: readonly Record<string, ParquetCell>[],
): Promise<string> {
  const path = join(lakeRoot, key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, encodeParquet(columns, rows));
  return key;
}

/** Writes `events` as one curated Parquet file of the partition `dt`; returns its object key. */
export function writeAttendeeFile(
  lakeRoot: string,
  dt: string,
  fileName: string,
  events: readonly AttendeeRegisteredV1[],
): Promise<string> {
  const key = partitionedKey('curated', ATTENDEE_TABLE, dt, fileName);
  return writeParquetFile(lakeRoot, key, columnsOf('AttendeeRegistered'), attendeeRows(events));
}

/** A fresh temporary directory, and a function that removes it. */
export async function temporaryDirectory(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'sluice-duckdb-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
