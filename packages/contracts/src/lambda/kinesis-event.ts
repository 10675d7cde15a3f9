import { z } from 'zod';

/** One record of a Kinesis event-source-mapping invocation (data is base64). */
export const KinesisEventRecord = z.object({
  kinesis: z.object({
    kinesisSchemaVersion: z.string(),
    partitionKey: z.string(),
    sequenceNumber: z.string().regex(/^\d+$/),
    data: z.base64(),
    approximateArrivalTimestamp: z.number(),
  }),
  eventSource: z.literal('aws:kinesis'),
  eventVersion: z.string(),
  eventID: z.string(),
  eventName: z.literal('aws:kinesis:record'),
  invokeIdentityArn: z.string(),
  awsRegion: z.string(),
  eventSourceARN: z.string().startsWith('arn:aws:kinesis:'),
});
export type KinesisEventRecord = z.infer<typeof KinesisEventRecord>;

export const KinesisStreamEvent = z.object({ Records: z.array(KinesisEventRecord) });
export type KinesisStreamEvent = z.infer<typeof KinesisStreamEvent>;

/** The partial-batch response Lambda reads when ReportBatchItemFailures is on. */
export interface KinesisBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** The shard id inside a Kinesis record's eventID ("shardId-000000000000:4954..."). */
export function shardIdOf(record: KinesisEventRecord): string {
  return record.eventID.split(':')[0] ?? 'unknown-shard';
}
