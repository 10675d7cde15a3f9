import middy from '@middy/core';
import { LoadWarehouseInput, type WarehouseLoadedDetail } from '@sluice/contracts';
import { buildLoadWarehouse, jsonLog, type Log, type Warehouse } from '@sluice/core';
import { warehouseDependencies } from '../../composition';

/** Step Functions task: curated objects → warehouse; returns the WarehouseLoaded detail. */
export function createHandler(dependencies: () => Promise<{ warehouse: Warehouse }>, log: Log = jsonLog) {
  let loadWarehouse: ReturnType<typeof buildLoadWarehouse> | undefined;
  return middy<unknown, WarehouseLoadedDetail>().handler(async (rawEvent) => {
    const input = LoadWarehouseInput.parse(rawEvent);
    loadWarehouse ??= buildLoadWarehouse(await dependencies());
    const detail = await loadWarehouse(input);
    const { objectKeys, ...counts } = detail;
    log('info', 'warehouse loaded', { ...counts, files: objectKeys.length });
    return detail;
  });
}

export const handler = createHandler(warehouseDependencies);
