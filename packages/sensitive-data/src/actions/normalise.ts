import type { PhoneValidator } from '../detectors/phone-number';
import type { EntityName } from '../types';

/**
 * The form a value is hashed in, so that equal things get equal tokens however they were written:
 * emails in lower case, phones in E.164, card and SSN digits only, IBANs without spaces in upper case,
 * MAC and IP addresses in lower case (MAC separators dropped).
 *
 * @example
 * normaliseForToken(' Ada@Example.COM ', 'EMAIL', phones); // 'ada@example.com'
 * normaliseForToken('+44 20 7946 0958', 'PHONE_NUMBER', phones); // '+442079460958'
 */
export function normaliseForToken(value: string, entity: EntityName, phones: PhoneValidator): string {
  const trimmed = value.trim();
  switch (entity) {
    case 'EMAIL':
    case 'IP_ADDRESS':
      return trimmed.toLowerCase();
    case 'PHONE_NUMBER':
      return phones.toE164(trimmed) ?? trimmed.replace(/[^\d+]/g, '');
    case 'CREDIT_CARD':
    case 'US_SSN':
      return trimmed.replace(/\D/g, '');
    case 'IBAN':
      return trimmed.replace(/\s/g, '').toUpperCase();
    case 'MAC_ADDRESS':
      return trimmed.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    default:
      return trimmed;
  }
}
