import type { EntityType } from '@sluice/contracts';
import { applyAction } from '../actions/apply';
import { UnknownEntityError } from '../errors';
import type { Sink } from '../policy/actions';
import type { SensitiveDataPolicy } from '../policy/policy';
import type { EntityName } from '../types';
import { addCount, type EntityCounts, emptyCounts } from './counts';
import { maskText } from './mask-text';

/** The masked copy of a record and what was found in it. */
export interface MaskRecordResult extends EntityCounts {
  readonly masked: Record<string, unknown>;
}

/** A field's annotation: a built-in entity, `FREE_TEXT`, or a custom pattern's name. */
export type FieldAnnotations = Readonly<Record<string, EntityType | EntityName>>;

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

function maskDeclared(
  value: unknown,
  entity: EntityName,
  policy: SensitiveDataPolicy,
  sink: Sink,
  counts: EntityCounts,
): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    return value.map((item) => maskDeclared(item, entity, policy, sink, counts)).filter((item) => item !== undefined);
  }
  addCount(counts, entity);
  const action = policy.actionFor(sink, entity);
  const text = asText(value);
  // An object in a declared field cannot be masked piecewise: it is replaced whole (or omitted, or audited).
  if (text === undefined) {
    if (action.kind === 'omit') return undefined;
    return action.kind === 'audit' ? value : `[${entity}]`;
  }
  return applyAction(text, entity, action, policy);
}

function maskFreeText(value: unknown, policy: SensitiveDataPolicy, sink: Sink, counts: EntityCounts): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    return value.map((item) => maskFreeText(item, policy, sink, counts)).filter((item) => item !== undefined);
  }
  addCount(counts, 'FREE_TEXT');
  const action = policy.freeTextAction(sink);
  if (action === 'omit') return undefined;
  if (action === 'redact') return '[FREE_TEXT]';
  const text = asText(value);
  if (text === undefined) return action === 'audit' ? value : '[FREE_TEXT]';
  const result = maskText(text, policy, sink, counts);
  return action === 'audit' ? value : result.text;
}

/**
 * Masks a record for one sink. Declared fields are masked by their entity's action whatever the value
 * looks like (the annotation is the source of truth); FREE_TEXT fields are scanned and each finding is
 * masked by its own entity's action. Fields without annotation pass unchanged; `omit` removes the field.
 * Counts: one per non-null declared value, one per finding in free text, and FREE_TEXT counts the free-text
 * values processed.
 *
 * @example
 * const { masked, counts } = maskRecord(
 *   { email: 'ada@example.com', comment: 'call me on +44 20 7946 0958', total: 12.5 },
 *   { email: 'EMAIL', comment: 'FREE_TEXT' },
 *   policy,
 *   'curated',
 * );
 * // masked: { email: 'tok_…', comment: 'call me on tok_…', total: 12.5 }; counts.EMAIL = 1, counts.PHONE_NUMBER = 1
 * @throws {UnknownEntityError} when an annotation names an entity the policy does not know.
 */
export function maskRecord(
  record: Readonly<Record<string, unknown>>,
  fieldAnnotations: FieldAnnotations,
  policy: SensitiveDataPolicy,
  sink: Sink,
): MaskRecordResult {
  const masked: Record<string, unknown> = { ...record };
  const counts = emptyCounts();
  for (const [field, entity] of Object.entries(fieldAnnotations)) {
    if (entity !== 'FREE_TEXT' && !policy.isKnownEntity(entity)) throw new UnknownEntityError(field, entity);
    if (!Object.hasOwn(masked, field)) continue;
    const value = masked[field];
    const result =
      entity === 'FREE_TEXT'
        ? maskFreeText(value, policy, sink, counts)
        : maskDeclared(value, entity, policy, sink, counts);
    if (result === undefined) delete masked[field];
    else masked[field] = result;
  }
  return { masked, ...counts };
}
