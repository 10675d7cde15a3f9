import { ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { isIban } from './iban';

const ibans = (text: string) => found(text, 'IBAN');

describe('IBAN', () => {
  it.each([
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'GB29NWBK60161331926819',
    'FR1420041010050500013M02606',
    'NL91 ABNA 0417 1643 00',
    'BE68539007547034',
  ])('accepts %s', (value) => {
    expect(isIban(value)).toBe(true);
    expect(ibans(`Please refund to ${value}, thanks`)).toEqual([value]);
  });

  it('an IBAN with a bad checksum is not an IBAN', () => {
    expect(isIban('DE89370400440532013001')).toBe(false);
    expect(isIban('DE88370400440532013000')).toBe(false);
    expect(ibans('IBAN DE88 3704 0044 0532 0130 00 seems wrong')).toEqual([]);
  });

  it.each([
    'HR77 1517 0351 0731 0975 9',
    'HR3645029880024967199',
    'PT83 0235 6031 2100 1245 0009 3',
    'BE22954660004834',
    'SK16 8001 2391 9905 1009 5626',
  ])('accepts %s: mod-97 valid, though its national check digit is wrong', (value) => {
    expect(validateIBAN(value.replace(/ /g, '')).errorCodes).toEqual([
      ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
    ]);
    expect(isIban(value)).toBe(true);
    expect(ibans(`Send the reimbursement to IBAN ${value} please.`)).toEqual([value]);
  });

  it('a wrong national check digit does not rescue a bad mod-97 checksum', () => {
    expect(isIban('HR78 1517 0351 0731 0975 9')).toBe(false);
    expect(ibans('Send it to IBAN HR78 1517 0351 0731 0975 9 please.')).toEqual([]);
  });

  it('rejects a wrong length for the country', () => {
    expect(isIban('DE8937040044053201300')).toBe(false);
    expect(isIban('NL91ABNA04171643001')).toBe(false);
  });

  it('rejects unknown countries', () => {
    expect(isIban('XX89370400440532013000')).toBe(false);
  });

  it('ends the IBAN at the country length, not at the next word', () => {
    expect(ibans('IBAN:DE89 3704 0044 0532 0130 00 IS my account')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('does not take an IBAN glued to other characters', () => {
    expect(ibans('xDE89370400440532013000')).toEqual([]);
    expect(ibans('DE893704004405320130001')).toEqual([]);
  });
});
