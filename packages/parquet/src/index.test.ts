import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { encodeParquet } from './index';

describe('encodeParquet', () => {
  it('writes typed columns that read back with their values and nulls', () => {
    const bytes = encodeParquet(
      [
        { name: 'id', type: 'string' },
        { name: 'price', type: 'double' },
        { name: 'rating', type: 'int' },
        { name: 'vip', type: 'boolean' },
        { name: 'occurred_at', type: 'timestamp' },
      ],
      [
        { id: 'a', price: 12.5, rating: 4, vip: true, occurred_at: Date.parse('2026-11-25T10:00:00Z') },
        { id: 'b', price: null, rating: null, vip: null, occurred_at: null },
      ],
    );
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('PAR1');
    const table = tableFromIPC(readParquet(bytes).intoIPCStream());
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Utf8',
      'price:Float64',
      'rating:Int32',
      'vip:Bool',
      'occurred_at:Timestamp<MILLISECOND, UTC>',
    ]);
    const [first, second] = table.toArray().map((row) => row.toJSON());
    expect(first).toMatchObject({ id: 'a', price: 12.5, rating: 4, vip: true });
    expect(Number(first?.occurred_at)).toBe(Date.parse('2026-11-25T10:00:00Z'));
    expect(second).toMatchObject({ id: 'b', price: null, rating: null, vip: null, occurred_at: null });
  });
});
