import type { ColumnDefinition } from '../lake/columns';

export type CellValue = string | number | boolean | null;
export type TableRow = Record<string, CellValue>;

/** Encodes rows as one columnar file (Parquet in both runtimes). Timestamps arrive as epoch milliseconds. */
export type EncodeTable = (columns: readonly ColumnDefinition[], rows: readonly TableRow[]) => Uint8Array;

/** Event (or masked event) → row keyed by column name. */
export function toRow(event: Record<string, unknown>, columns: readonly ColumnDefinition[]): TableRow {
  const row: TableRow = {};
  for (const column of columns) {
    const value = event[column.field];
    if (value === undefined || value === null) row[column.name] = null;
    else if (column.type === 'timestamp') row[column.name] = Date.parse(String(value));
    else row[column.name] = value as CellValue;
  }
  return row;
}
