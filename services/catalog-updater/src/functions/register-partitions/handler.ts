import middy from '@middy/core';
import { type PartitionsRegisteredDetail, S3ObjectCreated } from '@sluice/contracts';
import { buildRegisterPartitions, type DataCatalog, jsonLog, type Log } from '@sluice/core';
import { catalogDependencies } from '../../composition';

/**
 * Step Functions task: the state input is the S3 "Object Created" event; the result (the
 * PartitionsRegistered detail) is what the state machine publishes.
 */
export function createHandler(dependencies: () => Promise<{ catalog: DataCatalog }>, log: Log = jsonLog) {
  return middy<unknown, PartitionsRegisteredDetail>().handler(async (rawEvent) => {
    const event = S3ObjectCreated.parse(rawEvent);
    const registerPartitions = buildRegisterPartitions(await dependencies());
    const detail = await registerPartitions([event]);
    log('info', 'partitions registered', { partitions: detail.partitions.length, newPartitions: detail.newPartitions });
    return detail;
  });
}

export const handler = createHandler(catalogDependencies);
