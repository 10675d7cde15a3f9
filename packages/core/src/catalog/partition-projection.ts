import { PARTITION_COLUMN } from '../lake/columns';

export interface PartitionProjectionConfig {
  /** The table's location, `s3://<bucket>/curated/<table>/` (with the trailing slash). */
  readonly location: string;
  /** First date of the range, `YYYY-MM-DD`; the range ends at `NOW`, so a new day needs no change. */
  readonly startDate: string;
}

/**
 * The Glue table parameters of partition projection for the `dt` date partition: Athena computes the
 * partitions from the range and the location template instead of reading them from the catalog, so
 * nothing is registered per day (no BatchCreatePartition, no crawler, no partition limit to hit).
 * `dt` values are `yyyy-MM-dd`, one per day, matching the lake's `dt=YYYY-MM-DD/` folders.
 *
 * @example
 * partitionProjectionParameters({ location: 's3://lake/curated/attendee_registered/', startDate: '2025-01-01' });
 * // { 'projection.enabled': 'true', 'projection.dt.type': 'date', 'projection.dt.range': '2025-01-01,NOW', … }
 */
export function partitionProjectionParameters(config: PartitionProjectionConfig): Record<string, string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(config.startDate)) {
    throw new Error(`partition projection start date "${config.startDate}" is not YYYY-MM-DD`);
  }
  const location = config.location.endsWith('/') ? config.location : `${config.location}/`;
  const key = PARTITION_COLUMN.name;
  return {
    'projection.enabled': 'true',
    [`projection.${key}.type`]: 'date',
    [`projection.${key}.range`]: `${config.startDate},NOW`,
    [`projection.${key}.format`]: 'yyyy-MM-dd',
    [`projection.${key}.interval`]: '1',
    [`projection.${key}.interval.unit`]: 'DAYS',
    'storage.location.template': `${location}${key}=\${${key}}/`,
  };
}

/** Whether table parameters turn partition projection on (the Glue adapter then skips BatchCreatePartition). */
export function usesPartitionProjection(parameters: Readonly<Record<string, string>> | undefined): boolean {
  return parameters?.['projection.enabled'] === 'true';
}
