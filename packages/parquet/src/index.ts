import {
  Bool,
  type DataType,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';

/** Column types the lake uses (kept in step with @sluice/core's ColumnType). */
export type ParquetColumnType = 'string' | 'double' | 'bigint' | 'int' | 'boolean' | 'timestamp';

export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetColumnType;
}

export type ParquetCell = string | number | boolean | null;

function arrowType(type: ParquetColumnType): DataType {
  switch (type) {
    case 'string':
      return new Utf8();
    case 'double':
      return new Float64();
    case 'int':
      return new Int32();
    case 'bigint':
      return new Int64();
    case 'boolean':
      return new Bool();
    case 'timestamp':
      return new TimestampMillisecond('UTC');
  }
}

function cellsOf(column: ParquetColumn, rows: readonly Record<string, ParquetCell>[]): unknown[] {
  const values = rows.map((row) => row[column.name] ?? null);
  if (column.type === 'bigint' || column.type === 'timestamp') {
    return values.map((value) => (value === null ? null : BigInt(Math.trunc(Number(value)))));
  }
  return values;
}

/**
 * Rows → one Parquet file (ZSTD). Timestamps are epoch milliseconds, written as TIMESTAMP(MILLIS, UTC),
 * so Athena, Redshift COPY and DuckDB read them as timestamps.
 *
 * @example
 * const bytes = encodeParquet([{ name: 'country', type: 'string' }], [{ country: 'NL' }]);
 */
export function encodeParquet(
  columns: readonly ParquetColumn[],
  rows: readonly Record<string, ParquetCell>[],
): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((column) => [column.name, vectorFromArray(cellsOf(column, rows), arrowType(column.type))]),
  );
  const table = new Table(vectors);
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  // writeParquet consumes the writer properties; build a fresh copy for every file.
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(wasmTable, properties);
}
