import { type BatchSummary, emfLine, METRICS_NAMESPACE, type MetricUnit } from '@sluice/core';

type Metrics = Record<string, { value: number; unit: MetricUnit }>;
const count = (value: number) => ({ value, unit: 'Count' as const });

/**
 * The batch's metrics as EMF lines: one for the service (records in / valid / quarantined / duplicates,
 * masked values per entity, batch latency, iterator age) and one per event type (valid, duplicates,
 * written), so CloudWatch and the local progress view can break the flow down by event type.
 */
export function batchMetricLines(summary: BatchSummary, latencyMs: number, iteratorAgeMs: number): string[] {
  const service: Metrics = {
    RecordsIn: count(summary.records),
    RecordsValid: count(summary.valid),
    RecordsQuarantined: count(summary.quarantined),
    DuplicatesInBatch: count(summary.duplicatesInBatch),
    DuplicatesAcrossBatches: count(summary.duplicatesAcrossBatches),
    FilesWritten: count(summary.filesWritten.length),
    PoisonRecords: count(summary.retryFrom ? 1 : 0),
    BatchLatency: { value: latencyMs, unit: 'Milliseconds' },
    IteratorAge: { value: iteratorAgeMs, unit: 'Milliseconds' },
  };
  for (const [entity, value] of Object.entries(summary.masked)) service[`Masked_${entity}`] = count(value);
  const now = Date.now();
  const batch = { BatchKey: summary.batchKey };
  const lines = [emfLine(METRICS_NAMESPACE, { Service: 'stream-etl' }, service, now, batch)];
  for (const [eventType, counts] of Object.entries(summary.byEventType)) {
    lines.push(
      emfLine(
        METRICS_NAMESPACE,
        { Service: 'stream-etl', EventType: eventType },
        { RecordsValid: count(counts.valid), Duplicates: count(counts.duplicates), RecordsOut: count(counts.written) },
        now,
        batch,
      ),
    );
  }
  return lines;
}
