import { EVENT_TYPES, type EventType } from '@sluice/contracts';
import type { z } from 'zod';

export type ColumnType = 'string' | 'double' | 'bigint' | 'int' | 'boolean' | 'timestamp';

export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  /** The event field the column comes from. */
  readonly field: string;
}

/** camelCase field → snake_case column (`attendeeId` → `attendee_id`). */
export function columnNameOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type ZodDef = { type: string; innerType?: z.ZodType; format?: string; values?: unknown[] };

function columnTypeOf(field: string, schema: z.ZodType): ColumnType {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
    return columnTypeOf(field, def.innerType as z.ZodType);
  }
  if (field === 'occurredAt') return 'timestamp';
  switch (def.type) {
    case 'number':
      return def.format === 'safeint' ? 'int' : 'double';
    case 'int':
      return 'int';
    case 'boolean':
      return 'boolean';
    case 'literal':
      return typeof def.values?.[0] === 'number' ? 'int' : 'string';
    default:
      return 'string';
  }
}

/** The columns of an event type's own contract fields, in schema order. */
export function contractColumnsOf(eventType: EventType): ColumnDefinition[] {
  const shape = EVENT_TYPES[eventType].schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([field, schema]) => ({
    name: columnNameOf(field),
    type: columnTypeOf(field, schema),
    field,
  }));
}

/**
 * The lake/warehouse columns of an event type: its contract fields, then the columns the stream's
 * enrichment adds from reference data. Both come from the contract, so a new field there becomes a new
 * column with no other change.
 */
export function columnsOf(eventType: EventType): ColumnDefinition[] {
  const enriched = EVENT_TYPES[eventType].enrichedColumns.map(({ field, type }) => ({
    name: columnNameOf(field),
    type,
    field,
  }));
  return [...contractColumnsOf(eventType), ...enriched];
}

export const PARTITION_COLUMN: ColumnDefinition = { name: 'dt', type: 'string', field: 'occurredAt' };
