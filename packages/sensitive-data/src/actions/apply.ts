import type { MaskAction } from '../policy/actions';
import type { SensitiveDataPolicy } from '../policy/policy';
import type { EntityName } from '../types';
import { normaliseForToken } from './normalise';
import { partialMask } from './partial';

/** Values this short can appear inside any replacement by chance ("a" in a token); the guard skips them. */
const GUARD_MIN_LENGTH = 3;

function replacement(value: string, entity: EntityName, action: MaskAction, policy: SensitiveDataPolicy): string {
  switch (action.kind) {
    case 'redact':
      return `[${entity}]`;
    case 'partial':
      return partialMask(value, action, entity);
    case 'hash':
      return policy.tokenize(normaliseForToken(value, entity, policy.phoneValidator), entity);
    case 'omit':
    case 'audit':
      return value;
  }
}

/**
 * The masked form of one value: `undefined` for `omit`, the value itself for `audit`. As a last guard, a
 * replacement that still contains the value (a value such as "EMAIL" inside "[EMAIL]") becomes stars.
 *
 * @example
 * applyAction('ada@example.com', 'EMAIL', { kind: 'hash' }, policy); // 'tok_3f1c…'
 * applyAction('ada@example.com', 'EMAIL', { kind: 'redact' }, policy); // '[EMAIL]'
 */
export function applyAction(
  value: string,
  entity: EntityName,
  action: MaskAction,
  policy: SensitiveDataPolicy,
): string | undefined {
  if (action.kind === 'omit') return undefined;
  if (action.kind === 'audit') return value;
  const masked = replacement(value, entity, action, policy);
  if (value.length < GUARD_MIN_LENGTH || !masked.includes(value)) return masked;
  return /^\*+$/.test(value) ? '' : '*'.repeat(value.length);
}
