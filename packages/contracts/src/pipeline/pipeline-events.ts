import { z } from 'zod';
import { eventBridgeEvent, PIPELINE_SOURCES } from './eventbridge-envelope';

const partition = z.object({
  table: z.string().min(1),
  dt: z.iso.date(),
  location: z.string().min(1),
});

export const PartitionsRegisteredDetail = z.object({
  database: z.string().min(1),
  partitions: z.array(partition),
  /** Lake objects whose arrival triggered the registration. */
  objectKeys: z.array(z.string().min(1)),
  mode: z.enum(['direct', 'crawler']),
  /** Partitions that were not in the catalog before (0 when a retried or duplicate event arrives). */
  newPartitions: z.int().nonnegative(),
});
export type PartitionsRegisteredDetail = z.infer<typeof PartitionsRegisteredDetail>;
export const PartitionsRegistered = eventBridgeEvent(
  PIPELINE_SOURCES.catalogUpdater,
  'PartitionsRegistered',
  PartitionsRegisteredDetail,
);

export const WarehouseLoadedDetail = z.object({
  objectKeys: z.array(z.string().min(1)),
  tables: z.array(z.string().min(1)),
  rowsInserted: z.int().nonnegative(),
  /** Rows already present (same eventId): a re-delivered file changes nothing. */
  rowsSkipped: z.int().nonnegative(),
  /** Files already in the load ledger, skipped whole. */
  filesSkipped: z.int().nonnegative(),
  refreshedViews: z.array(z.string()),
});
export type WarehouseLoadedDetail = z.infer<typeof WarehouseLoadedDetail>;
export const WarehouseLoaded = eventBridgeEvent(
  PIPELINE_SOURCES.warehouseLoader,
  'WarehouseLoaded',
  WarehouseLoadedDetail,
);

export const QUARANTINE_REASONS = [
  'MALFORMED_JSON',
  'SCHEMA_VIOLATION',
  'UNKNOWN_EVENT_TYPE',
  'OVERSIZED_RECORD',
  'UNSUPPORTED_SCHEMA_VERSION',
  // A valid-looking record that made a processing stage throw (a poison record), after it was retried alone.
  'PROCESSING_ERROR',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const RecordsQuarantinedDetail = z.object({
  objectKey: z.string().min(1),
  count: z.int().positive(),
  byReason: z.partialRecord(z.enum(QUARANTINE_REASONS), z.int().nonnegative()),
  shardId: z.string().min(1),
});
export type RecordsQuarantinedDetail = z.infer<typeof RecordsQuarantinedDetail>;
export const RecordsQuarantined = eventBridgeEvent(
  PIPELINE_SOURCES.streamEtl,
  'RecordsQuarantined',
  RecordsQuarantinedDetail,
);
