import { LocalCrawler, localDataPaths, openLocalCatalog } from '@sluice/adapters-local';
import type { GlueCrawlers } from './types';

/**
 * The local cloud's Glue crawlers for crawler-mode tables: one simulated crawler (RUNNING → STOPPING →
 * READY, see LocalCrawler) per name the state machine asks for, over the local lake bucket and the same
 * catalog file the registerPartitions function writes. The catalog opens on the first crawler call, so a
 * run with every table in direct mode never opens it here.
 *
 * @example
 * ```ts
 * new LocalStateMachines({ invokeFunction, putEvents, sendMessage, glue: localGlueCrawlers(dataDir, bucket) });
 * ```
 */
export function localGlueCrawlers(dataDir: string, bucket: string): GlueCrawlers {
  const crawlers = new Map<string, Promise<LocalCrawler>>();
  const crawler = (name: string) => {
    let found = crawlers.get(name);
    if (!found) {
      found = openLocalCatalog(dataDir, 'sluice_local').then(
        (catalog) =>
          new LocalCrawler({ name, catalog, lakeRoot: localDataPaths(dataDir).lakeBucketRoot(bucket), bucket }),
      );
      crawlers.set(name, found);
    }
    return found;
  };
  return {
    startCrawler: async (name) => (await crawler(name)).start(name),
    getCrawler: async (name) => (await crawler(name)).get(name),
  };
}
