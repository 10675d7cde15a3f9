import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbDatabase } from './database';
import { ReadOnlyQueryError } from './errors';
import { temporaryDirectory } from './test-support/lake-fixtures';

let dir: { path: string; remove: () => Promise<void> };
const opened: DuckDbDatabase[] = [];

async function open(path: string): Promise<DuckDbDatabase> {
  const db = await DuckDbDatabase.open(path);
  opened.push(db);
  return db;
}

beforeEach(async () => {
  dir = await temporaryDirectory();
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  await dir.remove();
});

describe('DuckDbDatabase', () => {
  it('creates the parent directory of a new database file', async () => {
    const db = await open(join(dir.path, 'nested', 'deeper', 'db.duckdb'));
    await db.write((s) => s.run('CREATE TABLE t (a INTEGER)'));
    expect(await db.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('returns plain JS values: safe BIGINTs as numbers, ISO timestamps, YYYY-MM-DD dates', async () => {
    const db = await open(':memory:');
    const rows = await db.all(
      `SELECT count(*) AS n, 9007199254740993::BIGINT AS big, sum(2::BIGINT) AS total,
              TIMESTAMPTZ '2026-11-25 10:00:00+02' AS at, DATE '2026-11-25' AS day,
              1.25::DECIMAL(5, 2) AS price, [1, 2]::BIGINT[] AS list, {'k': 3::BIGINT} AS struct, NULL AS nothing`,
    );
    expect(rows).toEqual([
      {
        n: 1,
        big: '9007199254740993',
        total: 2,
        at: '2026-11-25T08:00:00.000Z',
        day: '2026-11-25',
        price: 1.25,
        list: [1, 2],
        struct: { k: 3 },
        nothing: null,
      },
    ]);
  });

  it('binds parameters', async () => {
    const db = await open(':memory:');
    expect(await db.all('SELECT $1 || $2 AS joined', ['a', 'b'])).toEqual([{ joined: 'ab' }]);
  });

  it('serializes writes: a second write starts only after the first has finished', async () => {
    const db = await open(join(dir.path, 'db.duckdb'));
    await db.write((s) => s.run('CREATE TABLE log (step VARCHAR)'));
    const events: string[] = [];
    const slow = db.transaction(async (tx) => {
      events.push('first:start');
      await tx.run("INSERT INTO log VALUES ('first')");
      await new Promise((done) => setTimeout(done, 50));
      events.push('first:end');
    });
    const fast = db.transaction(async (tx) => {
      events.push('second:start');
      await tx.run("INSERT INTO log VALUES ('second')");
    });
    await Promise.all([slow, fast]);
    expect(events).toEqual(['first:start', 'first:end', 'second:start']);
    expect(await db.all('SELECT step FROM log ORDER BY step')).toEqual([{ step: 'first' }, { step: 'second' }]);
  });

  it('rolls a failed transaction back entirely and keeps accepting writes', async () => {
    const db = await open(join(dir.path, 'db.duckdb'));
    await db.write((s) => s.run('CREATE TABLE t (a INTEGER PRIMARY KEY)'));
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        await tx.run('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow(/constraint/i);
    await db.transaction((tx) => tx.run('INSERT INTO t VALUES (2)'));
    expect(await db.all('SELECT a FROM t')).toEqual([{ a: 2 }]);
  });

  it('shares one instance per file in the process, so a second handle sees the first one’s writes', async () => {
    const path = join(dir.path, 'db.duckdb');
    const first = await open(path);
    const second = await open(path);
    await first.write((s) => s.run('CREATE TABLE t AS SELECT 42 AS answer'));
    expect(await second.all('SELECT answer FROM t')).toEqual([{ answer: 42 }]);
    await first.close();
    expect(await second.all('SELECT answer FROM t')).toEqual([{ answer: 42 }]);
  });

  it('keeps data across close and reopen', async () => {
    const path = join(dir.path, 'db.duckdb');
    const db = await DuckDbDatabase.open(path);
    await db.write((s) => s.run('CREATE TABLE t AS SELECT 7 AS kept'));
    await db.close();
    const reopened = await open(path);
    expect(await reopened.all('SELECT kept FROM t')).toEqual([{ kept: 7 }]);
  });

  it('refuses to use a closed handle', async () => {
    const db = await DuckDbDatabase.open(':memory:');
    await db.close();
    await expect(db.all('SELECT 1')).rejects.toThrow(/closed/);
  });

  describe('readOnlyQuery', () => {
    it('runs one SELECT and names its columns', async () => {
      const db = await open(':memory:');
      expect(await db.readOnlyQuery('SELECT 1 AS a, 2 AS b')).toEqual({ columns: ['a', 'b'], rows: [{ a: 1, b: 2 }] });
    });

    it.each([
      ['a write', 'CREATE TABLE t (a INTEGER)'],
      ['a COPY', "COPY (SELECT 1) TO '/tmp/sluice-should-not-exist.csv'"],
      ['a setting change', 'SET threads = 1'],
      ['several statements', 'SELECT 1; SELECT 2'],
      ['an EXPLAIN ANALYZE of a write', 'EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1'],
    ])('refuses %s', async (_what, sql) => {
      const db = await open(':memory:');
      await expect(db.readOnlyQuery(sql)).rejects.toBeInstanceOf(ReadOnlyQueryError);
      expect(await db.all("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't'")).toEqual([
        { n: 0 },
      ]);
    });
  });
});
