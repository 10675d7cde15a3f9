import middy from '@middy/core';
import { ScheduledEvent } from '@sluice/contracts';
import type { CompactedPartition } from '@sluice/core';
import { type CompactionDependencies, compactionDependencies } from '../../composition';

export interface CompactionResult {
  readonly partitions: number;
  readonly filesMerged: number;
  readonly duplicateRowsDropped: number;
  readonly compacted: CompactedPartition[];
}

/**
 * Daily: merges the per-batch files of closed partitions (older than the grace period) in the raw and
 * curated zones into one file per partition; Athena then opens one file instead of hundreds.
 */
export function createHandler(dependencies: () => Promise<CompactionDependencies>) {
  return middy<unknown, CompactionResult>().handler(async (rawEvent) => {
    const event = ScheduledEvent.parse(rawEvent);
    const { compactPartitions, settings } = await dependencies();
    const compacted = await compactPartitions({ ...settings, today: event.time.slice(0, 10) });
    return {
      partitions: compacted.length,
      filesMerged: compacted.reduce((sum, p) => sum + p.inputFiles, 0),
      duplicateRowsDropped: compacted.reduce((sum, p) => sum + p.duplicateRowsDropped, 0),
      compacted,
    };
  });
}

export const handler = createHandler(compactionDependencies);
