import { ReadOnlyQueryError } from '../errors';

/**
 * The statements of a SQL text, split on `;` outside string literals, quoted identifiers and comments, with
 * comments removed. Enough to tell one SELECT from anything else; not a parser.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i] as string;
    const pair = sql.slice(i, i + 2);
    if (pair === '--') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end - 1;
      current += ' ';
    } else if (pair === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
      current += ' ';
    } else if (char === "'" || char === '"') {
      let end = i + 1;
      while (end < sql.length && !(sql[end] === char && sql[end + 1] !== char)) end += sql[end] === char ? 2 : 1;
      current += sql.slice(i, end + 1);
      i = end;
    } else if (char === ';') {
      statements.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}

/**
 * Refuses anything but one SELECT (or WITH … SELECT) before it reaches the service: the query ports are
 * read-only. A guard against mistakes, not a security boundary; that is the database user's or the
 * workgroup's permissions.
 */
export function assertSingleSelect(sql: string): void {
  const statements = splitStatements(sql);
  if (statements.length !== 1) {
    throw new ReadOnlyQueryError(`expected exactly one SQL statement, got ${statements.length}`);
  }
  const keyword = /^\(*\s*([A-Za-z]+)/.exec(statements[0] ?? '')?.[1]?.toUpperCase();
  if (keyword !== 'SELECT' && keyword !== 'WITH') {
    throw new ReadOnlyQueryError(`only read-only (SELECT) statements are allowed; got ${keyword ?? 'nothing'}`);
  }
}
