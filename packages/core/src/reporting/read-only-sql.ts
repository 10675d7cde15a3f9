/** Why an ad-hoc statement was refused: shown to the analyst as is. */
export class AdHocSqlRejectedError extends Error {
  override readonly name = 'AdHocSqlRejectedError';
}

export const MAX_SQL_LENGTH = 20_000;

// Statements and clauses that write, change settings, reach files or extensions, or leave the SELECT.
const FORBIDDEN_KEYWORDS = new Set([
  'alter',
  'analyze',
  'attach',
  'begin',
  'call',
  'checkpoint',
  'commit',
  'copy',
  'create',
  'deallocate',
  'delete',
  'detach',
  'drop',
  'execute',
  'export',
  'force',
  'grant',
  'import',
  'insert',
  'install',
  'load',
  'merge',
  'msck',
  'pragma',
  'prepare',
  'reset',
  'revoke',
  'rollback',
  'set',
  'summarize',
  'truncate',
  'unload',
  'update',
  'use',
  'vacuum',
]);

// Functions that read files, list directories, run nested SQL or reveal the environment (DuckDB, Trino).
const FORBIDDEN_FUNCTION =
  /^(read_\w*|parquet_\w*|sniff_csv|glob|query|query_table|getenv|current_setting|which_secret|duckdb_\w*|pragma_\w*|load_extension|\w*_scan|iceberg_\w*|delta_\w*|json_execute_serialized_sql|system\w*)$/;

// Strings DuckDB would read as a file or URL (`FROM '/etc/passwd'`, `FROM 's3://…'`).
const PATH_LIKE = /[/\\]|:\/\/|\.(csv|tsv|parquet|json|jsonl|ndjson|txt|db|duckdb|sqlite|xlsx?|gz|zst)$/i;

interface Token {
  readonly kind: 'word' | 'string' | 'quoted' | 'symbol';
  readonly text: string;
}

/** A lexer just fine enough to see statements, keywords, function calls and literals. */
function lex(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    const char = sql[at] as string;
    const rest = sql.slice(at);
    if (/\s/.test(char)) {
      at += 1;
    } else if (rest.startsWith('--') || rest.startsWith('/*')) {
      throw new AdHocSqlRejectedError('Comments are not allowed: they can hide a second statement. Remove them.');
    } else if (char === "'" || char === '"') {
      let end = at + 1;
      for (;;) {
        const close = sql.indexOf(char, end);
        if (close < 0) throw new AdHocSqlRejectedError(`Unterminated ${char === "'" ? 'string' : 'quoted name'}.`);
        if (sql[close + 1] === char) {
          end = close + 2;
          continue;
        }
        end = close + 1;
        break;
      }
      tokens.push({
        kind: char === "'" ? 'string' : 'quoted',
        text: sql.slice(at + 1, end - 1).replaceAll(char + char, char),
      });
      at = end;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest)?.[0] ?? char;
      tokens.push({ kind: 'word', text: word.toLowerCase() });
      at += word.length;
    } else if (char === '$' || char === '\\' || char === '`') {
      throw new AdHocSqlRejectedError(
        `The character ${char} is not allowed (no dollar quoting, escapes or backticks).`,
      );
    } else {
      tokens.push({ kind: 'symbol', text: char });
      at += 1;
    }
  }
  return tokens;
}

/**
 * Checks that `sql` is exactly one read-only query (SELECT or WITH … SELECT) that names no file, extension,
 * setting or second statement, and returns it without its trailing semicolon. Throws
 * AdHocSqlRejectedError with a message for the analyst otherwise. This is the first guard; the engine's
 * own sandbox (DuckDB without external access, Athena's workgroup) is the second.
 *
 * @example
 * readOnlySelect('SELECT country, count(*) FROM attendee_registered GROUP BY 1;'); // without the ';'
 * readOnlySelect("SELECT * FROM read_csv('/etc/passwd')"); // throws: read_csv is not allowed
 */
export function readOnlySelect(sql: string): string {
  if (sql.length > MAX_SQL_LENGTH)
    throw new AdHocSqlRejectedError(`Queries are limited to ${MAX_SQL_LENGTH} characters.`);
  if (sql.includes('\0')) throw new AdHocSqlRejectedError('NUL characters are not allowed.');
  const body = sql.trim().replace(/;\s*$/, '');
  const tokens = lex(body);
  if (tokens.length === 0) throw new AdHocSqlRejectedError('Write a SELECT query.');
  if (tokens.some((token) => token.kind === 'symbol' && token.text === ';')) {
    throw new AdHocSqlRejectedError('Only one statement is allowed: remove the ";" and what follows it.');
  }
  const first = tokens.find((token) => !(token.kind === 'symbol' && token.text === '('));
  if (!(first?.kind === 'word' && (first.text === 'select' || first.text === 'with'))) {
    throw new AdHocSqlRejectedError('Only read-only queries are allowed: start with SELECT or WITH.');
  }
  tokens.forEach((token, index) => {
    if (token.kind === 'word' && FORBIDDEN_KEYWORDS.has(token.text)) {
      throw new AdHocSqlRejectedError(`${token.text.toUpperCase()} is not allowed in a read-only query.`);
    }
    const next = tokens[index + 1];
    const called = next?.kind === 'symbol' && next.text === '(';
    if (called && (token.kind === 'word' || token.kind === 'quoted') && FORBIDDEN_FUNCTION.test(token.text)) {
      throw new AdHocSqlRejectedError(
        `The function ${token.text} is not allowed: ad-hoc SQL reads the lake's tables only, not files or settings.`,
      );
    }
    if (token.kind === 'string' && PATH_LIKE.test(token.text)) {
      throw new AdHocSqlRejectedError('Strings that look like file paths or URLs are not allowed: query the tables.');
    }
  });
  return body;
}
