import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIbanChecksumValid, isLuhnValid, luhnCheckDigit } from './checksums';
import { cardNumber, ibanFor } from './payment-data';
import { SeededRandom } from './random';
import { SeededFakers } from './seeded-fakers';

describe('isLuhnValid', () => {
  it('accepts published test card numbers in any grouping', () => {
    for (const number of ['4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005', '79927398713']) {
      expect(isLuhnValid(number), number).toBe(true);
    }
  });

  it('rejects a number with one digit changed, and anything that is not digits', () => {
    expect(isLuhnValid('4111 1111 1111 1112')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 111a')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });

  it('agrees with luhnCheckDigit for any payload', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,18}$/), (payload) => {
        expect(isLuhnValid(payload + String(luhnCheckDigit(payload)))).toBe(true);
        expect(isLuhnValid(payload + String((luhnCheckDigit(payload) + 1) % 10))).toBe(false);
      }),
    );
  });
});

describe('isIbanChecksumValid', () => {
  it('accepts the ISO 13616 examples, with or without spaces', () => {
    for (const iban of ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'nl91abna0417164300']) {
      expect(isIbanChecksumValid(iban), iban).toBe(true);
    }
  });

  it('rejects a transposition and malformed input', () => {
    expect(isIbanChecksumValid('GB82 WEST 1234 5698 7654 23')).toBe(false);
    expect(isIbanChecksumValid('GB82')).toBe(false);
    expect(isIbanChecksumValid('12 3456 7890 1234 56')).toBe(false);
  });
});

describe('payment data for PII comments', () => {
  it('makes Luhn-valid card numbers with real issuer prefixes and lengths', () => {
    const random = new SeededRandom(3);
    for (let index = 0; index < 2_000; index++) {
      const card = cardNumber(random);
      const digits = card.replace(/\D/g, '');
      expect(isLuhnValid(card), card).toBe(true);
      expect(digits).toMatch(/^(4\d{15}|5[1-5]\d{14}|2(221|720)\d{12}|3[47]\d{13})$/);
    }
  });

  it("makes checksum-valid IBANs, for the attendee's country when it has IBANs", () => {
    const random = new SeededRandom(4);
    const faker = new SeededFakers(random).english;
    expect(ibanFor(faker, random, 'NL').replace(/\s/g, '')).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
    for (const country of ['DE', 'FR', 'US', 'JP', 'BR']) {
      for (let index = 0; index < 200; index++) expect(isIbanChecksumValid(ibanFor(faker, random, country))).toBe(true);
    }
  });
});
