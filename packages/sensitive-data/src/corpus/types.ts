import type { EntityName } from '../types';

/** A span of a labelled text, with the text it covers. */
export interface PlantedSpan {
  readonly entity: EntityName;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Things that look like entities and are not: a detector that finds one has made a false positive. */
export type DecoyKind =
  | 'date'
  | 'time'
  | 'timestamp'
  | 'price'
  | 'order-id'
  | 'invoice-number'
  | 'room-number'
  | 'street-address'
  | 'version'
  | 'card-failing-luhn'
  | 'luhn-valid-tracking-number'
  | 'iban-bad-checksum'
  | 'nine-digits-no-context'
  | 'year'
  | 'percentage'
  | 'decimal'
  | 'isbn'
  | 'phone-like-no-context'
  | 'imei'
  | 'one-time-code'
  | 'dimensions'
  | 'sort-code'
  | 'account-number'
  | 'zip-code';

export interface DecoySpan {
  readonly kind: DecoyKind;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** A free-text comment with the exact spans of every planted entity and decoy. */
export interface LabelledText {
  readonly text: string;
  readonly entities: readonly PlantedSpan[];
  readonly decoys: readonly DecoySpan[];
}

/** A value of a declared field (names and birth dates are only detected there) and whether it is one. */
export interface LabelledValue {
  readonly declared: 'PERSON_NAME' | 'DATE_OF_BIRTH';
  readonly value: string;
  readonly positive: boolean;
}

export interface LabelledCorpus {
  readonly seed: number;
  /** The "today" birth dates were generated against. */
  readonly now: Date;
  readonly texts: readonly LabelledText[];
  readonly values: readonly LabelledValue[];
}
