/**
 * The local cloud's traffic generator: seeded, realistic conference-attendee events (with malformed records,
 * at-least-once duplicates and PII hidden in free text, each labelled as ground truth) and a paced sender that
 * counts exactly what it delivered.
 */
export { isIbanChecksumValid, isLuhnValid } from './checksums';
export type { CountryProfile } from './countries';
export { countryProfiles } from './countries';
export { TrafficSendError } from './errors';
export type { Comment, EmbeddedEntityType, EmbeddedPii } from './free-text';
export { createEventGenerator, type EventGenerator, type GeneratedRecord } from './generate-events';
export {
  DEFAULT_START_DATE,
  type EventGeneratorOptions,
  type ResolvedGeneratorOptions,
} from './generator-options';
export { MALFORMATION_KINDS, type MalformationKind } from './malformations';
export { referenceDataObjects, seedReferenceData } from './reference-data';
export { type ConferenceSession, createSessionCatalog, type SessionCatalogOptions } from './session-catalog';
export { type RecordSource, runTraffic, type SendRecords, type TrafficOptions, type TrafficResult } from './traffic';
export type { TrafficCounts } from './traffic-counts';
