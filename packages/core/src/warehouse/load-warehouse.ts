import type { LoadWarehouseInput, WarehouseLoadedDetail } from '@sluice/contracts';
import { parsePartitionedKey } from '../lake/keys';
import type { FileToLoad, Warehouse } from '../ports/warehouse';

export interface LoadWarehouseDependencies {
  readonly warehouse: Warehouse;
}

/**
 * Curated files → warehouse facts (idempotent by file ledger and by eventId) → materialized views
 * refreshed. The caller (the catalog state machine) publishes `WarehouseLoaded` with the returned detail.
 * Migrations run once per container before the first load.
 */
export function buildLoadWarehouse(deps: LoadWarehouseDependencies) {
  let migrated: Promise<void> | undefined;
  return async function loadWarehouse(input: LoadWarehouseInput): Promise<WarehouseLoadedDetail> {
    migrated ??= deps.warehouse.migrate().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    await migrated;
    const files: FileToLoad[] = [];
    for (const objectKey of input.objectKeys) {
      const parsed = parsePartitionedKey(objectKey);
      if (parsed?.zone !== 'curated') {
        throw new Error(`only curated objects are loaded into the warehouse; got "${objectKey}"`);
      }
      files.push({ table: parsed.table, objectKey });
    }
    const outcome = await deps.warehouse.loadFiles(files);
    const refreshedViews = await deps.warehouse.refreshViews();
    return {
      objectKeys: [...input.objectKeys],
      tables: [...new Set(files.map((f) => f.table))],
      ...outcome,
      refreshedViews,
    };
  };
}
