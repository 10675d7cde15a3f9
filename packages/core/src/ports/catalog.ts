import type { ColumnDefinition } from '../lake/columns';

export interface TableDefinition {
  readonly name: string;
  /** s3://bucket/curated/<table>/ (or a local path) */
  readonly location: string;
  readonly columns: readonly ColumnDefinition[];
  readonly partitionKeys: readonly ColumnDefinition[];
  /**
   * What a column whose type changed does (see TablePolicy): `quarantine` (the default) refuses the change
   * with a SchemaChangeError; `version` adds `<name>_v2` with the new type and keeps the old column.
   */
  readonly onTypeChange?: 'quarantine' | 'version';
  /** Table parameters to set (partition projection); merged over the table's existing ones. */
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface PartitionToRegister {
  readonly table: string;
  readonly dt: string;
  readonly location: string;
}

/** The data catalog (Glue): tables with their columns, and their partitions. */
export interface DataCatalog {
  readonly database: string;
  /** Creates the table, or adds columns that are new (never drops or retypes: see the schema-change policy). */
  ensureTable(table: TableDefinition): Promise<void>;
  /** Registers partitions; ones that exist already are left as they are. Returns how many were new. */
  addPartitions(partitions: readonly PartitionToRegister[]): Promise<number>;
  listPartitions(table: string): Promise<string[]>;
  /** Whether the table has the partition `dt` (false when the table itself is not in the catalog). */
  hasPartition(table: string, dt: string): Promise<boolean>;
}

/** Glue crawler states (GetCrawler's Crawler.State), which the crawler-mode Choice waits on. */
export type CrawlerState = 'READY' | 'RUNNING' | 'STOPPING';
