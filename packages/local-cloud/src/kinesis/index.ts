/**
 * Sluice's durable local Kinesis: a file-backed stream store and an HTTP endpoint speaking the Kinesis
 * JSON 1.1 protocol over it. It replaces kinesalite, which keeps records in memory only, so that the
 * local cloud resumes after a crash with nothing acknowledged lost.
 *
 * On disk, under the store directory:
 * - `kinesis-streams.json`: `{ formatVersion: 1, streams: [{ name, shardCount, createdAt, logDirectory }] }`,
 *   replaced atomically (temporary file, fsync, rename);
 * - `streams/<name>-<createdAt>/shardId-000000000000.ndjson`: one append-only log per shard, a line per
 *   record: `{ sequenceNumber, partitionKey, data (base64), approximateArrivalTimestamp (epoch ms) }`;
 * - `kinesis.lock`: the pid of the process holding the directory.
 */
export {
  ExpiredIteratorError,
  InternalFailureError,
  InvalidArgumentError,
  KinesisApiError,
  KinesisStoreClosedError,
  KinesisStoreCorruptError,
  KinesisStoreLockedError,
  LimitExceededError,
  ProvisionedThroughputExceededError,
  ResourceInUseError,
  ResourceNotFoundError,
  SerializationError,
  UnknownOperationError,
  ValidationError,
} from './errors';
export { evenHashKeyRanges, partitionKeyHash } from './hash-keys';
export { type KinesisServer, type KinesisServerOptions, startKinesisServer } from './kinesis-endpoint';
export { SHARD_ITERATOR_TTL_MS } from './kinesis-operations';
export { KinesisStore, LOCAL_ACCOUNT_ID, LOCAL_REGION, streamArn } from './kinesis-store';
export { KINESIS_LIMITS } from './limits';
export { SEQUENCE_NUMBER_LENGTH } from './sequence-numbers';
export type {
  FailureInjector,
  GetRecordsResult,
  KinesisStoreOptions,
  PinnedShardPosition,
  PutRecordErrorCode,
  PutRecordsEntry,
  PutRecordsResultEntry,
  RecordsAppendedEvent,
  RecordsAppendedListener,
  RecoveredLog,
  ShardDescription,
  ShardPosition,
  StoredRecord,
  StreamDescription,
} from './store-types';
