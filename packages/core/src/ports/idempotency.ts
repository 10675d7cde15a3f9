/**
 * Which events were already processed, across batches and retries (DynamoDB on AWS, a file locally). Each
 * eventId is recorded with the batch that first wrote it, so a retry of that same batch is recognised as
 * itself (and overwrites its own objects) rather than dropped as a duplicate.
 */
export interface IdempotencyStore {
  /** For each of `eventIds` already recorded and not expired: the batch key that recorded it. */
  findRecorded(eventIds: readonly string[]): Promise<Map<string, string>>;
  /** Records `eventIds` as written by `batchKey`. Re-recording the same pair changes nothing. */
  record(eventIds: readonly string[], batchKey: string): Promise<void>;
}
