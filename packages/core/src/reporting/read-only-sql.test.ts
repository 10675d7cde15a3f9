import { describe, expect, it } from 'vitest';
import { AdHocSqlRejectedError, readOnlySelect } from './read-only-sql';

/** Hostile statements, each with the part of the message the analyst must see. */
const HOSTILE: [string, string, RegExp][] = [
  ['stacked statements', 'SELECT 1; DROP TABLE attendee_registered', /Only one statement/],
  [
    'injection closing a string',
    "SELECT * FROM attendee_registered WHERE country = 'NL'; DELETE FROM x; --'",
    /Comments are not allowed/,
  ],
  ['comment hiding a second statement', "SELECT 1 /* ; */ ; ATTACH 'x.db'", /Comments are not allowed/],
  ['line comment', 'SELECT 1 -- harmless?', /Comments are not allowed/],
  ['read_csv of a file', "SELECT * FROM read_csv('/etc/passwd')", /function read_csv is not allowed/],
  [
    'read_parquet of the raw zone',
    "SELECT * FROM read_parquet('lake/raw/attendee_registered/*/*.parquet')",
    /read_parquet is not allowed/,
  ],
  ['read_text', "SELECT content FROM read_text('/root/.ssh/id_rsa')", /read_text is not allowed/],
  ['glob of a directory', "SELECT * FROM glob('/*')", /glob is not allowed/],
  ['a file path as a table', "SELECT * FROM '/etc/passwd'", /file paths or URLs/],
  ['a URL as a table', "SELECT * FROM 'https://example.org/data.csv'", /file paths or URLs/],
  ['ATTACH', "ATTACH '/tmp/other.duckdb' AS other", /start with SELECT or WITH/],
  ['ATTACH after a SELECT', "SELECT 1 UNION ALL SELECT 2 FROM (SELECT 1) AS t ATTACH 'x'", /ATTACH is not allowed/],
  ['COPY to a file', "COPY attendee_registered TO '/tmp/out.csv'", /start with SELECT or WITH/],
  ['COPY hidden in a CTE', "WITH x AS (SELECT 1) COPY x TO 'out.csv'", /COPY is not allowed/],
  ['INSTALL an extension', 'INSTALL httpfs', /start with SELECT or WITH/],
  ['LOAD an extension', 'LOAD httpfs', /start with SELECT or WITH/],
  ['PRAGMA', 'PRAGMA database_list', /start with SELECT or WITH/],
  ['pragma as a table function', 'SELECT * FROM pragma_database_list()', /pragma_database_list is not allowed/],
  ['SET a setting', 'SET enable_external_access = true', /start with SELECT or WITH/],
  ['current_setting', "SELECT current_setting('allowed_directories')", /current_setting is not allowed/],
  ['getenv', "SELECT getenv('AWS_SECRET_ACCESS_KEY')", /getenv is not allowed/],
  [
    'nested SQL through query()',
    "SELECT * FROM query('SELECT * FROM read_csv(''x'')')",
    /function query is not allowed/,
  ],
  ['quoted function name', 'SELECT * FROM "read_csv"(\'/etc/passwd\')', /read_csv is not allowed/],
  ['DuckDB metadata', 'SELECT * FROM duckdb_settings()', /duckdb_settings is not allowed/],
  ['INSERT', 'INSERT INTO attendee_registered SELECT * FROM attendee_registered', /start with SELECT or WITH/],
  [
    'DELETE inside a CTE',
    'WITH gone AS (DELETE FROM attendee_registered RETURNING *) SELECT * FROM gone',
    /DELETE is not allowed/,
  ],
  ['dollar quoting', 'SELECT $$a$$', /dollar quoting/],
  ['unterminated string', "SELECT 'abc", /Unterminated string/],
  ['empty', '   ', /Write a SELECT query/],
];

describe('readOnlySelect (the ad-hoc SQL guard)', () => {
  it('has at least 10 hostile inputs', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(10);
  });

  it.each(HOSTILE)('rejects %s with a clear error', (_, sql, message) => {
    expect(() => readOnlySelect(sql)).toThrow(AdHocSqlRejectedError);
    expect(() => readOnlySelect(sql)).toThrow(message);
  });

  it('accepts one SELECT or WITH query and drops a trailing semicolon', () => {
    expect(readOnlySelect('SELECT country, count(*) AS n FROM attendee_registered GROUP BY 1;')).toBe(
      'SELECT country, count(*) AS n FROM attendee_registered GROUP BY 1',
    );
    const withQuery = "WITH nl AS (SELECT * FROM attendee_registered WHERE country = 'NL') SELECT count(*) FROM nl";
    expect(readOnlySelect(withQuery)).toBe(withQuery);
  });

  it('allows keywords and semicolons inside strings and quoted names', () => {
    const sql = `SELECT 'drop; set; attach' AS "copy;load" FROM attendee_registered WHERE comment = 'it''s; fine'`;
    expect(readOnlySelect(sql)).toBe(sql);
  });
});
