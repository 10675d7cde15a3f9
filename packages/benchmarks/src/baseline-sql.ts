import { EVENT_TYPE_NAMES } from '@sluice/contracts';
import { type ColumnType, columnsOf } from '@sluice/core';

const DUCKDB_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  double: 'DOUBLE',
  bigint: 'BIGINT',
  int: 'INTEGER',
  boolean: 'BOOLEAN',
  // Read as text and cast in the query, so a malformed timestamp drops its row instead of failing the COPY.
  timestamp: 'VARCHAR',
};

const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Every field of every event type, with the DuckDB type its column has in the lake. */
function jsonColumns(): Map<string, string> {
  const columns = new Map<string, string>();
  for (const eventType of EVENT_TYPE_NAMES) {
    for (const column of columnsOf(eventType)) columns.set(column.field, DUCKDB_TYPES[column.type]);
  }
  return columns;
}

/**
 * The baseline: DuckDB reads the NDJSON events and writes Hive-partitioned Parquet by event type and date.
 * It keeps rows with a known event type and a parseable timestamp and skips lines that are not JSON objects
 * of those columns; it does not validate the contract, de-duplicate or mask, and writes one copy (the
 * candidate writes raw, curated and quarantine). Explicit columns keep the schema stable across runs (no
 * sampling) and give the candidate's column types.
 */
export function baselineCopySql(ndjsonFile: string, outDir: string): string {
  const columns = [...jsonColumns()].map(([field, type]) => `"${field}": '${type}'`).join(', ');
  const eventTypes = EVENT_TYPE_NAMES.map(quoted).join(', ');
  return [
    'COPY (',
    '  WITH events AS (',
    '    SELECT *, TRY_CAST(occurredAt AS TIMESTAMP) AS occurred',
    `    FROM read_json(${quoted(ndjsonFile)}, format = 'newline_delimited', columns = {${columns}}, ignore_errors = true)`,
    '  )',
    "  SELECT * EXCLUDE (occurredAt, occurred), occurred AS occurredAt, strftime(occurred, '%Y-%m-%d') AS dt",
    '  FROM events',
    `  WHERE eventType IN (${eventTypes}) AND occurred IS NOT NULL`,
    `) TO ${quoted(outDir)} (FORMAT parquet, PARTITION_BY (eventType, dt), COMPRESSION zstd)`,
  ].join('\n');
}
