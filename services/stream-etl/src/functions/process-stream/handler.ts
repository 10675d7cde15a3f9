import middy from '@middy/core';
import { type KinesisBatchResponse, KinesisStreamEvent, shardIdOf } from '@sluice/contracts';
import {
  type BatchSummary,
  buildProcessBatch,
  errorMessage,
  type IncomingRecord,
  jsonLog,
  type Log,
  privateLog,
  type StreamBatchDependencies,
} from '@sluice/core';
import { buildStreamEtlDependencies } from '../../composition';
import { batchMetricLines } from './batch-metrics';
import { enrichmentSqlFiles } from './enrichment-sql-files';

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
 * Kinesis micro-batch → lake. Invalid records are quarantined (a value, not a failure). A poison record
 * cuts the batch: what precedes it is written and it is reported as the batch item failure, so Lambda
 * checkpoints just before it and retries from it (then quarantines it, as the first record). If writing
 * fails, the batch is reported from its first record, so Lambda retries it whole; its deterministic
 * object keys make the retry overwrite rather than duplicate.
 */
export function createHandler(
  dependencies: () => Promise<StreamBatchDependencies>,
  log: Log = privateLog(jsonLog),
  emit: (line: string) => void = console.log,
) {
  let processBatch: ReturnType<typeof buildProcessBatch> | undefined;
  return middy<unknown, KinesisBatchResponse>().handler(async (rawEvent) => {
    const event = KinesisStreamEvent.parse(rawEvent);
    const records = event.Records.map(toIncomingRecord);
    const started = Date.now();
    const first = records[0];
    let summary: BatchSummary;
    try {
      processBatch ??= buildProcessBatch(await dependencies());
      summary = await processBatch(records);
    } catch (error) {
      log('error', 'batch failed; reported for retry', { error: errorMessage(error), shardId: first?.shardId });
      return { batchItemFailures: first ? [{ itemIdentifier: first.sequenceNumber }] : [] };
    }
    const { filesWritten, byReason, byEventType: _byEventType, masked: _masked, poisonError, ...counts } = summary;
    log('info', 'batch processed', { ...counts, byReason, files: filesWritten.length, shardId: first?.shardId });
    if (summary.retryFrom) {
      log('warn', 'poison record: batch cut before it, retried from it', {
        sequenceNumber: summary.retryFrom,
        error: poisonError,
        shardId: first?.shardId,
      });
    }
    const last = records[records.length - 1];
    const iteratorAgeMs = last ? Math.max(0, Date.now() - last.approximateArrivalTimestamp * 1000) : 0;
    for (const line of batchMetricLines(summary, Date.now() - started, iteratorAgeMs)) emit(line);
    return { batchItemFailures: summary.retryFrom ? [{ itemIdentifier: summary.retryFrom }] : [] };
  });
}

export const handler = createHandler(buildStreamEtlDependencies(enrichmentSqlFiles));
