import type { EntityType } from '@sluice/contracts';

/** Every entity a value can be; `FREE_TEXT` is not one of them, it marks a field to scan for the others. */
export type SensitiveEntity = Exclude<EntityType, 'FREE_TEXT'>;

/** The built-in entities found by scanning free text. PERSON_NAME and DATE_OF_BIRTH are declared-field only. */
export const TEXT_ENTITIES = [
  'EMAIL',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'US_SSN',
] as const satisfies readonly SensitiveEntity[];
export type TextEntity = (typeof TEXT_ENTITIES)[number];

/** A built-in entity or the name of a custom pattern from the policy (upper snake case, e.g. `EMPLOYEE_ID`). */
export type EntityName = SensitiveEntity | (string & {});

/**
 * One sensitive span found in a text. `start`/`end` are UTF-16 offsets (`text.slice(start, end)`).
 * `value` is only present when the scan asked for it (`includeValues`), so findings can be logged safely.
 */
export interface Finding {
  readonly entity: EntityName;
  readonly start: number;
  readonly end: number;
  readonly value?: string;
  /** 0..1: how sure the detector is; context words and checksums raise it. */
  readonly confidence: number;
}
