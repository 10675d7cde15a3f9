import { EVENT_TYPE_NAMES, EVENT_TYPES, type S3ObjectCreated } from '@sluice/contracts';
import { buildRegisterPartitions } from '../catalog/register-partitions';
import { type TablePolicies, tablePolicyOf } from '../catalog/table-policy';
import { partitionPrefix } from '../lake/keys';
import type { DataCatalog } from '../ports/catalog';
import type { ObjectStore } from '../ports/object-store';
import type { Warehouse } from '../ports/warehouse';
import { buildLoadWarehouse } from './load-warehouse';

export interface BackfillDependencies {
  readonly lake: ObjectStore;
  readonly catalog: DataCatalog;
  readonly warehouse: Warehouse;
  readonly policies?: TablePolicies;
}

export interface BackfillRange {
  /** First day, `YYYY-MM-DD` (inclusive). */
  readonly from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  readonly to: string;
  /** Only these tables (default: every event type's table). */
  readonly tables?: readonly string[];
}

export interface BackfillOutcome {
  readonly days: number;
  readonly objects: number;
  readonly newPartitions: number;
  readonly rowsInserted: number;
  readonly rowsSkipped: number;
  readonly filesSkipped: number;
}

/** Files loaded per warehouse call: one COPY manifest each on Redshift, bounded to keep statements small. */
const FILES_PER_LOAD = 100;
const MAX_DAYS = 3660;

/** Every date from `from` to `to`, inclusive, as `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
    Number.isNaN(start) ||
    Number.isNaN(end)
  ) {
    throw new Error(`backfill range must be two dates YYYY-MM-DD, got "${from}" to "${to}"`);
  }
  if (end < start) throw new Error(`backfill range is empty: ${to} is before ${from}`);
  const days: string[] = [];
  for (let t = start; t <= end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  if (days.length > MAX_DAYS) throw new Error(`backfill range of ${days.length} days is more than ${MAX_DAYS}`);
  return days;
}

/** The Object Created event S3 would have sent for a lake object (what registration takes). */
function objectCreated(bucket: string, key: string, size: number): S3ObjectCreated {
  return {
    version: '0',
    id: `backfill:${key}`,
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: new Date(0).toISOString(),
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key, size, sequencer: '0' },
      'request-id': 'backfill',
      requester: 'backfill',
      reason: 'PutObject',
    },
  };
}

/**
 * Backfill / replay: for every day of a range, the curated objects already in the lake go through the
 * same two steps as a new object — registration in the catalog, then the warehouse load (views refreshed
 * once per load call). Idempotent, because both steps are: registered partitions are left as they are,
 * and files in the load ledger are skipped, so a second backfill of the same range changes nothing.
 *
 * Crawler-mode tables are registered directly here (the effect a crawl would have), since there is no
 * state machine waiting on a crawler; projection-mode tables get their properties and no partitions.
 */
export function buildBackfill(deps: BackfillDependencies) {
  const directPolicies: TablePolicies = Object.fromEntries(
    EVENT_TYPE_NAMES.map((eventType) => {
      const table = EVENT_TYPES[eventType].table;
      const policy = tablePolicyOf(deps.policies, table);
      return [table, policy.registration === 'crawler' ? { ...policy, registration: 'direct' as const } : policy];
    }),
  );
  const registerPartitions = buildRegisterPartitions({ catalog: deps.catalog, policies: directPolicies });
  const loadWarehouse = buildLoadWarehouse({ warehouse: deps.warehouse });

  return async function backfill(range: BackfillRange): Promise<BackfillOutcome> {
    const days = daysBetween(range.from, range.to);
    const tables = range.tables ?? EVENT_TYPE_NAMES.map((eventType) => EVENT_TYPES[eventType].table);
    const outcome = {
      days: days.length,
      objects: 0,
      newPartitions: 0,
      rowsInserted: 0,
      rowsSkipped: 0,
      filesSkipped: 0,
    };
    for (const day of days) {
      for (const table of tables) {
        const objects = (await deps.lake.list(partitionPrefix('curated', table, day))).filter((o) =>
          o.key.endsWith('.parquet'),
        );
        if (objects.length === 0) continue;
        const { registration } = await registerPartitions(
          objects.map((o) => objectCreated(deps.lake.bucket, o.key, o.size)),
        );
        outcome.newPartitions += registration.newPartitions;
        outcome.objects += objects.length;
        for (let i = 0; i < objects.length; i += FILES_PER_LOAD) {
          const keys = objects.slice(i, i + FILES_PER_LOAD).map((o) => o.key);
          const loaded = await loadWarehouse({ bucket: deps.lake.bucket, objectKeys: keys });
          outcome.rowsInserted += loaded.rowsInserted;
          outcome.rowsSkipped += loaded.rowsSkipped;
          outcome.filesSkipped += loaded.filesSkipped;
        }
      }
    }
    return outcome;
  };
}
