import { z } from 'zod';

/**
 * How each lake table is kept in the catalog and the warehouse, configured per table (like a Glue
 * crawler's SchemaChangePolicy, or a dlt schema contract):
 *
 * - `registration`: `direct` registers each new date partition with BatchCreatePartition; `crawler` starts
 *   the Glue crawler (only when an object opens a partition the catalog does not have yet) and the state
 *   machine waits until it is READY; `projection` registers nothing: Athena computes the partitions from
 *   the table's partition-projection properties.
 * - `onTypeChange`: what a field whose type changed in the contract does. `quarantine` refuses the files
 *   that carry the new type (the load fails naming column and both types; the state machine records the
 *   object for redrive); `version` adds a column `<name>_v2` of the new type and loads those files into it.
 *   A new field always becomes a new column (no manual step); a column is never dropped or retyped in place.
 */
export const TablePolicy = z.object({
  registration: z.enum(['direct', 'crawler', 'projection']).default('direct'),
  onTypeChange: z.enum(['quarantine', 'version']).default('quarantine'),
  /** Partition projection only: the first date of the `dt` range (the range ends at NOW). */
  projectionStartDate: z.iso.date().default('2025-01-01'),
});
export type TablePolicy = z.infer<typeof TablePolicy>;

/** Table name → policy; a table not listed gets {@link DEFAULT_TABLE_POLICY}. */
export const TablePolicies = z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), TablePolicy);
export type TablePolicies = z.infer<typeof TablePolicies>;

export const DEFAULT_TABLE_POLICY: TablePolicy = TablePolicy.parse({});

export function tablePolicyOf(policies: TablePolicies | undefined, table: string): TablePolicy {
  return policies?.[table] ?? DEFAULT_TABLE_POLICY;
}

/**
 * The policies from their JSON text (an environment variable), e.g.
 * `{"feedback_submitted":{"registration":"crawler"},"attendee_registered":{"onTypeChange":"version"}}`.
 * Empty or missing text means every table gets the default.
 */
export const TablePoliciesJson = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(TablePolicies);

/** The name a retyped column's new version gets under the `version` policy. */
export function versionedColumnName(column: string, version = 2): string {
  return `${column}_v${version}`;
}
