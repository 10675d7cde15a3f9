/**
 * Literals the SQL builder may emit. Every value reaching SQL comes from the topic's whitelist (country
 * codes, ticket types, session ids matching the topic's pattern, dates the parser computed); this check is
 * the last line: a value outside the safe alphabet is a bug, never quoted and sent.
 */
export function sqlString(value: string): string {
  if (!/^[A-Za-z0-9 _-]{1,64}$/.test(value)) throw new Error(`refusing to put ${JSON.stringify(value)} into SQL`);
  return `'${value}'`;
}

export function sqlDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`refusing to put ${JSON.stringify(value)} into SQL`);
  return `DATE '${value}'`;
}

/** Topic identifiers are fixed strings; they still must be plain lower-case identifiers. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing identifier ${JSON.stringify(name)}`);
  return name;
}
