import { Table, tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { type Cells, columnVector, type ParquetCell, type ParquetColumnType } from './vectors';

export { decodeParquet } from './decode';
export type { ParquetCell, ParquetColumnType } from './vectors';

export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetColumnType;
}

function cellsOf(column: ParquetColumn, rows: readonly Record<string, ParquetCell>[]): Cells {
  const name = column.name;
  const cells: (ParquetCell | undefined)[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) cells[i] = (rows[i] as Record<string, ParquetCell>)[name];
  return cells;
}

/**
 * Rows → one Parquet file (ZSTD). Timestamps are epoch milliseconds, written as TIMESTAMP(MILLIS, UTC),
 * so Athena, Redshift COPY and DuckDB read them as timestamps.
 *
 * Each column's Arrow vector is built directly from typed buffers (one UTF-8 buffer with offsets per
 * string column), not value by value through Arrow's builders.
 *
 * @example
 * const bytes = encodeParquet([{ name: 'country', type: 'string' }], [{ country: 'NL' }]);
 */
export function encodeParquet(
  columns: readonly ParquetColumn[],
  rows: readonly Record<string, ParquetCell>[],
): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((column) => [column.name, columnVector(column.type, cellsOf(column, rows))]),
  );
  const table = new Table(vectors);
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  // writeParquet consumes the writer properties; build a fresh copy for every file.
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(wasmTable, properties);
}
