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

  // Shapes the traffic generator's feedback comments leaked before (privacy audit, seed 11).
  it.each([
    ["I'd like to speak next year: +81704480600 Rated 2 of 5.", '+81704480600'],
    ['My number is +97668193331, text me about the meetup.', '+97668193331'],
    ['Hi, +20 879 880 138 is where I am.', '+20 879 880 138'],
  ])('finds international numbers libphonenumber does not list as valid but possible: %s', (text, phone) => {
    expect(createPhoneValidator().toE164(phone)).toBeUndefined();
    expect(phones(text)).toEqual([phone]);
  });

  it('takes an international number of an odd length only next to a context word', () => {
    expect(phones('Call me on +9949592794796 if you need a volunteer.')).toEqual(['+9949592794796']);
    expect(phones('Counted +9949592794796 so far.')).toEqual([]);
    expect(phones('Counter +4912345 hits')).toEqual([]);
  });

  it('takes a national number of a region that is not configured next to a context word, if it opens with a trunk 0', () => {
    expect(phones('My number is 01420 23181064, text me about the meetup.')).toEqual(['01420 23181064']);
    expect(phones('Call me on (0745) 37326 45 tonight.')).toEqual(['(0745) 37326 45']);
  });

  it('takes a national number after a label colon when it is valid in a configured region', () => {
    expect(phones("I'd like to speak next year: 012-439-3759")).toEqual(['012-439-3759']);
    expect(phones('Next year: 048-050-9795 works.')).toEqual(['048-050-9795']);
    expect(phones('I tried 012-439-3759 twice')).toEqual([]);
  });

  it.each([
    'Seats: 120 140 160 180',
    'Attendance: 1200 1350 1500',
    'Totals: 2026 11 25',
    'Serial: 06 12 34 56 78',
    'ISBN: 978-3-16-148410-0',
    'Ticket: 0612 345 678',
  ])('does not take numbers after a colon that are no phones: %s', (text) => {
    expect(phones(text)).toEqual([]);
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

  it('classifies how sure it is', () => {
    const validator = createPhoneValidator();
    expect(validator.classify('+44 20 7946 0958')).toEqual({ e164: '+442079460958', strength: 'valid' });
    expect(validator.classify('+81704480600')).toEqual({ e164: '+81704480600', strength: 'possible' });
    expect(validator.classify('+9949592794796')?.strength).toBe('dialable');
    expect(validator.classify('+999 1234 5678')).toBeUndefined();
  });

  it('normalises to E.164', () => {
    const validator = createPhoneValidator(['US', 'NL']);
    expect(validator.toE164('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(validator.toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(validator.toE164('06 12345678')).toBe('+31612345678');
  });
});
