import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { createPhoneValidator, isPhoneNumber } from './phone-number';

const phones = (text: string) => found(text, 'PHONE_NUMBER');

describe('PHONE_NUMBER in free text', () => {
  it.each([
    ['Call me on +44 20 7946 0958 tomorrow', '+44 20 7946 0958'],
    ['I am at +31 6 12345678 most days', '+31 6 12345678'],
    ['numbers: 0049 30 901820', '0049 30 901820'],
    ['tel:+14155552671.', '+14155552671'],
    ['Mobile/WhatsApp: +49 (0)1512 3456789.', '+49 (0)1512 3456789'],
    ['Text me on +1-415-555-2671, not email', '+1-415-555-2671'],
    ['Urgent (0081 90 1234 5678).', '0081 90 1234 5678'],
  ])('finds international numbers without context: %s', (text, phone) => {
    expect(phones(text)).toEqual([phone]);
  });

  it.each([
    ['Call me at (415) 555-2671 tomorrow', '(415) 555-2671'],
    ['My mobile is 06 12345678.', '06 12345678'],
    ['Tel. 020 7946 0958', '020 7946 0958'],
    ['My cell: 415.555.2671.', '415.555.2671'],
    ['Please ring me on 06 12 34 56 78', '06 12 34 56 78'],
    ['0612345678 (mobile)', '0612345678'],
  ])('finds national numbers next to a context word: %s', (text, phone) => {
    expect(phones(text)).toEqual([phone]);
  });

  it('needs a context word for a national number', () => {
    expect(phones('I tried (415) 555-2671 twice')).toEqual([]);
    expect(phones('Batch 06 12345678 failed QA')).toEqual([]);
  });

  it.each([
    'Please call me on 2026-11-25 to reschedule',
    'call me on 25.11.2026 or 11/25/2026',
    'call me 20261125',
    'My phone cost 1.299,00 € and the case $1,299.00',
    'My phone cost EUR 2 499,00',
    'Please call me about order 48291045.',
    'Call the front desk, room 1204.',
    'call me after 14:30:15',
    'phone battery at 87.5%',
    'call me, I live at 1600 Amphitheatre Parkway, Mountain View, CA 94043',
    'My phone IMEI is 352099001761481.',
    'call since 1998 2005 2012',
    'phone version 10.0.0.0.1',
    'call me about invoice 2026/004211',
  ])('does not mistake dates, prices, ids or years for phones: %s', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('keeps context within the sentence', () => {
    expect(phones('Call me please. Reference 0612345678 is on the parcel.')).toEqual([]);
  });

  it('trims trailing numbers that are not part of the phone', () => {
    expect(phones('Call me on 06 12345678 2 times')).toEqual(['06 12345678']);
  });
});

describe('isPhoneNumber (declared fields)', () => {
  it('accepts valid international and national numbers', () => {
    expect(isPhoneNumber('+44 20 7946 0958')).toBe(true);
    expect(isPhoneNumber('(415) 555-2671')).toBe(true);
  });

  it('rejects invalid numbers, dates and prices', () => {
    expect(isPhoneNumber('+44 20 7946')).toBe(false);
    expect(isPhoneNumber('2026-11-25')).toBe(false);
    expect(isPhoneNumber('1.299,00')).toBe(false);
    expect(isPhoneNumber('hello')).toBe(false);
  });

  it('tries only the configured regions for national numbers', () => {
    expect(isPhoneNumber('06 12345678', createPhoneValidator(['NL']))).toBe(true);
    expect(isPhoneNumber('06 12345678', createPhoneValidator(['US']))).toBe(false);
  });

  it('normalises to E.164', () => {
    const validator = createPhoneValidator(['US', 'NL']);
    expect(validator.toE164('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(validator.toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(validator.toE164('06 12345678')).toBe('+31612345678');
  });
});
