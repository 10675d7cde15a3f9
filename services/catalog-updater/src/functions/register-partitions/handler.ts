import middy from '@middy/core';
import { S3ObjectCreated } from '@sluice/contracts';
import {
  buildRegisterPartitions,
  crawlerRoundsOf,
  jsonLog,
  type Log,
  type RegisterPartitionsDependencies,
  type RegisterPartitionsResult,
} from '@sluice/core';
import { catalogDependencies } from '../../composition';

/**
 * Step Functions task: the state input is the S3 "Object Created" event; the result holds the
 * PartitionsRegistered detail the state machine publishes and whether it must run the crawler first.
 */
export function createHandler(dependencies: () => Promise<RegisterPartitionsDependencies>, log: Log = jsonLog) {
  return middy<unknown, RegisterPartitionsResult>().handler(async (rawEvent) => {
    const event = S3ObjectCreated.parse(rawEvent);
    const registerPartitions = buildRegisterPartitions(await dependencies());
    const result = await registerPartitions([event], crawlerRoundsOf(rawEvent));
    const { registration, crawler } = result;
    log('info', 'partitions registered', {
      mode: registration.mode,
      partitions: registration.partitions.length,
      newPartitions: registration.newPartitions,
      startCrawler: crawler.start,
    });
    return result;
  });
}

export const handler = createHandler(catalogDependencies);
