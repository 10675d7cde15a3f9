import type { ColumnDefinition } from '../lake/columns';

export interface TableDefinition {
  readonly name: string;
  /** s3://bucket/curated/<table>/ (or a local path) */
  readonly location: string;
  readonly columns: readonly ColumnDefinition[];
  readonly partitionKeys: readonly ColumnDefinition[];
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
}
