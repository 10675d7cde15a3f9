import { createHash } from 'node:crypto';
import type { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import {
  ConfigurationError,
  type FactTable,
  type FileToLoad,
  factTables,
  type LoadOutcome,
  MATERIALIZED_VIEWS,
  type ObjectStore,
  type TablePolicies,
  type Warehouse,
} from '@sluice/core';
import { chunksOf } from '../internal/poll';
import { assertSingleSelect } from '../internal/read-only-sql';
import { contractSyncStatements } from './contract-sync';
import { buildStatementRunner, type StatementRunnerOptions } from './statement-runner';
import {
  CREATE_SCHEMA_MIGRATIONS,
  LOAD_COUNTS_STATEMENT,
  loadStatements,
  recordMigration,
  refreshView,
  SELECT_APPLIED_VERSIONS,
  selectFactColumns,
  selectLoadedKeys,
  warehouseMigrations,
} from './warehouse-sql';

/** Keys per ledger lookup, to keep each statement far below the Data API's SQL size limit. */
const KEYS_PER_LEDGER_LOOKUP = 200;

/** BatchExecuteStatement runs at most 40 statements. */
const MAX_STATEMENTS_PER_BATCH = 40;

export interface RedshiftDataWarehouseOptions extends StatementRunnerOptions {
  /** Role COPY reads the lake with; omitted, the namespace's default IAM role (`IAM_ROLE default`). */
  readonly iamRoleArn?: string;
  /** The lake: COPY manifests are written here, and file sizes read from it. */
  readonly lake: ObjectStore;
  /** The lake's bucket, as COPY addresses it (`s3://<bucket>/…`); must be `lake.bucket`. */
  readonly bucket: string;
  /** Per-table schema-change policy (onTypeChange); tables not listed quarantine type changes. */
  readonly policies?: TablePolicies;
}

export interface CopyManifest {
  readonly key: string;
  readonly body: string;
}

/**
 * The COPY manifest of a set of lake objects. Parquet manifests need each file's `content_length`. The
 * key is a hash of the sorted object keys, so a retried load rewrites the same manifest.
 */
export async function buildCopyManifest(lake: ObjectStore, bucket: string, objectKeys: readonly string[]) {
  const keys = [...objectKeys].sort();
  const entries = await Promise.all(
    keys.map(async (key) => {
      const object = await lake.head(key);
      if (!object) throw new Error(`cannot load s3://${bucket}/${key} into the warehouse: it is not in the lake`);
      return { url: `s3://${bucket}/${key}`, mandatory: true, meta: { content_length: object.size } };
    }),
  );
  const hash = createHash('sha256').update(keys.join('\n')).digest('hex');
  return { key: `manifests/${hash}.json`, body: JSON.stringify({ entries }) } satisfies CopyManifest;
}

/**
 * The warehouse port over Redshift Serverless through the Redshift Data API: versioned migrations plus a
 * contract sync, idempotent loads (a load ledger of files, MERGE by event_id) from curated Parquet via COPY,
 * view refreshes, and read-only queries.
 *
 * @example
 * const warehouse = buildRedshiftDataWarehouse(clients.redshiftData, {
 *   workgroupName: 'sluice', database: 'dev', lake, bucket: lake.bucket,
 * });
 * await warehouse.migrate();
 */
export function buildRedshiftDataWarehouse(
  client: RedshiftDataClient,
  options: RedshiftDataWarehouseOptions,
): Warehouse {
  if (options.lake.bucket !== options.bucket) {
    throw new ConfigurationError([
      `warehouse bucket "${options.bucket}" is not the lake's bucket "${options.lake.bucket}": COPY would read manifests from the wrong place`,
    ]);
  }
  const runner = buildStatementRunner(client, options);
  const facts = new Map(factTables().map((fact) => [fact.table, fact]));
  // Set by migrate() (run before the first load): where versioned retyped columns load.
  let targets = new Map<string, Map<string, string>>();

  async function loadedKeys(keys: readonly string[]): Promise<Set<string>> {
    const loaded = new Set<string>();
    for (const chunk of chunksOf(keys, KEYS_PER_LEDGER_LOOKUP)) {
      for (const row of await runner.execute(selectLoadedKeys(chunk))) loaded.add(String(row.object_key));
    }
    return loaded;
  }

  async function loadTable(fact: FactTable, objectKeys: readonly string[]) {
    const manifest = await buildCopyManifest(options.lake, options.bucket, objectKeys);
    await options.lake.put(manifest.key, new TextEncoder().encode(manifest.body), 'application/json');
    const results = await runner.executeBatch(
      loadStatements({
        fact,
        manifestUrl: `s3://${options.bucket}/${manifest.key}`,
        iamRoleArn: options.iamRoleArn,
        objectKeys,
        targetOf: (column) => targets.get(fact.table)?.get(column) ?? column,
      }),
    );
    const counts = results[LOAD_COUNTS_STATEMENT]?.[0];
    const staged = Number(counts?.staged_rows ?? Number.NaN);
    const inserted = Number(counts?.new_rows ?? Number.NaN);
    if (!Number.isFinite(staged) || !Number.isFinite(inserted)) {
      throw new Error(`the load of ${fact.table} returned no row counts`);
    }
    return { rowsInserted: inserted, rowsSkipped: staged - inserted };
  }

  return {
    async migrate() {
      // Two containers migrating at once both see a version as pending; the second one's CREATE fails and
      // rolls back whole, and its next attempt finds the version applied.
      const [, appliedRows = []] = await runner.executeBatch([CREATE_SCHEMA_MIGRATIONS, SELECT_APPLIED_VERSIONS]);
      const applied = new Set(appliedRows.map((row) => Number(row.version)));
      const pending = warehouseMigrations()
        .filter((migration) => !applied.has(migration.version))
        .sort((a, b) => a.version - b.version);
      if (pending.length > 0) {
        await runner.executeBatch(pending.flatMap((m) => [...m.statements, recordMigration(m.version)]));
      }
      const existing = await runner.execute(selectFactColumns([...facts.keys()]));
      // Each chunk is a transaction of its own; the step is repeatable, so a failed chunk is redone next time.
      const sync = contractSyncStatements([...facts.values()], existing, options.policies);
      for (const chunk of chunksOf(sync.statements, MAX_STATEMENTS_PER_BATCH)) await runner.executeBatch(chunk);
      targets = sync.targets;
    },

    async loadFiles(files: readonly FileToLoad[]): Promise<LoadOutcome> {
      const factOf = new Map<string, FactTable>();
      for (const file of files) {
        const fact = facts.get(file.table);
        if (!fact) throw new Error(`no warehouse fact table "${file.table}" (object ${file.objectKey})`);
        factOf.set(file.objectKey, fact);
      }
      // A key listed twice is loaded once; the repeat counts as skipped, like a key already in the ledger.
      const repeats = files.length - factOf.size;
      const outcome = { rowsInserted: 0, rowsSkipped: 0, filesSkipped: repeats };
      if (factOf.size === 0) return outcome;

      const loaded = await loadedKeys([...factOf.keys()]);
      outcome.filesSkipped += loaded.size;
      const keysByFact = new Map<FactTable, string[]>();
      for (const [key, fact] of factOf) {
        if (!loaded.has(key)) keysByFact.set(fact, [...(keysByFact.get(fact) ?? []), key]);
      }
      const byName = [...keysByFact].sort(([a], [b]) => a.table.localeCompare(b.table));
      for (const [fact, keys] of byName) {
        const counts = await loadTable(fact, keys);
        outcome.rowsInserted += counts.rowsInserted;
        outcome.rowsSkipped += counts.rowsSkipped;
      }
      return outcome;
    },

    async refreshViews() {
      // REFRESH MATERIALIZED VIEW runs as a transaction of its own, so each is a statement of its own too.
      for (const view of MATERIALIZED_VIEWS) await runner.execute(refreshView(view.name));
      return MATERIALIZED_VIEWS.map((view) => view.name);
    },

    async query(sql) {
      assertSingleSelect(sql);
      return runner.execute(sql);
    },
  };
}
