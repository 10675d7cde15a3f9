import type { z } from 'zod';

/** One line per problem, each naming the offending field path: `email: Invalid email address`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parses with a contract schema, returning problems as values (an invalid event is expected, not exceptional). */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): Parsed<z.infer<T>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error) };
}
