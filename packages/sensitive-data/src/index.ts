/**
 * @sluice/sensitive-data: finds and masks sensitive data the way Glue's "Detect sensitive data" transform
 * does, with precision as important as recall. Declared fields are masked by their annotation; free text
 * is scanned by detectors that pair patterns with checksums, libphonenumber and context words.
 */

export { applyAction } from './actions/apply';
export { normaliseForToken } from './actions/normalise';
export { partialMask } from './actions/partial';
export {
  type ClassifyOptions,
  type ColumnClassification,
  type ColumnEntityShare,
  classifyColumns,
} from './classify/classify-columns';
export { type GenerateCorpusOptions, generateCorpus } from './corpus/generate';
export { type EntityScore, measurePrecisionRecall, type PrecisionRecallReport } from './corpus/measure';
export type { DecoyKind, LabelledCorpus, LabelledText, LabelledValue, PlantedSpan } from './corpus/types';
export { CARD_RANGES, cardBrand, isCreditCard } from './detectors/credit-card';
export { type CustomPattern, type CustomValidator, compilePattern } from './detectors/custom-pattern';
export { isPlausibleDateOfBirth, parseDateOfBirth } from './detectors/date-of-birth';
export type { Match, TextDetector } from './detectors/detector';
export { isEmail } from './detectors/email';
export { isIban } from './detectors/iban';
export { isIpAddress } from './detectors/ip-address';
export { isMacAddress } from './detectors/mac-address';
export { isPlausiblePersonName } from './detectors/person-name';
export {
  createPhoneValidator,
  DEFAULT_PHONE_REGIONS,
  isPhoneNumber,
  type PhoneValidator,
} from './detectors/phone-number';
export { isUsSsn, isValidSsnNumber } from './detectors/us-ssn';
export {
  InvalidPatternError,
  InvalidPolicyError,
  SensitiveDataError,
  type SensitiveDataErrorCode,
  UnknownEntityError,
} from './errors';
export type { EntityCounts } from './mask/counts';
export { type FieldAnnotations, type MaskRecordResult, maskRecord } from './mask/mask-record';
export { maskText } from './mask/mask-text';
export {
  CARD_MAX_KEEP_LEFT,
  CARD_MAX_KEEP_RIGHT,
  type FreeTextAction,
  type MaskAction,
  type PartialAction,
  SINKS,
  type Sink,
} from './policy/actions';
export { DEFAULT_SINK_ACTIONS, type SinkActions } from './policy/defaults';
export {
  type ActionConfig,
  parseSensitiveDataPolicy,
  policyConfigSchema,
  type SensitiveDataPolicy,
  type SensitiveDataPolicyConfig,
} from './policy/policy';
export { type DetectValueOptions, detectValue, type ValueDetection } from './scan/detect-value';
export { createScanner, resolveOverlaps, type Scanner, type ScanOptions, scanText } from './scan/scanner';
export { type EntityName, type Finding, type SensitiveEntity, TEXT_ENTITIES, type TextEntity } from './types';
