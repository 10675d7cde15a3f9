import { eventTypeForTable, type PartitionsRegisteredDetail, type S3ObjectCreated } from '@sluice/contracts';
import { columnsOf, PARTITION_COLUMN } from '../lake/columns';
import { parsePartitionedKey } from '../lake/keys';
import type { DataCatalog, PartitionToRegister } from '../ports/catalog';

export interface RegisterPartitionsDependencies {
  readonly catalog: DataCatalog;
}

/**
 * Object Created in the curated zone → the object's table exists in the catalog with the contract's
 * columns, and its date partition is registered (so Athena sees it). Idempotent.
 */
export function buildRegisterPartitions(deps: RegisterPartitionsDependencies) {
  return async function registerPartitions(events: readonly S3ObjectCreated[]): Promise<PartitionsRegisteredDetail> {
    const partitions = new Map<string, PartitionToRegister>();
    const objectKeys: string[] = [];
    for (const event of events) {
      const { bucket, object } = event.detail;
      const parsed = parsePartitionedKey(object.key);
      if (parsed?.zone !== 'curated') continue;
      const eventType = eventTypeForTable(parsed.table);
      if (!eventType) throw new Error(`no event type maps to table "${parsed.table}" (object ${object.key})`);
      objectKeys.push(object.key);
      await deps.catalog.ensureTable({
        name: parsed.table,
        location: `s3://${bucket.name}/curated/${parsed.table}/`,
        columns: columnsOf(eventType),
        partitionKeys: [PARTITION_COLUMN],
      });
      partitions.set(`${parsed.table}/${parsed.dt}`, {
        table: parsed.table,
        dt: parsed.dt,
        location: `s3://${bucket.name}/curated/${parsed.table}/dt=${parsed.dt}/`,
      });
    }
    const list = [...partitions.values()];
    const newPartitions = list.length > 0 ? await deps.catalog.addPartitions(list) : 0;
    return { database: deps.catalog.database, partitions: list, objectKeys, mode: 'direct', newPartitions };
  };
}
