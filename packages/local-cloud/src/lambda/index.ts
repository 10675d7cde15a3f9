/**
 * The local Lambda event-source mapping for Kinesis: it polls the local KinesisStore shard by shard and
 * invokes a function with real Kinesis event shapes, honouring batch size, batching window, bisection,
 * retries, record age, on-failure records and ReportBatchItemFailures, with checkpoints on disk
 * (`<checkpointDir>/<shardId>.json`) so a restart resumes where it stopped.
 */
export { type BatchOutcome, readBatchResponse } from './batch-response';
export {
  CheckpointCorruptError,
  CheckpointDirectoryInUseError,
  EventSourceMappingError,
  FunctionTimeoutError,
  InvalidEventSourceMappingError,
  MappingStateError,
  MappingStoppedError,
} from './errors';
export { toEventRecord } from './event-records';
export { KinesisEventSourceMapping } from './kinesis-event-source-mapping';
export { MAPPING_LIMITS } from './mapping-options';
export type {
  EventSourceMappingStats,
  InvokeFunction,
  KinesisEventSourceMappingOptions,
  MappingCounters,
  OnFailureCondition,
  OnFailureDestination,
  OnFailureRecord,
  ShardMappingStats,
  ShardPollerState,
} from './types';
