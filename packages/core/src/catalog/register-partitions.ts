import {
  type EventType,
  eventTypeForTable,
  type PartitionsRegisteredDetail,
  type S3ObjectCreated,
} from '@sluice/contracts';
import { SluiceError } from '../errors';
import { type ColumnDefinition, columnsOf, PARTITION_COLUMN } from '../lake/columns';
import { parsePartitionedKey } from '../lake/keys';
import type { DataCatalog, PartitionToRegister } from '../ports/catalog';
import { partitionProjectionParameters } from './partition-projection';
import { type TablePolicies, tablePolicyOf } from './table-policy';

export interface RegisterPartitionsDependencies {
  readonly catalog: DataCatalog;
  /** Per-table registration mode and schema-change policy; tables not listed register directly. */
  readonly policies?: TablePolicies;
  /** The Glue crawler that crawler-mode tables are registered by (required when any table uses it). */
  readonly crawlerName?: string;
  /** The columns of an event type; the contract's by default (a test passes a changed contract). */
  readonly columnsOf?: (eventType: EventType) => ColumnDefinition[];
}

/** What the state machine reads: the PartitionsRegistered detail, and whether to run the crawler first. */
export interface RegisterPartitionsResult {
  readonly registration: PartitionsRegisteredDetail;
  readonly crawler: {
    readonly name: string | null;
    /** True when a crawler-mode object opens a partition the catalog lacks: start the crawler and wait. */
    readonly start: boolean;
    /** How many times this execution has run the crawler for the object (the state machine passes it back). */
    readonly rounds: number;
  };
}

/**
 * How often the crawler already ran for this object in this execution: on a crawler round the state input
 * holds the state's previous result at `$.catalog.crawler.rounds`; on the first pass it does not (0).
 */
export function crawlerRoundsOf(stateInput: unknown): number {
  const rounds = (stateInput as { catalog?: { crawler?: { rounds?: unknown } } } | null)?.catalog?.crawler?.rounds;
  return typeof rounds === 'number' && Number.isInteger(rounds) && rounds >= 0 ? rounds : 0;
}

/** A crawler-mode partition still missing after the crawler ran this many times for it: something is wrong. */
export const MAX_CRAWLER_ROUNDS = 3;

export class CrawlerDidNotRegisterError extends SluiceError {
  constructor(partitions: readonly PartitionToRegister[], rounds: number) {
    super(
      'CRAWLER_DID_NOT_REGISTER',
      `the crawler ran ${rounds} times and ${partitions.map((p) => `${p.table}/dt=${p.dt}`).join(', ')} ` +
        'is still not in the catalog (check the crawler targets and its last crawl log)',
    );
  }
}

/**
 * Object Created in the curated zone → the object's table and date partition are in the catalog (so Athena
 * sees them), by the table's registration mode:
 * - direct: the table exists with the contract's columns (new fields added, type changes by policy) and
 *   the partition is registered with BatchCreatePartition. Idempotent.
 * - crawler: nothing is written; if the partition is not registered yet the result asks the state machine
 *   to start the crawler. Only a partition's first objects do, so many objects a minute do not mean a
 *   crawl each; objects that arrive while it crawls find it running and wait for that run.
 * - projection: the table exists with partition-projection properties; no partition is registered.
 * `previousRounds` is how often the crawler already ran for this object in this execution.
 */
export function buildRegisterPartitions(deps: RegisterPartitionsDependencies) {
  return async function registerPartitions(
    events: readonly S3ObjectCreated[],
    previousRounds = 0,
  ): Promise<RegisterPartitionsResult> {
    const direct = new Map<string, PartitionToRegister>();
    const crawled = new Map<string, PartitionToRegister>();
    const projected = new Map<string, PartitionToRegister>();
    const objectKeys: string[] = [];
    const modes = new Set<'direct' | 'crawler'>();
    for (const event of events) {
      const { bucket, object } = event.detail;
      const parsed = parsePartitionedKey(object.key);
      if (parsed?.zone !== 'curated') continue;
      const eventType = eventTypeForTable(parsed.table);
      if (!eventType) throw new Error(`no event type maps to table "${parsed.table}" (object ${object.key})`);
      objectKeys.push(object.key);
      const policy = tablePolicyOf(deps.policies, parsed.table);
      const tableLocation = `s3://${bucket.name}/curated/${parsed.table}/`;
      const partition = { table: parsed.table, dt: parsed.dt, location: `${tableLocation}dt=${parsed.dt}/` };
      const id = `${parsed.table}/${parsed.dt}`;
      if (policy.registration === 'crawler') {
        modes.add('crawler');
        crawled.set(id, partition);
        continue;
      }
      modes.add('direct');
      await deps.catalog.ensureTable({
        name: parsed.table,
        location: tableLocation,
        columns: (deps.columnsOf ?? columnsOf)(eventType),
        partitionKeys: [PARTITION_COLUMN],
        onTypeChange: policy.onTypeChange,
        ...(policy.registration === 'projection'
          ? {
              parameters: partitionProjectionParameters({
                location: tableLocation,
                startDate: policy.projectionStartDate,
              }),
            }
          : {}),
      });
      (policy.registration === 'direct' ? direct : projected).set(id, partition);
    }

    const missing: PartitionToRegister[] = [];
    for (const partition of crawled.values()) {
      if (!(await deps.catalog.hasPartition(partition.table, partition.dt))) missing.push(partition);
    }
    if (missing.length > 0 && previousRounds >= MAX_CRAWLER_ROUNDS) {
      throw new CrawlerDidNotRegisterError(missing, previousRounds);
    }
    if (missing.length > 0 && !deps.crawlerName) {
      throw new Error(
        `tables ${missing.map((p) => p.table).join(', ')} are in crawler mode, but no crawler is configured`,
      );
    }
    const directList = [...direct.values()];
    const newPartitions = directList.length > 0 ? await deps.catalog.addPartitions(directList) : 0;
    return {
      registration: {
        database: deps.catalog.database,
        partitions: [...directList, ...projected.values(), ...crawled.values()],
        objectKeys,
        mode: modes.has('crawler') ? 'crawler' : 'direct',
        newPartitions: newPartitions + missing.length,
      },
      crawler: {
        name: deps.crawlerName ?? null,
        start: missing.length > 0,
        rounds: previousRounds + (missing.length > 0 ? 1 : 0),
      },
    };
  };
}
