import type { CountryCode } from 'libphonenumber-js/max';
import type { CustomPattern } from '../detectors/custom-pattern';
import { detectValue } from '../scan/detect-value';
import { createScanner, type Scanner } from '../scan/scanner';
import { type EntityName, TEXT_ENTITIES } from '../types';

export interface ClassifyOptions {
  /** Rows read, spread evenly over the input; default 1,000. */
  readonly sampleSize?: number;
  /** Share of non-null sampled values an entity needs for the column to be classified as it; default 0.1. */
  readonly threshold?: number;
  readonly phoneRegions?: readonly CountryCode[];
  readonly customPatterns?: readonly CustomPattern[];
  /** For birth dates ("in the past"); default the current time. */
  readonly now?: Date;
}

export interface ColumnEntityShare {
  readonly entity: EntityName;
  /** Sampled non-null values that are, or contain, this entity. */
  readonly count: number;
  /** `count` / non-null sampled values. */
  readonly share: number;
}

export interface ColumnClassification {
  readonly column: string;
  readonly sampled: number;
  readonly nonNull: number;
  /** Every entity seen, by descending share. */
  readonly entities: readonly ColumnEntityShare[];
  /** The entities whose share reaches the threshold. */
  readonly classifiedAs: readonly EntityName[];
}

// Names and birth dates are only looked for where the column name says so: "Rose" and "2019-03-01" are
// too common as other things to classify a column by value alone.
const NAME_COLUMN =
  /^(?:(?:first|last|full|given|family|middle|sur|customer|contact|person|holder|cardholder|card_holder|account_holder)[_ -]?)?name$|^(?:first|last|sur)name$/i;
// Whole values that are only digits are phones or SSNs by shape alone ("4155552671" could as well be an
// order id): they count only in columns named for them, unless written in the entity's own form.
const PHONE_COLUMN = /phone|mobile|cell|tel|fax|msisdn|whatsapp/i;
const SSN_COLUMN = /ssn|social_?security|social_?sec/i;
const INTERNATIONAL_PHONE = /^\s*(?:\+|00\d{1,3}[\s-])/;
const DASHED_SSN = /^\s*\d{3}-\d{2}-\d{4}\s*$/;

function shapeIsEnough(entity: EntityName, text: string, column: string): boolean {
  if (entity === 'PHONE_NUMBER') return PHONE_COLUMN.test(column) || INTERNATIONAL_PHONE.test(text);
  if (entity === 'US_SSN') return SSN_COLUMN.test(column) || DASHED_SSN.test(text);
  return true;
}

const BIRTH_COLUMN = /(?:^|_|-)(?:dob|birth|birthdate|birthday|date_of_birth|birth_date)(?:$|_|-)|^(?:dob|birthdate)$/i;

function sample<T>(rows: readonly T[], size: number): T[] {
  if (rows.length <= size) return [...rows];
  const stride = rows.length / size;
  return Array.from({ length: size }, (_, index) => rows[Math.floor(index * stride)] as T);
}

function entitiesIn(
  value: unknown,
  column: string,
  scanner: Scanner,
  valueEntities: readonly EntityName[],
  options: ClassifyOptions,
): Set<EntityName> {
  const found = new Set<EntityName>();
  if (NAME_COLUMN.test(column) && detectValue(value, 'PERSON_NAME')) found.add('PERSON_NAME');
  if (BIRTH_COLUMN.test(column) && detectValue(value, 'DATE_OF_BIRTH', options)) found.add('DATE_OF_BIRTH');
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  if (text === undefined) return found;
  for (const entity of valueEntities) {
    if (shapeIsEnough(entity, text, column) && detectValue(text, entity, options)) {
      found.add(entity);
      return found;
    }
  }
  for (const finding of scanner.scan(text)) found.add(finding.entity);
  return found;
}

/**
 * Samples rows and reports, per column, which entities its values are or contain and in what share of
 * the non-null values, like Glue's "Detect sensitive data" in column-classification mode. A value counts
 * for an entity when the whole value is one or free text contains one. The column name stands in for
 * context where a value's shape alone is ambiguous: names, birth dates, national phone numbers and bare
 * 9-digit SSNs count only in columns named for them.
 *
 * @example
 * classifyColumns(rows, { sampleSize: 500, threshold: 0.5 });
 * // [{ column: 'email', sampled: 500, nonNull: 480, entities: [{ entity: 'EMAIL', count: 478, share: 0.996 }],
 * //    classifiedAs: ['EMAIL'] }, …]
 */
export function classifyColumns(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ClassifyOptions = {},
): ColumnClassification[] {
  const sampleSize = options.sampleSize ?? 1000;
  const threshold = options.threshold ?? 0.1;
  const scanner = createScanner({
    ...(options.phoneRegions ? { phoneRegions: options.phoneRegions } : {}),
    ...(options.customPatterns ? { customPatterns: options.customPatterns } : {}),
  });
  const valueEntities: EntityName[] = [
    ...TEXT_ENTITIES,
    ...(options.customPatterns ?? []).map((custom) => custom.name),
  ];
  const sampled = sample(rows, sampleSize);
  const columns = new Map<string, { nonNull: number; counts: Map<EntityName, number> }>();
  for (const row of sampled) {
    for (const [column, value] of Object.entries(row)) {
      let stats = columns.get(column);
      if (!stats) {
        stats = { nonNull: 0, counts: new Map() };
        columns.set(column, stats);
      }
      if (value === null || value === undefined || value === '') continue;
      stats.nonNull++;
      for (const entity of entitiesIn(value, column, scanner, valueEntities, options)) {
        stats.counts.set(entity, (stats.counts.get(entity) ?? 0) + 1);
      }
    }
  }
  return [...columns].map(([column, stats]) => {
    const entities = [...stats.counts]
      .map(([entity, count]) => ({ entity, count, share: stats.nonNull === 0 ? 0 : count / stats.nonNull }))
      .sort((a, b) => b.share - a.share);
    return {
      column,
      sampled: sampled.length,
      nonNull: stats.nonNull,
      entities,
      classifiedAs: entities.filter(({ share }) => share >= threshold).map(({ entity }) => entity),
    };
  });
}
