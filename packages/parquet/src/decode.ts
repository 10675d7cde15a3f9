import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import type { ParquetCell } from './vectors';

/**
 * One Parquet file → rows keyed by column name (timestamps as epoch milliseconds, as `encodeParquet` takes
 * them), for jobs that rewrite lake files, such as compaction. Not for large files: it holds them in memory.
 *
 * @example
 * decodeParquet(encodeParquet([{ name: 'country', type: 'string' }], [{ country: 'NL' }])); // [{ country: 'NL' }]
 */
export function decodeParquet(bytes: Uint8Array): Record<string, ParquetCell>[] {
  const table = tableFromIPC(readParquet(bytes).intoIPCStream());
  const rows: Record<string, ParquetCell>[] = new Array(table.numRows);
  let index = 0;
  for (const row of table) {
    const plain = row.toJSON() as Record<string, unknown>;
    for (const [name, value] of Object.entries(plain)) {
      if (typeof value === 'bigint') plain[name] = Number(value);
    }
    rows[index++] = plain as Record<string, ParquetCell>;
  }
  return rows;
}
