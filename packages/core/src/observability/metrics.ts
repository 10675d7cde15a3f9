export type MetricUnit = 'Count' | 'Milliseconds' | 'Bytes' | 'None';

/**
 * One CloudWatch Embedded Metric Format line: printed to stdout, CloudWatch Logs turns it into metrics on
 * AWS, and the local cloud reads the same lines for its progress view. Dimensions and values only —
 * never event content.
 */
export function emfLine(
  namespace: string,
  dimensions: Record<string, string>,
  metrics: Record<string, { value: number; unit: MetricUnit }>,
  timestamp = Date.now(),
  /** Extra properties: searchable in CloudWatch Logs Insights, not metrics (e.g. which batch). */
  properties: Record<string, string> = {},
): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: Object.entries(metrics).map(([Name, { unit }]) => ({ Name, Unit: unit })),
        },
      ],
    },
    ...properties,
    ...dimensions,
    ...Object.fromEntries(Object.entries(metrics).map(([name, { value }]) => [name, value])),
  });
}

export const METRICS_NAMESPACE = 'Sluice';
