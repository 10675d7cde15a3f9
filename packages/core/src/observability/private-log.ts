import { randomBytes } from 'node:crypto';
import { maskText, parseSensitiveDataPolicy, type SensitiveDataPolicy } from '@sluice/sensitive-data';
import type { Log } from './log';

function scrub(value: unknown, policy: SensitiveDataPolicy, depth: number): unknown {
  if (typeof value === 'string') return maskText(value, policy, 'logs').text;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, policy, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, policy, depth + 1)]));
}

/**
 * A log that applies the `logs` sink of the sensitive-data policy to every message and string field before
 * it is written: callers already log counts and keys only, and this catches what slips through (an error
 * message quoting a value). The default policy for logs redacts every entity (`[EMAIL]`, `[PHONE_NUMBER]`).
 * Tokens, if a policy asks for them in logs, use a key of this process only, so they cannot be joined
 * with the curated zone's tokens.
 */
export function privateLog(base: Log, policy?: SensitiveDataPolicy): Log {
  const logsPolicy = policy ?? parseSensitiveDataPolicy({ hmacKey: randomBytes(32).toString('hex') });
  return (level, message, fields = {}) =>
    base(level, maskText(message, logsPolicy, 'logs').text, scrub(fields, logsPolicy, 0) as Record<string, unknown>);
}
