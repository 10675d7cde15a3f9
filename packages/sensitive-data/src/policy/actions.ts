import type { EntityName } from '../types';

/** Where masked data goes; each sink has its own actions (logs are stricter than the curated zone). */
export const SINKS = ['curated', 'warehouse', 'logs'] as const;
export type Sink = (typeof SINKS)[number];

/** Keep `keepLeft` / `keepRight` letters and digits and mask the rest with "*"; separators stay in place. */
export interface PartialAction {
  readonly kind: 'partial';
  readonly keepLeft: number;
  readonly keepRight: number;
  /** EMAIL only: keep everything after "@" and apply keepLeft/keepRight to the local part. */
  readonly keepDomain: boolean;
}

/**
 * What happens to a value of one entity in one sink:
 * - `omit`: the field (or the span in free text) is removed;
 * - `redact`: replaced by `[ENTITY]`;
 * - `partial`: see {@link PartialAction};
 * - `hash`: replaced by `tok_<hex>`, HMAC-SHA256 under the policy's key, so equal values give equal tokens;
 * - `audit`: left as it is and only counted.
 */
export type MaskAction =
  | { readonly kind: 'omit' }
  | { readonly kind: 'redact' }
  | { readonly kind: 'hash' }
  | { readonly kind: 'audit' }
  | PartialAction;

/** For FREE_TEXT fields: scan and mask each finding, drop or redact the whole field, or scan and only count. */
export type FreeTextAction = 'scan' | 'omit' | 'redact' | 'audit';

/** Cards are never shown beyond the first 6 and last 4 digits (PCI DSS). */
export const CARD_MAX_KEEP_LEFT = 6;
export const CARD_MAX_KEEP_RIGHT = 4;

/** What `partial` keeps when the config names it without numbers. */
export function defaultPartial(entity: EntityName): PartialAction {
  switch (entity) {
    case 'CREDIT_CARD':
    case 'US_SSN':
      return { kind: 'partial', keepLeft: 0, keepRight: 4, keepDomain: false };
    case 'EMAIL':
      return { kind: 'partial', keepLeft: 1, keepRight: 0, keepDomain: true };
    case 'IBAN':
      return { kind: 'partial', keepLeft: 2, keepRight: 4, keepDomain: false };
    default:
      return { kind: 'partial', keepLeft: 0, keepRight: 2, keepDomain: false };
  }
}
