import type { GeneratedRecord } from '@sluice/local-cloud';

export type PlantedEntity = 'EMAIL' | 'PHONE_NUMBER' | 'CREDIT_CARD' | 'IBAN';

/** One value the generator planted, and the forms it could leak in. */
export interface PlantedValue {
  readonly entity: PlantedEntity;
  readonly value: string;
  /** Lower-case with spaces, dashes, dots, slashes and brackets removed: catches a re-formatted leak. */
  readonly compact: string;
}

const decoder = new TextDecoder();

/** Lower case without the separators people put in phone, card and account numbers. */
export const compactForm = (text: string): string => text.toLowerCase().replaceAll(/[ \t\-./()]/g, '');

/**
 * Every e-mail, phone, card number and IBAN the generator put into the records it produced: the declared
 * `email` and `phone` fields of every record that parses as JSON (valid, duplicate or malformed), and the PII
 * each feedback comment leaks (the generator's own ground truth). Values shorter than 6 compact characters are
 * dropped: they would match by chance and prove nothing.
 */
export function plantedPii(records: readonly GeneratedRecord[]): PlantedValue[] {
  const byKey = new Map<string, PlantedValue>();
  const add = (entity: PlantedEntity, value: unknown) => {
    if (typeof value !== 'string') return;
    const compact = compactForm(value);
    if (compact.length < 6) return;
    byKey.set(`${entity}|${value}`, { entity, value, compact });
  };
  for (const record of records) {
    for (const pii of record.embeddedPii ?? []) add(pii.entity, pii.value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(record.data));
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object') continue;
    const fields = parsed as { email?: unknown; phone?: unknown };
    if (typeof fields.email === 'string' && fields.email.includes('@')) add('EMAIL', fields.email);
    add('PHONE_NUMBER', fields.phone);
  }
  return [...byKey.values()];
}

/** A body of text to scan, with where it came from. */
export interface ScannedSource {
  readonly name: string;
  readonly text: string;
}

export interface Leak {
  readonly source: string;
  readonly entity: PlantedEntity;
  readonly value: string;
}

/**
 * Finds planted values in the sources, verbatim or in compact form (a phone written without spaces, a card
 * number with dashes). Phone numbers are only matched in compact form when at least 8 digits long, as shorter
 * digit runs occur in ordinary numbers.
 */
export function findLeaks(sources: readonly ScannedSource[], values: readonly PlantedValue[]): Leak[] {
  const leaks: Leak[] = [];
  for (const source of sources) {
    const lower = source.text.toLowerCase();
    const compact = compactForm(source.text);
    for (const planted of values) {
      const verbatim = lower.includes(planted.value.toLowerCase());
      const reformatted = planted.compact.length >= 8 && compact.includes(planted.compact);
      if (verbatim || reformatted) leaks.push({ source: source.name, entity: planted.entity, value: planted.value });
    }
  }
  return leaks;
}
