import { describeIssues } from '@sluice/contracts';
import type { z } from 'zod';
import { ConfigurationError } from './errors';

/**
 * Parses the environment with a zod schema, failing fast with every problem listed. Call it in a
 * composition root, never at import time.
 */
export function parseConfig<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigurationError(describeIssues(result.error));
  return result.data;
}

/** Memoizes an async factory (one composition per container / process); a failure is not cached. */
export function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= factory().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
