import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eventTypeForTable } from '@sluice/contracts';
import { type CrawlerState, columnsOf, PARTITION_COLUMN, type PartitionToRegister, SluiceError } from '@sluice/core';
import type { DuckDbCatalog } from './duckdb-catalog';

/** StartCrawler on a crawler that is not READY; `name` is Glue's exception name, so Catch matches it. */
export class CrawlerRunningError extends SluiceError {
  override readonly name = 'CrawlerRunningException';
  constructor(crawler: string) {
    super('CRAWLER_RUNNING', `Crawler with name ${crawler} has already started`);
  }
}

/** A crawler name the local cloud does not have (Glue's EntityNotFoundException). */
export class CrawlerNotFoundError extends SluiceError {
  override readonly name = 'EntityNotFoundException';
  constructor(crawler: string) {
    super('CRAWLER_NOT_FOUND', `Crawler entry with name ${crawler} does not exist`);
  }
}

export interface LocalCrawlerOptions {
  /** The crawler's name, as the state machine addresses it (`sluice-<stage>-curated`). */
  readonly name: string;
  readonly catalog: DuckDbCatalog;
  /** Root of the local lake bucket: the crawler's target is `<lakeRoot>/curated/`. */
  readonly lakeRoot: string;
  /** The bucket name written into table and partition locations (`s3://<bucket>/curated/...`). */
  readonly bucket: string;
}

/** GetCrawler's answer, the fields the state machine reads. */
export interface LocalCrawlerDescription {
  readonly Name: string;
  readonly State: CrawlerState;
  readonly LastCrawl?: { readonly Status: 'SUCCEEDED' | 'FAILED'; readonly ErrorMessage?: string };
}

/**
 * The local stand-in for the Glue crawler over the curated zone, with Glue's states: StartCrawler moves
 * READY → RUNNING (and throws CrawlerRunningException otherwise); each GetCrawler then moves it one step,
 * RUNNING → STOPPING (the crawl happens here) → READY. Stepping on GetCrawler instead of a clock keeps
 * the simulation deterministic: the state machine's Wait/GetCrawler/Choice loop goes round exactly twice.
 *
 * The crawl itself: every `curated/<table>/dt=<date>/` folder that has Parquet files, for tables an event
 * type maps to, becomes a catalog table (contract columns; the SchemaChangePolicy UPDATE_IN_DATABASE of
 * the real crawler is the catalog's own add-new-columns policy) and a registered partition.
 *
 * @example
 * const crawler = new LocalCrawler({ name: 'sluice-dev-curated', catalog, lakeRoot, bucket: 'lake' });
 * await crawler.start('sluice-dev-curated');
 * await crawler.get('sluice-dev-curated'); // { State: 'STOPPING', … } — partitions registered
 */
export class LocalCrawler {
  #state: CrawlerState = 'READY';
  #lastCrawl: LocalCrawlerDescription['LastCrawl'];
  #crawls = 0;

  constructor(private readonly options: LocalCrawlerOptions) {}

  /** How many crawls ran (for tests and the status view). */
  get crawls(): number {
    return this.#crawls;
  }

  async start(name: string): Promise<void> {
    this.#assertName(name);
    if (this.#state !== 'READY') throw new CrawlerRunningError(name);
    this.#state = 'RUNNING';
  }

  async get(name: string): Promise<LocalCrawlerDescription> {
    this.#assertName(name);
    if (this.#state === 'RUNNING') {
      try {
        await this.crawl();
        this.#lastCrawl = { Status: 'SUCCEEDED' };
      } catch (error) {
        this.#lastCrawl = { Status: 'FAILED', ErrorMessage: error instanceof Error ? error.message : String(error) };
      }
      this.#state = 'STOPPING';
    } else if (this.#state === 'STOPPING') {
      this.#state = 'READY';
    }
    return { Name: name, State: this.#state, ...(this.#lastCrawl ? { LastCrawl: this.#lastCrawl } : {}) };
  }

  /** One crawl of the curated zone; returns how many partitions were new. */
  async crawl(): Promise<number> {
    this.#crawls++;
    const curated = join(this.options.lakeRoot, 'curated');
    const partitions: PartitionToRegister[] = [];
    for (const table of await subdirectories(curated)) {
      const eventType = eventTypeForTable(table);
      if (!eventType) continue;
      const location = `s3://${this.options.bucket}/curated/${table}/`;
      const dates = (await subdirectories(join(curated, table)))
        .map((folder) => /^dt=(\d{4}-\d{2}-\d{2})$/.exec(folder)?.[1])
        .filter((dt): dt is string => dt !== undefined);
      const withFiles: string[] = [];
      for (const dt of dates) if (await hasParquet(join(curated, table, `dt=${dt}`))) withFiles.push(dt);
      if (withFiles.length === 0) continue;
      await this.options.catalog.ensureTable({
        name: table,
        location,
        columns: columnsOf(eventType),
        partitionKeys: [PARTITION_COLUMN],
      });
      for (const dt of withFiles) partitions.push({ table, dt, location: `${location}dt=${dt}/` });
    }
    return partitions.length > 0 ? this.options.catalog.addPartitions(partitions) : 0;
  }

  #assertName(name: string): void {
    if (name !== this.options.name) throw new CrawlerNotFoundError(name);
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function hasParquet(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile() && entry.name.endsWith('.parquet'));
}
