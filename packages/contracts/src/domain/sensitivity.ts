import type { z } from 'zod';

/**
 * Entity types Sluice knows how to detect and mask. A field annotated with one of them is treated as
 * that entity wherever it flows; `FREE_TEXT` marks a field that must be scanned for any of the others.
 */
export const ENTITY_TYPES = [
  'PERSON_NAME',
  'EMAIL',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'US_SSN',
  'DATE_OF_BIRTH',
  'FREE_TEXT',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The metadata key under which a field's entity type is stored (also emitted into JSON Schema). */
export const SENSITIVE_META_KEY = 'x-sensitive';

/**
 * Marks a field as sensitive. The annotation travels with the schema (zod metadata), so the masking
 * stage and the generated JSON Schema read the same source of truth.
 *
 * @example
 * const email = sensitive(z.email(), 'EMAIL');
 */
export function sensitive<T extends z.ZodType>(schema: T, entity: EntityType): T {
  return schema.meta({ [SENSITIVE_META_KEY]: entity }) as T;
}

type Unwrappable = z.ZodType & { unwrap?: () => z.ZodType };

/** The entity type declared on a field, looking through `.optional()` / `.nullable()` wrappers. */
export function entityTypeOf(field: z.ZodType): EntityType | undefined {
  let current: Unwrappable | undefined = field as Unwrappable;
  while (current) {
    const entity = current.meta()?.[SENSITIVE_META_KEY];
    if (typeof entity === 'string') return entity as EntityType;
    current = typeof current.unwrap === 'function' ? (current.unwrap() as Unwrappable) : undefined;
  }
  return undefined;
}

/** Every sensitive field of an object schema, by field name. */
export function sensitiveFields(schema: z.ZodObject): Record<string, EntityType> {
  const fields: Record<string, EntityType> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const entity = entityTypeOf(field as z.ZodType);
    if (entity) fields[name] = entity;
  }
  return fields;
}
