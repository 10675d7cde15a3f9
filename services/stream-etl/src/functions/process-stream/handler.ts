import middy from '@middy/core';
import { type KinesisBatchResponse, KinesisStreamEvent, shardIdOf } from '@sluice/contracts';
import {
  buildProcessBatch,
  emfLine,
  errorMessage,
  type IncomingRecord,
  jsonLog,
  type Log,
  METRICS_NAMESPACE,
  type StreamBatchDependencies,
} from '@sluice/core';
import { streamEtlDependencies } from '../../composition';

function toIncomingRecord(record: KinesisStreamEvent['Records'][number]): IncomingRecord {
  return {
    shardId: shardIdOf(record),
    sequenceNumber: record.kinesis.sequenceNumber,
    partitionKey: record.kinesis.partitionKey,
    data: Buffer.from(record.kinesis.data, 'base64'),
    approximateArrivalTimestamp: record.kinesis.approximateArrivalTimestamp,
  };
}

/**
 * Kinesis micro-batch → lake. Invalid records are quarantined (a value, not a failure). If writing fails,
 * the batch is reported from its first record, so Lambda retries it whole; its deterministic object keys
 * make the retry overwrite rather than duplicate.
 */
export function createHandler(
  dependencies: () => Promise<StreamBatchDependencies>,
  log: Log = jsonLog,
  emit: (line: string) => void = console.log,
) {
  let processBatch: ReturnType<typeof buildProcessBatch> | undefined;
  return middy<unknown, KinesisBatchResponse>().handler(async (rawEvent) => {
    const event = KinesisStreamEvent.parse(rawEvent);
    const records = event.Records.map(toIncomingRecord);
    processBatch ??= buildProcessBatch(await dependencies());
    const started = Date.now();
    try {
      const summary = await processBatch(records);
      const { filesWritten, byReason: _byReason, masked, ...counts } = summary;
      log('info', 'batch processed', { ...counts, files: filesWritten.length, shardId: records[0]?.shardId });
      emit(
        emfLine(
          METRICS_NAMESPACE,
          { Service: 'stream-etl' },
          {
            RecordsIn: { value: summary.records, unit: 'Count' },
            RecordsValid: { value: summary.valid, unit: 'Count' },
            RecordsQuarantined: { value: summary.quarantined, unit: 'Count' },
            DuplicatesInBatch: { value: summary.duplicatesInBatch, unit: 'Count' },
            FilesWritten: { value: filesWritten.length, unit: 'Count' },
            BatchLatency: { value: Date.now() - started, unit: 'Milliseconds' },
            ...Object.fromEntries(
              Object.entries(masked).map(([entity, value]) => [`Masked_${entity}`, { value, unit: 'Count' as const }]),
            ),
          },
        ),
      );
      return { batchItemFailures: [] };
    } catch (error) {
      const first = records[0];
      log('error', 'batch failed; reported for retry', { error: errorMessage(error), shardId: first?.shardId });
      return { batchItemFailures: first ? [{ itemIdentifier: first.sequenceNumber }] : [] };
    }
  });
}

export const handler = createHandler(streamEtlDependencies);
