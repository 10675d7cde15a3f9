import { CARD_MAX_KEEP_LEFT, CARD_MAX_KEEP_RIGHT, type PartialAction } from '../policy/actions';
import type { EntityName } from '../types';

const SIGNIFICANT = /[\p{L}\p{N}]/u;
const MASK = '*';

/**
 * Masks letters and digits except `keepLeft` at the start and `keepRight` at the end; separators (spaces,
 * dashes, dots, "@") stay where they are so the shape survives. At least a third of the letters and
 * digits (and at least one) are always masked, trimming what is kept from the left first, so a partial
 * mask never reproduces the value.
 */
function maskSignificant(value: string, keepLeft: number, keepRight: number): string {
  const chars = Array.from(value);
  const significant = chars.filter((char) => SIGNIFICANT.test(char)).length;
  if (significant === 0) return MASK.repeat(chars.length);
  const maxKept = significant - Math.max(1, Math.ceil(significant / 3));
  const right = Math.min(keepRight, maxKept);
  const left = Math.min(keepLeft, maxKept - right);
  let seen = 0;
  return chars
    .map((char) => {
      if (!SIGNIFICANT.test(char)) return char;
      const index = seen++;
      return index < left || index >= significant - right ? char : MASK;
    })
    .join('');
}

/**
 * Applies a partial mask; cards never keep more than the first 6 and last 4 digits whatever the policy says.
 *
 * @example
 * partialMask('4111 1111 1111 1111', { kind: 'partial', keepLeft: 6, keepRight: 4, keepDomain: false }, 'CREDIT_CARD');
 * // '4111 11** **** 1111'
 * partialMask('ada@example.com', { kind: 'partial', keepLeft: 1, keepRight: 0, keepDomain: true }, 'EMAIL');
 * // 'a**@example.com'
 */
export function partialMask(value: string, action: PartialAction, entity: EntityName): string {
  if (entity === 'CREDIT_CARD') {
    return maskSignificant(
      value,
      Math.min(action.keepLeft, CARD_MAX_KEEP_LEFT),
      Math.min(action.keepRight, CARD_MAX_KEEP_RIGHT),
    );
  }
  const at = value.lastIndexOf('@');
  if (entity === 'EMAIL' && action.keepDomain && at > 0) {
    return `${maskSignificant(value.slice(0, at), action.keepLeft, action.keepRight)}${value.slice(at)}`;
  }
  return maskSignificant(value, action.keepLeft, action.keepRight);
}
