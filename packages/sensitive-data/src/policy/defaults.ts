import type { EntityName } from '../types';
import type { FreeTextAction, MaskAction, Sink } from './actions';

export interface SinkActions {
  readonly freeText: FreeTextAction;
  readonly actions: Readonly<Partial<Record<EntityName, MaskAction>>>;
  /** For entities the sink does not list (custom patterns included). */
  readonly otherEntities: MaskAction;
}

const HASH: MaskAction = { kind: 'hash' };
const REDACT: MaskAction = { kind: 'redact' };
const LAST_FOUR: MaskAction = { kind: 'partial', keepLeft: 0, keepRight: 4, keepDomain: false };

/**
 * Privacy-first defaults: nothing that identifies a person reaches the curated zone or the warehouse
 * unmasked. Join keys (email, phone, IBAN, IP, MAC) become tokens so analysts can still join and count
 * distinct; cards keep their last four digits; SSNs, names and birth dates are redacted. Logs keep no
 * token and no free text at all: names in free text are not detected, so free text never goes to logs.
 */
// What analysts may see, in the curated zone and the warehouse alike.
const ANALYST_SAFE: SinkActions = {
  freeText: 'scan',
  actions: {
    EMAIL: HASH,
    PHONE_NUMBER: HASH,
    CREDIT_CARD: LAST_FOUR,
    IBAN: HASH,
    IP_ADDRESS: HASH,
    MAC_ADDRESS: HASH,
    US_SSN: REDACT,
    PERSON_NAME: REDACT,
    DATE_OF_BIRTH: REDACT,
  },
  otherEntities: REDACT,
};

export const DEFAULT_SINK_ACTIONS: Readonly<Record<Sink, SinkActions>> = {
  curated: ANALYST_SAFE,
  warehouse: ANALYST_SAFE,
  logs: {
    freeText: 'omit',
    actions: {},
    otherEntities: REDACT,
  },
};
