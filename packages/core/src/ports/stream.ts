/** A record to append to the event stream. */
export interface StreamRecordToPut {
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

export type PutRecordOutcome =
  | { readonly ok: true; readonly shardId: string; readonly sequenceNumber: string }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/**
 * Appends records to the stream in one call. Outcomes come back in request order; a record can fail
 * alone (throttling, internal error) while the others succeed, exactly like Kinesis PutRecords.
 */
export type PutStreamRecords = (records: readonly StreamRecordToPut[]) => Promise<PutRecordOutcome[]>;
