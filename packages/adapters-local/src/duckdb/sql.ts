/** SQL text helpers for statements that cannot take bind parameters (DDL, table-function arguments). */

export type SqlScalar = string | number | boolean | null;

/** `name` → `"name"`, with embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new Error(`invalid SQL identifier ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A JS scalar as a DuckDB literal: strings single-quoted with quotes doubled, finite numbers, TRUE/FALSE, NULL. */
export function quoteLiteral(value: SqlScalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
    return String(value);
  }
  if (value.includes('\0')) throw new Error('a SQL string literal cannot contain a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Strings as a DuckDB list literal: `['a', 'b']` (the form `read_parquet` takes for several files). */
export function quoteStringList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
