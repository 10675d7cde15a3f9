import type { Column, StorageDescriptor, Table, TableInput } from '@aws-sdk/client-glue';
import { type ColumnDefinition, type ColumnType, type TableDefinition, versionedColumnName } from '@sluice/core';
import { SchemaChangeError } from '../errors';

/** Sluice column types → Glue (Hive) types, as Athena reads them from Parquet. */
export const GLUE_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'string',
  double: 'double',
  int: 'int',
  bigint: 'bigint',
  boolean: 'boolean',
  timestamp: 'timestamp',
};

export const PARQUET_INPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat';
export const PARQUET_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat';
export const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';

const toGlueColumn = (column: ColumnDefinition): Column => ({ Name: column.name, Type: GLUE_TYPES[column.type] });

/** The TableInput of CreateTable: an external Parquet table partitioned by its partition keys (`dt`). */
export function parquetTableInput(table: TableDefinition): TableInput {
  return {
    Name: table.name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', ...table.parameters },
    PartitionKeys: table.partitionKeys.map(toGlueColumn),
    StorageDescriptor: {
      Location: table.location,
      InputFormat: PARQUET_INPUT_FORMAT,
      OutputFormat: PARQUET_OUTPUT_FORMAT,
      SerdeInfo: { SerializationLibrary: PARQUET_SERDE, Parameters: { 'serialization.format': '1' } },
      Columns: table.columns.map(toGlueColumn),
    },
  };
}

/**
 * The schema-change policy: a contract column missing from the catalog is added (appended, so existing
 * columns keep their positions); a column the catalog has but the contract dropped stays; a column whose
 * type changed is refused with a {@link SchemaChangeError} (policy `quarantine`: Athena would misread the
 * older files), or, with policy `version`, gets a column `<name>_v2` of the new type next to the old one.
 * Returns the columns to add.
 */
export function columnsToAdd(existing: Table, wanted: TableDefinition): Column[] {
  const known = new Map<string, string>();
  for (const column of [...(existing.StorageDescriptor?.Columns ?? []), ...(existing.PartitionKeys ?? [])]) {
    if (column.Name !== undefined) known.set(column.Name.toLowerCase(), (column.Type ?? '').toLowerCase());
  }
  const additions: Column[] = [];
  for (const column of wanted.columns) {
    const catalogType = known.get(column.name.toLowerCase());
    const contractType = GLUE_TYPES[column.type];
    if (catalogType === undefined) additions.push(toGlueColumn(column));
    else if (catalogType !== contractType) {
      if (wanted.onTypeChange !== 'version') {
        throw new SchemaChangeError(wanted.name, column.name, catalogType, contractType);
      }
      const versioned = versionedColumnName(column.name);
      const versionedType = known.get(versioned);
      if (versionedType === undefined) additions.push(toGlueColumn({ ...column, name: versioned }));
      else if (versionedType !== contractType) {
        throw new SchemaChangeError(wanted.name, versioned, versionedType, contractType);
      }
    }
  }
  return additions;
}

/** Whether `wanted` sets a table parameter to a value the table does not have yet. */
export function parametersToSet(existing: Table, wanted: TableDefinition): boolean {
  return Object.entries(wanted.parameters ?? {}).some(([key, value]) => existing.Parameters?.[key] !== value);
}

/** The TableInput of UpdateTable: the table as it is (only the fields TableInput accepts) plus new columns. */
export function tableInputWithColumns(
  existing: Table,
  additions: readonly Column[],
  parameters: Readonly<Record<string, string>> = {},
): TableInput {
  const descriptor: StorageDescriptor = existing.StorageDescriptor ?? {};
  return {
    Name: existing.Name,
    Description: existing.Description,
    Owner: existing.Owner,
    Retention: existing.Retention,
    TableType: existing.TableType,
    Parameters: { ...existing.Parameters, ...parameters },
    PartitionKeys: existing.PartitionKeys,
    StorageDescriptor: { ...descriptor, Columns: [...(descriptor.Columns ?? []), ...additions] },
  };
}
