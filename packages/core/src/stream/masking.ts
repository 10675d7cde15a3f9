import { createHmac } from 'node:crypto';
import { type DomainEvent, type EntityType, EVENT_TYPES, sensitiveFields } from '@sluice/contracts';

export type MaskAction = 'omit' | 'redact' | 'partial' | 'hash' | 'keep';

export interface MaskingPolicy {
  /** HMAC-SHA256 key for `hash`: the same input gives the same token, so analysts can join and count distinct. */
  readonly hmacKey: string;
  readonly actions: Readonly<Partial<Record<EntityType, MaskAction>>>;
}

/** The curated zone's default: nothing that identifies a person survives unmasked. */
export const DEFAULT_CURATED_ACTIONS: MaskingPolicy['actions'] = {
  PERSON_NAME: 'redact',
  EMAIL: 'hash',
  PHONE_NUMBER: 'partial',
  FREE_TEXT: 'redact',
};

// Good enough to find addresses inside free text; the full detector set arrives with the stream-etl issue.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function tokenize(value: string, key: string, entity: EntityType): string {
  const digest = createHmac('sha256', key).update(`${entity}:${value}`).digest('hex').slice(0, 24);
  return `tok_${digest}`;
}

/** Keeps the last 2 characters; never more than a quarter of the value. */
export function partialMask(value: string): string {
  const keep = Math.min(2, Math.floor(value.length / 4));
  return `${'*'.repeat(value.length - keep)}${value.slice(value.length - keep)}`;
}

function maskValue(value: string, entity: EntityType, action: MaskAction, key: string): string | undefined {
  switch (action) {
    case 'omit':
      return undefined;
    case 'keep':
      return value;
    case 'partial':
      return partialMask(value);
    case 'hash':
      return tokenize(value, key, entity);
    case 'redact':
      return entity === 'FREE_TEXT' ? value.replace(EMAIL_IN_TEXT, '[EMAIL]') : `[${entity}]`;
  }
}

// The annotations of a schema never change: read them once per event type, not once per event.
const sensitiveFieldsByType = new Map<DomainEvent['eventType'], [string, EntityType][]>();
function sensitiveFieldsOf(eventType: DomainEvent['eventType']): [string, EntityType][] {
  let fields = sensitiveFieldsByType.get(eventType);
  if (!fields) {
    fields = Object.entries(sensitiveFields(EVENT_TYPES[eventType].schema));
    sensitiveFieldsByType.set(eventType, fields);
  }
  return fields;
}

/** A masked copy of the event; fields with no annotation pass unchanged. */
export function maskEvent(event: DomainEvent, policy: MaskingPolicy): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...event };
  for (const [field, entity] of sensitiveFieldsOf(event.eventType)) {
    const value = masked[field];
    if (typeof value !== 'string') continue;
    const result = maskValue(value, entity, policy.actions[entity] ?? 'redact', policy.hmacKey);
    if (result === undefined) delete masked[field];
    else masked[field] = result;
  }
  return masked;
}
