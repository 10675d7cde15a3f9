import type { KinesisEventRecord } from '@sluice/contracts';
import type { StoredRecord } from '../kinesis';

/** The event-source fields that are the same for every record of a mapping. */
export interface EventSourceIdentity {
  readonly shardId: string;
  readonly eventSourceARN: string;
  readonly awsRegion: string;
  readonly invokeIdentityArn: string;
}

/** A record read from the shard, with its event form and that form's size in the invocation payload. */
export interface BatchEntry {
  readonly record: StoredRecord;
  readonly eventRecord: KinesisEventRecord;
  readonly payloadBytes: number;
}

/** Bytes of `{"Records":[]}` around the records, which are separated by commas. */
const EVENT_ENVELOPE_BYTES = Buffer.byteLength('{"Records":[]}');

/**
 * The record as Lambda hands it to the function: data in base64, arrival in epoch seconds with a
 * fractional part, eventID `<shardId>:<sequenceNumber>`.
 */
export function toEventRecord(record: StoredRecord, source: EventSourceIdentity): KinesisEventRecord {
  const data = Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength);
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: record.partitionKey,
      sequenceNumber: record.sequenceNumber,
      data: data.toString('base64'),
      approximateArrivalTimestamp: record.approximateArrivalTimestamp / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${source.shardId}:${record.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: source.invokeIdentityArn,
    awsRegion: source.awsRegion,
    eventSourceARN: source.eventSourceARN,
  };
}

export function toBatchEntry(record: StoredRecord, source: EventSourceIdentity): BatchEntry {
  const eventRecord = toEventRecord(record, source);
  return { record, eventRecord, payloadBytes: Buffer.byteLength(JSON.stringify(eventRecord)) };
}

/**
 * The longest prefix of `entries` whose event stays within `maxPayloadBytes` (always at least one
 * entry), and whether the limit cut it short: a batch that cannot grow is invoked without waiting.
 */
export function fitPayload(
  entries: readonly BatchEntry[],
  maxPayloadBytes: number,
): { entries: BatchEntry[]; payloadFull: boolean } {
  let bytes = EVENT_ENVELOPE_BYTES;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as BatchEntry;
    bytes += entry.payloadBytes + (index > 0 ? 1 : 0);
    if (bytes > maxPayloadBytes && index > 0) return { entries: entries.slice(0, index), payloadFull: true };
  }
  return { entries: [...entries], payloadFull: false };
}

/**
 * A fresh event for one invocation. The records are copied so that a function mutating its event
 * cannot change what a retry delivers, just as every AWS invocation deserialises its own copy.
 */
export function toInvocationEvent(entries: readonly BatchEntry[]): { Records: KinesisEventRecord[] } {
  return {
    Records: entries.map(({ eventRecord }) => ({ ...eventRecord, kinesis: { ...eventRecord.kinesis } })),
  };
}
