import {
  Bool,
  type DataType,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  TimestampMillisecond,
  Utf8,
  type Vector,
} from 'apache-arrow';

/** Column types the lake uses (kept in step with @sluice/core's ColumnType). */
export type ParquetColumnType = 'string' | 'double' | 'bigint' | 'int' | 'boolean' | 'timestamp';

export type ParquetCell = string | number | boolean | null;

/** One column's cells, in row order; `undefined` and `null` are both null. */
export type Cells = readonly (ParquetCell | undefined)[];

/**
 * Validity bitmap (Arrow's LSB bit order, 1 = valid) and null count, or no bitmap when nothing is null.
 */
function validity(cells: Cells): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  const length = cells.length;
  let nullCount = 0;
  for (let i = 0; i < length; i++) if (cells[i] == null) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) {
    if (cells[i] != null) nullBitmap[i >> 3] = (nullBitmap[i >> 3] as number) | (1 << (i & 7));
  }
  return { nullBitmap, nullCount };
}

/**
 * Utf8: the whole column's UTF-8 bytes in one buffer with Int32 value offsets. Non-string cells are
 * written as `String(cell)`, as TextEncoder (which vectorFromArray uses) would; lone surrogates become
 * U+FFFD in both.
 */
function utf8Vector(cells: Cells): Vector {
  const length = cells.length;
  const { nullBitmap, nullCount } = validity(cells);
  // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4), so this always fits.
  let capacity = 0;
  const strings: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    const text = cell == null ? '' : typeof cell === 'string' ? cell : String(cell);
    strings[i] = text;
    capacity += text.length;
  }
  const bytes = Buffer.allocUnsafeSlow(capacity * 3);
  const valueOffsets = new Int32Array(length + 1);
  let position = 0;
  for (let i = 0; i < length; i++) {
    const text = strings[i] as string;
    if (text.length > 0) position += bytes.write(text, position, 'utf8');
    valueOffsets[i + 1] = position;
  }
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, position);
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data }));
}

/** Float64 and Int32: typed-array assignment coerces exactly as vectorFromArray's builders do. */
function numberVector(cells: Cells, type: Float64 | Int32): Vector {
  const length = cells.length;
  const { nullBitmap, nullCount } = validity(cells);
  const data = type instanceof Float64 ? new Float64Array(length) : new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    if (cell != null) data[i] = cell as number;
  }
  return makeVector(makeData({ type, length, nullCount, nullBitmap, data } as never));
}

/** Int64 and timestamps (epoch milliseconds): truncated to an integer, as before. */
function bigIntVector(cells: Cells, type: Int64 | TimestampMillisecond): Vector {
  const length = cells.length;
  const { nullBitmap, nullCount } = validity(cells);
  const data = new BigInt64Array(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    if (cell != null) data[i] = BigInt(Math.trunc(Number(cell)));
  }
  return makeVector(makeData({ type, length, nullCount, nullBitmap, data } as never));
}

/** Bool: bit-packed (LSB first); any truthy cell is true. */
function boolVector(cells: Cells): Vector {
  const length = cells.length;
  const { nullBitmap, nullCount } = validity(cells);
  const data = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) {
    if (cells[i]) data[i >> 3] = (data[i >> 3] as number) | (1 << (i & 7));
  }
  return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
}

/** One column's cells → an Arrow vector of the column's type, built straight from typed buffers. */
export function columnVector(type: ParquetColumnType, cells: Cells): Vector<DataType> {
  switch (type) {
    case 'string':
      return utf8Vector(cells);
    case 'double':
      return numberVector(cells, new Float64());
    case 'int':
      return numberVector(cells, new Int32());
    case 'bigint':
      return bigIntVector(cells, new Int64());
    case 'boolean':
      return boolVector(cells);
    case 'timestamp':
      return bigIntVector(cells, new TimestampMillisecond('UTC'));
  }
}
