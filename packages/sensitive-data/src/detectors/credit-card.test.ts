import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { cardBrand, isCreditCard } from './credit-card';

const cards = (text: string) => found(text, 'CREDIT_CARD');

describe('CREDIT_CARD', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['4111 1111 1111 1111', 'visa'],
    ['5500-0000-0000-0004', 'mastercard'],
    ['2223 0031 2200 3222', 'mastercard'],
    ['3782 822463 10005', 'amex'],
    ['6011 1111 1111 1117', 'discover'],
    ['3530 1113 3330 0000', 'jcb'],
    ['3056 930902 5904', 'diners'],
  ])('accepts %s (%s)', (value, brand) => {
    expect(isCreditCard(value)).toBe(true);
    expect(cardBrand(value.replace(/\D/g, ''))).toBe(brand);
    expect(cards(`card ${value} was declined`)).toEqual([value]);
  });

  it('a 16-digit number failing Luhn is not a card', () => {
    expect(isCreditCard('4111 1111 1111 1112')).toBe(false);
    expect(cards('Card 4111 1111 1111 1112 was rejected?')).toEqual([]);
  });

  it('a Luhn-valid number outside every IIN range is not a card', () => {
    expect(isCreditCard('9999999999999995')).toBe(false);
  });

  it('rejects mixed separators and odd groupings', () => {
    expect(isCreditCard('4111-1111 1111-1111')).toBe(false);
    expect(isCreditCard('41 1111 1111 1111 11')).toBe(false);
  });

  it('rejects a card-range, Luhn-valid number after an identifier word', () => {
    expect(cards('Tracking number 4111111111111111.')).toEqual([]);
    expect(cards('Order #4111111111111111 shipped')).toEqual([]);
  });

  it('accepts "#" after a card word', () => {
    expect(cards('CC#4111 1111 1111 1111 exp 12/27')).toEqual(['4111 1111 1111 1111']);
  });

  it('does not take part of a longer number', () => {
    expect(cards('ref 4111 1111 1111 1111 1111 1111')).toEqual([]);
    expect(cards('value 14111111111111111')).toEqual([]);
    expect(cards('amount 4111111111111111.50')).toEqual([]);
  });

  it('drops a trailing CVV-sized group', () => {
    expect(cards('card 4111 1111 1111 1111 123')).toEqual(['4111 1111 1111 1111']);
  });
});
