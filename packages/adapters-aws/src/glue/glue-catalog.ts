import {
  BatchCreatePartitionCommand,
  CreateTableCommand,
  GetPartitionCommand,
  GetPartitionsCommand,
  GetTableCommand,
  type GlueClient,
  type Table,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import {
  type DataCatalog,
  type PartitionToRegister,
  type TableDefinition,
  usesPartitionProjection,
} from '@sluice/core';
import { CatalogError } from '../errors';
import { awsErrorName, chunksOf } from '../internal/poll';
import { columnsToAdd, parametersToSet, parquetTableInput, tableInputWithColumns } from './table-input';

/** BatchCreatePartition takes at most 100 partitions per call. */
const MAX_PARTITIONS_PER_CALL = 100;

export interface GlueCatalogOptions {
  readonly database: string;
}

/**
 * The data catalog port over the Glue Data Catalog. Tables are external Parquet tables partitioned by
 * `dt`; partitions are registered directly with BatchCreatePartition, so Athena sees a new date as soon as
 * its first file lands. A table in partition-projection mode (`projection.enabled`) registers none: Athena
 * computes its partitions. Crawler-mode tables are the state machine's business (StartCrawler/GetCrawler).
 *
 * @example
 * const catalog = buildGlueCatalog(clients.glue, { database: 'sluice' });
 * await catalog.ensureTable({ name: 'attendee_registered', location, columns, partitionKeys: [PARTITION_COLUMN] });
 */
export function buildGlueCatalog(client: GlueClient, options: GlueCatalogOptions): DataCatalog {
  const { database } = options;

  async function getTable(name: string): Promise<Table | undefined> {
    try {
      const response = await client.send(new GetTableCommand({ DatabaseName: database, Name: name }));
      return response.Table;
    } catch (error) {
      if (awsErrorName(error) === 'EntityNotFoundException') return undefined;
      throw error;
    }
  }

  async function ensureTable(table: TableDefinition, createAttempted = false): Promise<void> {
    const existing = await getTable(table.name);
    if (!existing) {
      try {
        await client.send(new CreateTableCommand({ DatabaseName: database, TableInput: parquetTableInput(table) }));
        return;
      } catch (error) {
        // Another invocation created it between our GetTable and CreateTable: evolve that one instead.
        if (awsErrorName(error) === 'AlreadyExistsException' && !createAttempted) return ensureTable(table, true);
        throw error;
      }
    }
    const additions = columnsToAdd(existing, table);
    if (additions.length === 0 && !parametersToSet(existing, table)) return;
    await client.send(
      new UpdateTableCommand({
        DatabaseName: database,
        TableInput: tableInputWithColumns(existing, additions, table.parameters),
        // Optimistic concurrency: a table changed since our GetTable fails the update instead of being overwritten.
        VersionId: existing.VersionId,
      }),
    );
  }

  async function addTablePartitions(tableName: string, partitions: readonly PartitionToRegister[]): Promise<number> {
    const table = await getTable(tableName);
    if (!table?.StorageDescriptor) {
      throw new CatalogError(`cannot register partitions of ${database}.${tableName}: the table is not in the catalog`);
    }
    // Athena computes a projected table's partitions from its properties; registered ones would be ignored.
    if (usesPartitionProjection(table.Parameters)) return 0;
    const descriptor = table.StorageDescriptor;
    let created = 0;
    for (const chunk of chunksOf(partitions, MAX_PARTITIONS_PER_CALL)) {
      const response = await client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: database,
          TableName: tableName,
          PartitionInputList: chunk.map((partition) => ({
            Values: [partition.dt],
            StorageDescriptor: { ...descriptor, Location: partition.location },
          })),
        }),
      );
      const errors = response.Errors ?? [];
      const failures = errors.filter((e) => e.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
      if (failures.length > 0) {
        const listed = failures
          .map(
            (e) => `dt=${e.PartitionValues?.join('/')}: ${e.ErrorDetail?.ErrorCode} (${e.ErrorDetail?.ErrorMessage})`,
          )
          .join('; ');
        throw new CatalogError(`BatchCreatePartition on ${database}.${tableName} failed for ${listed}`);
      }
      created += chunk.length - errors.length;
    }
    return created;
  }

  return {
    database,

    ensureTable: (table) => ensureTable(table),

    async addPartitions(partitions) {
      const byTable = new Map<string, Map<string, PartitionToRegister>>();
      for (const partition of partitions) {
        const forTable = byTable.get(partition.table) ?? new Map<string, PartitionToRegister>();
        forTable.set(partition.dt, partition);
        byTable.set(partition.table, forTable);
      }
      let created = 0;
      for (const [table, forTable] of byTable) created += await addTablePartitions(table, [...forTable.values()]);
      return created;
    },

    async hasPartition(table, dt) {
      try {
        await client.send(new GetPartitionCommand({ DatabaseName: database, TableName: table, PartitionValues: [dt] }));
        return true;
      } catch (error) {
        if (awsErrorName(error) === 'EntityNotFoundException') return false;
        throw error;
      }
    },

    /** The `dt` values of a table's partitions, sorted; none for a table not (yet) in the catalog. */
    async listPartitions(table) {
      const values: string[] = [];
      let nextToken: string | undefined;
      try {
        do {
          const page = await client.send(
            new GetPartitionsCommand({ DatabaseName: database, TableName: table, NextToken: nextToken }),
          );
          for (const partition of page.Partitions ?? []) {
            const [dt] = partition.Values ?? [];
            if (dt !== undefined) values.push(dt);
          }
          nextToken = page.NextToken;
        } while (nextToken);
      } catch (error) {
        if (awsErrorName(error) === 'EntityNotFoundException') return [];
        throw error;
      }
      return values.sort();
    },
  };
}
