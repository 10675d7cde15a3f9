import { ENTITY_TYPES, type EntityType } from '@sluice/contracts';
import type { EntityName } from '../types';

/** Findings per entity for metrics; custom patterns are counted apart, by name. */
export interface EntityCounts {
  readonly counts: Record<EntityType, number>;
  readonly customCounts: Record<string, number>;
}

const BUILT_IN = new Set<string>(ENTITY_TYPES);

export function emptyCounts(): EntityCounts {
  return {
    counts: Object.fromEntries(ENTITY_TYPES.map((entity) => [entity, 0])) as Record<EntityType, number>,
    customCounts: {},
  };
}

export function addCount(target: EntityCounts, entity: EntityName | EntityType, by = 1): void {
  if (BUILT_IN.has(entity)) target.counts[entity as EntityType] += by;
  else target.customCounts[entity] = (target.customCounts[entity] ?? 0) + by;
}
