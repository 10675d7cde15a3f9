import { readdir } from 'node:fs/promises';
import type { ColumnDefinition, LakeQueryEngine, QueryResult } from '@sluice/core';
import type { CatalogSnapshot, CatalogTable } from '../catalog';
import {
  DUCKDB_TYPE_OF,
  DuckDbDatabase,
  inTransaction,
  localPathOfLocation,
  quoteIdentifier,
  quoteLiteral,
  quoteStringList,
  ReadOnlyQueryError,
} from '../duckdb';

/** Where the engine reads table definitions and registered partitions from (DuckDbCatalog is one). */
export interface CatalogSnapshotSource {
  snapshot(): Promise<CatalogSnapshot>;
}

export interface DuckDbLakeQueryEngineOptions {
  readonly catalog: CatalogSnapshotSource;
  /** Root of the local lake: `s3://<bucket>/<prefix>` locations map to `<lakeRoot>/<prefix>`. */
  readonly lakeRoot: string;
  /**
   * Set for engines that run untrusted SQL (the reporting service's ad-hoc SQL): the only directories
   * DuckDB may read (the curated zone, say). The engine then turns off every other file, extension and
   * ATTACH access (`enable_external_access = false`) and locks the configuration, so no statement can
   * turn it back on.
   */
  readonly readableDirectories?: readonly string[];
}

/** What one table's view reads: its definition and the Parquet globs of its non-empty registered partitions. */
interface ViewPlan {
  readonly table: CatalogTable;
  readonly globs: readonly string[];
}

async function hasParquetFiles(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile() && entry.name.endsWith('.parquet'));
}

async function planOf(table: CatalogTable, lakeRoot: string): Promise<ViewPlan> {
  const globs: string[] = [];
  for (const partition of table.partitions) {
    const dir = localPathOfLocation(lakeRoot, partition.location);
    // read_parquet fails on a glob that matches nothing; Athena reads an empty partition as no rows.
    if (await hasParquetFiles(dir)) globs.push(`${dir}/*.parquet`);
  }
  return { table, globs };
}

function typedNull(column: ColumnDefinition): string {
  return `CAST(NULL AS ${DUCKDB_TYPE_OF[column.type]}) AS ${quoteIdentifier(column.name)}`;
}

/**
 * The view of one catalog table: exactly the catalog's columns then its partition keys, over the files of
 * its registered partitions only. The typed empty SELECT in front gives the view its columns and types
 * when no partition has files yet, and NULLs for a catalog column that no file has yet (UNION BY NAME).
 */
export function viewSql({ table, globs }: ViewPlan): string {
  const columns = [...table.columns, ...table.partitionKeys];
  const empty = `SELECT ${columns.map(typedNull).join(', ')} WHERE false`;
  const hiveTypes = table.partitionKeys
    .map((key) => `${quoteLiteral(key.name)}: ${DUCKDB_TYPE_OF[key.type]}`)
    .join(', ');
  const files =
    globs.length === 0
      ? ''
      : ` UNION ALL BY NAME SELECT * FROM read_parquet(${quoteStringList(globs)}, hive_partitioning = true, ` +
        `union_by_name = true${hiveTypes ? `, hive_types = {${hiveTypes}}` : ''})`;
  const projection = columns.map((column) => quoteIdentifier(column.name)).join(', ');
  return `CREATE OR REPLACE VIEW ${quoteIdentifier(table.name)} AS SELECT ${projection} FROM (${empty}${files})`;
}

/**
 * SQL over the lake through the catalog: the local stand-in for Athena. An in-memory DuckDB holds one
 * view per catalog table, named like the table, over the Parquet files of its registered partitions; a
 * file in a partition the catalog does not know is not visible, as with Glue + Athena. Before each query
 * the engine compares the catalog (tables, columns, partitions) and which partitions have files with what
 * the views were built from, and rebuilds them in one transaction if anything changed.
 *
 * Queries must be exactly one SELECT. Without `readableDirectories` a SELECT can still call DuckDB's file
 * readers (read_csv, read_parquet, glob) on any path the process can read: open it with
 * `readableDirectories` before it faces untrusted users.
 *
 * @example
 * const lake = await DuckDbLakeQueryEngine.open({ catalog, lakeRoot: 'data/lake' });
 * const { columns, rows } = await lake.query('SELECT country, count(*) AS attendees FROM attendee_registered GROUP BY 1');
 */
export class DuckDbLakeQueryEngine implements LakeQueryEngine {
  private builtFrom: string | undefined;

  private constructor(
    private readonly db: DuckDbDatabase,
    private readonly catalog: CatalogSnapshotSource,
    private readonly lakeRoot: string,
  ) {}

  static async open(options: DuckDbLakeQueryEngineOptions): Promise<DuckDbLakeQueryEngine> {
    const db = await DuckDbDatabase.open(':memory:');
    if (options.readableDirectories) {
      const directories = options.readableDirectories.map((dir) => (dir.endsWith('/') ? dir : `${dir}/`));
      await db.write(async (session) => {
        await session.run(`SET allowed_directories = [${directories.map(quoteLiteral).join(', ')}]`);
        await session.run('SET enable_external_access = false');
        await session.run('SET lock_configuration = true');
      });
    }
    return new DuckDbLakeQueryEngine(db, options.catalog, options.lakeRoot);
  }

  async query(sql: string): Promise<QueryResult> {
    await this.assertSelectOnly(sql);
    await this.refreshViews();
    return this.db.readOnlyQuery(sql);
  }

  /**
   * Refuses anything but SELECT from the parse tree alone, before binding: a DELETE on a view would
   * otherwise fail with a binder error instead of the ReadOnlyQueryError Athena's adapter gives.
   */
  private async assertSelectOnly(sql: string): Promise<void> {
    const [parsed] = await this.db.all('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
    const tree = JSON.parse(String(parsed?.tree ?? '{}')) as { error?: boolean; error_message?: string };
    if (tree.error && /Only SELECT/i.test(tree.error_message ?? '')) {
      throw new ReadOnlyQueryError('only read-only (SELECT) statements are allowed on the lake');
    }
  }

  /**
   * Brings the views in line with the catalog and the lake (done before every query). Returns the names of
   * the views it rebuilt: all of them when anything changed, none otherwise.
   */
  async refreshViews(): Promise<string[]> {
    return this.db.write(async (session) => {
      const snapshot = await this.catalog.snapshot();
      const plans = await Promise.all(snapshot.tables.map((table) => planOf(table, this.lakeRoot)));
      const signature = JSON.stringify(plans);
      if (signature === this.builtFrom) return [];
      const names = new Set(plans.map((plan) => plan.table.name));
      await inTransaction(session, async () => {
        const existing = await session.all(
          "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'",
        );
        for (const row of existing) {
          const name = String(row.view_name);
          if (!names.has(name)) await session.run(`DROP VIEW ${quoteIdentifier(name)}`);
        }
        for (const plan of plans) await session.run(viewSql(plan));
      });
      this.builtFrom = signature;
      return [...names];
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
