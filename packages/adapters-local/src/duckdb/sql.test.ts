import { describe, expect, it } from 'vitest';
import { DuckDbDatabase } from './database';
import { quoteIdentifier, quoteLiteral, quoteStringList } from './sql';

describe('SQL quoting', () => {
  it('quotes identifiers and literals so DuckDB reads them back unchanged', async () => {
    const db = await DuckDbDatabase.open(':memory:');
    try {
      const awkward = `it's "quoted"; DROP TABLE x; --`;
      const rows = await db.all(
        `SELECT ${quoteLiteral(awkward)} AS ${quoteIdentifier(awkward)}, ${quoteLiteral(1.5)} AS n, ${quoteLiteral(true)} AS b, ${quoteLiteral(null)} AS z, ${quoteStringList(['a', "b'c"])} AS l`,
      );
      expect(rows).toEqual([{ [awkward]: awkward, n: 1.5, b: true, z: null, l: ['a', "b'c"] }]);
    } finally {
      await db.close();
    }
  });

  it('refuses values it cannot write safely', () => {
    expect(() => quoteLiteral(Number.NaN)).toThrow();
    expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
    expect(() => quoteIdentifier('')).toThrow();
  });
});
