import type { CountryCode } from 'libphonenumber-js/max';
import { isCreditCard } from '../detectors/credit-card';
import { type CustomPattern, compilePattern, customValidator } from '../detectors/custom-pattern';
import { isPlausibleDateOfBirth } from '../detectors/date-of-birth';
import { isEmail } from '../detectors/email';
import { isIban } from '../detectors/iban';
import { isIpAddress } from '../detectors/ip-address';
import { isMacAddress } from '../detectors/mac-address';
import { isPlausiblePersonName } from '../detectors/person-name';
import { createPhoneValidator, isPhoneNumber, type PhoneValidator } from '../detectors/phone-number';
import { isUsSsn } from '../detectors/us-ssn';
import type { EntityName, SensitiveEntity } from '../types';

/** What {@link detectValue} needs beyond the value: phone regions, custom patterns, and "now" for birth dates. */
export interface DetectValueOptions {
  readonly phoneRegions?: readonly CountryCode[];
  readonly customPatterns?: readonly CustomPattern[];
  readonly now?: Date;
}

/** The outcome for a value that is what its field declares. */
export interface ValueDetection {
  readonly entity: EntityName;
  readonly confidence: number;
}

const CONFIDENCE: Record<SensitiveEntity, number> = {
  EMAIL: 0.95,
  PHONE_NUMBER: 0.9,
  CREDIT_CARD: 0.99,
  IBAN: 0.99,
  IP_ADDRESS: 0.95,
  MAC_ADDRESS: 0.95,
  US_SSN: 0.9,
  PERSON_NAME: 0.7,
  DATE_OF_BIRTH: 0.8,
};

const phoneValidators = new WeakMap<readonly CountryCode[], PhoneValidator>();
function phoneValidatorFor(regions: readonly CountryCode[] | undefined): PhoneValidator | undefined {
  if (!regions) return undefined;
  let validator = phoneValidators.get(regions);
  if (!validator) {
    validator = createPhoneValidator(regions);
    phoneValidators.set(regions, validator);
  }
  return validator;
}

function matchesBuiltIn(value: unknown, entity: SensitiveEntity, options: DetectValueOptions): boolean {
  if (entity === 'DATE_OF_BIRTH') return isPlausibleDateOfBirth(value, options.now);
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  if (typeof text !== 'string') return false;
  switch (entity) {
    case 'EMAIL':
      return isEmail(text.trim());
    case 'PHONE_NUMBER':
      return isPhoneNumber(text, phoneValidatorFor(options.phoneRegions));
    case 'CREDIT_CARD':
      return isCreditCard(text);
    case 'IBAN':
      return isIban(text.trim());
    case 'IP_ADDRESS':
      return isIpAddress(text);
    case 'MAC_ADDRESS':
      return isMacAddress(text);
    case 'US_SSN':
      return isUsSsn(text);
    case 'PERSON_NAME':
      return isPlausiblePersonName(text);
  }
}

const BUILT_IN = new Set<string>(Object.keys(CONFIDENCE));

/**
 * Whether a whole value is the entity its field declares (a declared field is its own context, so no
 * context words are needed). Used to check annotations and to classify columns; masking does not depend
 * on it: a declared field is masked whatever its value looks like.
 *
 * @example
 * detectValue('ada@example.com', 'EMAIL'); // { entity: 'EMAIL', confidence: 0.95 }
 * detectValue('4111 1111 1111 1112', 'CREDIT_CARD'); // undefined: fails Luhn
 * detectValue('1985-03-12', 'DATE_OF_BIRTH'); // { entity: 'DATE_OF_BIRTH', confidence: 0.8 }
 */
export function detectValue(
  value: unknown,
  declaredEntity: EntityName,
  options: DetectValueOptions = {},
): ValueDetection | undefined {
  if (BUILT_IN.has(declaredEntity)) {
    const entity = declaredEntity as SensitiveEntity;
    return matchesBuiltIn(value, entity, options) ? { entity, confidence: CONFIDENCE[entity] } : undefined;
  }
  const custom = options.customPatterns?.find((pattern) => pattern.name === declaredEntity);
  if (!custom || typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const match = compilePattern(custom.name, custom.pattern).exec(trimmed);
  if (match?.index !== 0 || match[0].length !== trimmed.length) return undefined;
  const validate = customValidator(custom.validate);
  return !validate || validate(trimmed) ? { entity: custom.name, confidence: custom.confidence ?? 0.8 } : undefined;
}
