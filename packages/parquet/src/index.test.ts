import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { decodeParquet, encodeParquet, type ParquetCell } from './index';

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

type Kind = 'string' | 'double' | 'int' | 'bigint' | 'boolean' | 'timestamp';

/** Reads a Parquet file back as rows of plain JS values (Int64 and timestamps as bigint). */
function readBack(bytes: Uint8Array): { fields: string[]; rows: Record<string, unknown>[] } {
  const table = tableFromIPC(readParquet(bytes).intoIPCStream());
  const fields = table.schema.fields.map((f) => `${f.name}:${f.type}`);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const field of table.schema.fields) {
      const value = table.getChild(field.name)?.get(i) ?? null;
      row[field.name] = typeof value === 'number' && String(field.type).startsWith('Timestamp') ? BigInt(value) : value;
    }
    rows.push(row);
  }
  return { fields, rows };
}

const ARROW_TYPE: Record<Kind, string> = {
  string: 'Utf8',
  double: 'Float64',
  int: 'Int32',
  bigint: 'Int64',
  boolean: 'Bool',
  timestamp: 'Timestamp<MILLISECOND, UTC>',
};

const cellOf: Record<Kind, fc.Arbitrary<ParquetCell>> = {
  string: fc.oneof(
    fc.constantFrom('', 'NL', 'Zoë Ødegaard', '李伟', '😀 emoji', 'a\u0000b'),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  ),
  double: fc.double(),
  int: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  bigint: fc.maxSafeInteger(),
  boolean: fc.boolean(),
  timestamp: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ min: -1e15, max: 1e15, noNaN: true })),
};

/** What a cell reads back as: Int64 and timestamps are truncated to integers. */
function expected(kind: Kind, cell: ParquetCell): unknown {
  if (cell === null) return null;
  if (kind === 'bigint' || kind === 'timestamp') return BigInt(Math.trunc(Number(cell)));
  return cell;
}

const KINDS: Kind[] = ['string', 'double', 'int', 'bigint', 'boolean', 'timestamp'];

describe('encodeParquet round trip (property)', () => {
  it('reads back random rows of every type with identical values and nulls', () => {
    const tableArb = fc
      .uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: KINDS.length })
      .chain((kinds) =>
        fc.record({
          kinds: fc.constant(kinds),
          rows: fc.array(fc.tuple(...kinds.map((kind) => fc.option(cellOf[kind], { nil: null, freq: 4 }))), {
            maxLength: 60,
          }),
        }),
      )
      // Known limitation (before and after the typed-buffer rewrite): apache-arrow's IPC writer emits an empty
      // values buffer for an all-null Bool column, which parquet-wasm rejects.
      .filter(
        ({ kinds, rows }) =>
          rows.length === 0 || kinds.every((kind, c) => kind !== 'boolean' || rows.some((row) => row[c] !== null)),
      );
    fc.assert(
      fc.property(tableArb, ({ kinds, rows }) => {
        const columns = kinds.map((kind) => ({ name: `c_${kind}`, type: kind }));
        const input = rows.map((cells) =>
          Object.fromEntries(columns.map((column, c) => [column.name, cells[c] ?? null])),
        );
        const { fields, rows: output } = readBack(encodeParquet(columns, input));
        expect(fields).toEqual(kinds.map((kind) => `c_${kind}:${ARROW_TYPE[kind]}`));
        expect(output).toEqual(
          rows.map((cells) =>
            Object.fromEntries(kinds.map((kind, c) => [`c_${kind}`, expected(kind, cells[c] ?? null)])),
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('treats missing keys as null and writes lone surrogates as U+FFFD, as TextEncoder does', () => {
    const columns = [
      { name: 's', type: 'string' },
      { name: 'n', type: 'double' },
    ] as const;
    const { rows } = readBack(encodeParquet(columns, [{ s: 'a\ud800b' }, { n: 1 }, { s: '', n: null }]));
    expect(rows).toEqual([
      { s: 'a\ufffdb', n: null },
      { s: null, n: 1 },
      { s: '', n: null },
    ]);
  });

  it('writes a column of only nulls and an empty file', () => {
    const columns = KINDS.filter((kind) => kind !== 'boolean').map((kind) => ({ name: kind, type: kind }));
    const nullRow = Object.fromEntries(columns.map((column) => [column.name, null]));
    expect(readBack(encodeParquet(columns, [nullRow, nullRow])).rows).toEqual([nullRow, nullRow]);
    expect(readBack(encodeParquet(columns, [])).rows).toEqual([]);
  });
});

describe('decodeParquet', () => {
  it('reads back what encodeParquet wrote, nulls and timestamps included', () => {
    const columns = [
      { name: 'event_id', type: 'string' as const },
      { name: 'occurred_at', type: 'timestamp' as const },
      { name: 'rating', type: 'int' as const },
      { name: 'price', type: 'double' as const },
    ];
    const rows = [
      { event_id: 'e-1', occurred_at: 1_795_640_000_123, rating: 5, price: 12.5 },
      { event_id: 'e-2', occurred_at: null, rating: null, price: null },
    ];
    expect(decodeParquet(encodeParquet(columns, rows))).toEqual(rows);
  });
});
