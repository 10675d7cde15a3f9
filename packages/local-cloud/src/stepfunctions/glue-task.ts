import { asJson } from './json';
import { isObject } from './state-walk';
import { runtimeFailure, serviceFailure } from './task-failure';
import type { GlueCrawlers, JsonValue } from './types';

const CRAWLER_ACTIONS = ['startCrawler', 'getCrawler'] as const;
export type CrawlerAction = (typeof CRAWLER_ACTIONS)[number];

export function isCrawlerAction(action: string | undefined): action is CrawlerAction {
  return CRAWLER_ACTIONS.includes(action as CrawlerAction);
}

/**
 * `arn:aws:states:::aws-sdk:glue:startCrawler` / `getCrawler` on the local crawlers: `{ Name }` in, the SDK's
 * response out (`{}` for StartCrawler, `{ Crawler: {...} }` for GetCrawler), a Glue exception out as `Glue.<name>`.
 *
 * @example
 * ```ts
 * await crawlerTask('getCrawler', { Name: 'sluice-dev-curated' }, glue); // { Crawler: { Name, State: 'RUNNING' } }
 * ```
 */
export async function crawlerTask(
  action: CrawlerAction,
  parameters: JsonValue,
  glue: GlueCrawlers | undefined,
): Promise<JsonValue> {
  if (glue === undefined) throw runtimeFailure(`aws-sdk:glue:${action}: the local cloud has no Glue crawlers wired`);
  if (!isObject(parameters) || typeof parameters.Name !== 'string') {
    throw runtimeFailure(`aws-sdk:glue:${action} needs Parameters.Name as a string`);
  }
  try {
    if (action === 'startCrawler') {
      await glue.startCrawler(parameters.Name);
      return {};
    }
    return { Crawler: asJson(await glue.getCrawler(parameters.Name)) };
  } catch (thrown) {
    throw serviceFailure('Glue', thrown);
  }
}
