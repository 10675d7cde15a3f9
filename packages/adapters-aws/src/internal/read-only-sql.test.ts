import { describe, expect, it } from 'vitest';
import { ReadOnlyQueryError } from '../errors';
import { assertSingleSelect, splitStatements } from './read-only-sql';

describe('splitStatements', () => {
  it('splits on semicolons outside literals, quoted identifiers and comments, dropping comments', () => {
    expect(splitStatements(`SELECT 'a;b', "odd;name" FROM t -- trailing; comment\n; /* x; */ SELECT 'it''s;'`)).toEqual(
      [`SELECT 'a;b', "odd;name" FROM t`, `SELECT 'it''s;'`],
    );
    expect(splitStatements('SELECT 1;  ')).toEqual(['SELECT 1']);
  });
});

describe('assertSingleSelect', () => {
  it.each([
    'SELECT country, COUNT(*) FROM attendee_registered GROUP BY 1',
    '  -- top countries\n  select 1;',
    'WITH c AS (SELECT 1 AS n) SELECT n FROM c',
    '(SELECT 1) UNION ALL (SELECT 2)',
    "SELECT * FROM t WHERE comment = 'drop table x; --'",
  ])('lets one read-only statement through: %s', (sql) => {
    expect(() => assertSingleSelect(sql)).not.toThrow();
  });

  it.each([
    ['DROP TABLE attendee_registered', 'only read-only (SELECT) statements are allowed; got DROP'],
    ['SELECT 1; DELETE FROM t', 'expected exactly one SQL statement, got 2'],
    ['/* SELECT */ INSERT INTO t VALUES (1)', 'got INSERT'],
    ['', 'expected exactly one SQL statement, got 0'],
  ])('refuses %s', (sql, message) => {
    expect(() => assertSingleSelect(sql)).toThrow(ReadOnlyQueryError);
    expect(() => assertSingleSelect(sql)).toThrow(message);
  });
});
