import type { ObjectStore } from '../ports/object-store';
import type { Warehouse } from '../ports/warehouse';

export interface PipelineHealth {
  /** Rows in the warehouse's fact tables (valid events, loaded once each). */
  readonly loadedRows: number;
  /** Records in the lake's quarantine zone (invalid events with their reason). */
  readonly quarantinedRecords: number;
  /** quarantined / (quarantined + loaded); 0 when nothing arrived yet. */
  readonly quarantineRate: number;
  /** The newest event's time in the warehouse (ISO), if any. */
  readonly newestEventAt: string | null;
  /** Seconds from the newest event to `now`: how far behind the warehouse is. */
  readonly freshnessSeconds: number | null;
}

const FACT_COUNTS = [
  "SELECT 'attendee_registered' AS fact, COUNT(*) AS n, MAX(occurred_at) AS newest FROM attendee_registered",
  "SELECT 'session_checked_in' AS fact, COUNT(*) AS n, MAX(occurred_at) AS newest FROM session_checked_in",
  "SELECT 'feedback_submitted' AS fact, COUNT(*) AS n, MAX(occurred_at) AS newest FROM feedback_submitted",
].join(' UNION ALL ');

/**
 * Counts quarantined records (one NDJSON line each). Quarantine files never change once written, so a
 * count is remembered per key and etag: a dashboard refresh reads only files it has not seen.
 */
export class QuarantineCounter {
  private readonly counted = new Map<string, number>();

  async count(lake: ObjectStore): Promise<number> {
    let total = 0;
    for (const object of await lake.list('quarantine/')) {
      const id = `${object.key}@${object.etag}`;
      let lines = this.counted.get(id);
      if (lines === undefined) {
        const body = (await lake.get(object.key))?.body ?? new Uint8Array();
        lines = new TextDecoder()
          .decode(body)
          .split('\n')
          .filter((line) => line.trim().length > 0).length;
        this.counted.set(id, lines);
      }
      total += lines;
    }
    return total;
  }
}

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Quarantine rate and freshness, from the warehouse and the lake's quarantine zone. */
export async function pipelineHealth(
  warehouse: Warehouse,
  lake: ObjectStore,
  counter: QuarantineCounter,
  now: Date,
): Promise<PipelineHealth> {
  const [facts, quarantinedRecords] = await Promise.all([warehouse.query(FACT_COUNTS), counter.count(lake)]);
  const loadedRows = facts.reduce((sum, row) => sum + Number(row.n ?? 0), 0);
  const newest = facts
    .map((row) => toIso(row.newest))
    .filter((iso): iso is string => iso !== null)
    .sort()
    .at(-1);
  const arrived = loadedRows + quarantinedRecords;
  return {
    loadedRows,
    quarantinedRecords,
    quarantineRate: arrived === 0 ? 0 : quarantinedRecords / arrived,
    newestEventAt: newest ?? null,
    freshnessSeconds: newest ? Math.max(0, Math.round((now.getTime() - Date.parse(newest)) / 1000)) : null,
  };
}
