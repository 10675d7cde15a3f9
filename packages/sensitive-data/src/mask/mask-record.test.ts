import { describe, expect, it } from 'vitest';
import { UnknownEntityError } from '../errors';
import { testPolicy } from '../test-support';
import { maskRecord } from './mask-record';
import { maskText } from './mask-text';

const annotations = {
  customerName: 'PERSON_NAME',
  email: 'EMAIL',
  phone: 'PHONE_NUMBER',
  birthDate: 'DATE_OF_BIRTH',
  comment: 'FREE_TEXT',
} as const;

const order = () => ({
  orderId: 'ord-42',
  customerName: 'Ada Lovelace',
  email: 'Ada@Example.com',
  phone: '+44 20 7946 0958',
  birthDate: '1985-03-12',
  comment: 'Card 4111 1111 1111 1111 was charged twice, call me on +31 6 12345678 or mail ada@example.com.',
  total: 129.5,
});

describe('maskRecord', () => {
  it('masks declared fields by their entity and free text by each finding, and counts them', () => {
    const policy = testPolicy();
    const { masked, counts, customCounts } = maskRecord(order(), annotations, policy, 'curated');
    const emailToken = policy.tokenize('ada@example.com', 'EMAIL');
    expect(masked).toEqual({
      orderId: 'ord-42',
      customerName: '[PERSON_NAME]',
      email: emailToken,
      phone: policy.tokenize('+442079460958', 'PHONE_NUMBER'),
      birthDate: '[DATE_OF_BIRTH]',
      comment: `Card **** **** **** 1111 was charged twice, call me on ${policy.tokenize('+31612345678', 'PHONE_NUMBER')} or mail ${emailToken}.`,
      total: 129.5,
    });
    expect(counts).toEqual({
      PERSON_NAME: 1,
      EMAIL: 2,
      PHONE_NUMBER: 2,
      CREDIT_CARD: 1,
      IBAN: 0,
      IP_ADDRESS: 0,
      MAC_ADDRESS: 0,
      US_SSN: 0,
      DATE_OF_BIRTH: 1,
      FREE_TEXT: 1,
    });
    expect(customCounts).toEqual({});
  });

  it('gives the same token for the same email in a field and in free text, so analysts can join', () => {
    const { masked } = maskRecord(order(), annotations, testPolicy(), 'warehouse');
    expect(String(masked.comment)).toContain(String(masked.email));
  });

  it('leaves nothing identifying in logs: declared fields redacted, free text omitted', () => {
    const { masked, counts } = maskRecord(order(), annotations, testPolicy(), 'logs');
    expect(masked).toEqual({
      orderId: 'ord-42',
      customerName: '[PERSON_NAME]',
      email: '[EMAIL]',
      phone: '[PHONE_NUMBER]',
      birthDate: '[DATE_OF_BIRTH]',
      total: 129.5,
    });
    expect(counts.FREE_TEXT).toBe(1);
    expect(counts.CREDIT_CARD).toBe(0);
  });

  it('omits fields and spans, and audit keeps values but counts them', () => {
    const policy = testPolicy({
      sinks: { curated: { actions: { EMAIL: 'omit', PHONE_NUMBER: 'audit' }, freeText: 'scan' } },
    });
    const { masked, counts } = maskRecord(
      { email: 'ada@example.com', phone: '+44 20 7946 0958', comment: 'mail ada@example.com now' },
      { email: 'EMAIL', phone: 'PHONE_NUMBER', comment: 'FREE_TEXT' },
      policy,
      'curated',
    );
    expect(masked).toEqual({ phone: '+44 20 7946 0958', comment: 'mail now' });
    expect(counts.EMAIL).toBe(2);
    expect(counts.PHONE_NUMBER).toBe(1);
  });

  it('masks declared values whatever they look like: the annotation is the source of truth', () => {
    const { masked } = maskRecord({ email: 'n/a' }, { email: 'EMAIL' }, testPolicy(), 'logs');
    expect(masked.email).toBe('[EMAIL]');
  });

  it('handles nulls, numbers, dates, arrays and objects in declared fields', () => {
    const { masked, counts } = maskRecord(
      {
        email: null,
        card: 4111111111111111,
        birthDate: new Date('1985-03-12T00:00:00Z'),
        phones: ['+44 20 7946 0958', null],
        address: { street: 'Baker Street' },
      },
      {
        email: 'EMAIL',
        card: 'CREDIT_CARD',
        birthDate: 'DATE_OF_BIRTH',
        phones: 'PHONE_NUMBER',
        address: 'PERSON_NAME',
      },
      testPolicy({
        sinks: { curated: { actions: { DATE_OF_BIRTH: { action: 'partial', keepLeft: 4, keepRight: 0 } } } },
      }),
      'curated',
    );
    expect(masked.email).toBeNull();
    expect(masked.card).toBe('************1111');
    expect(masked.birthDate).toBe('1985-**-**');
    expect(masked.phones).toEqual([expect.stringMatching(/^tok_/), null]);
    expect(masked.address).toBe('[PERSON_NAME]');
    expect(counts.EMAIL).toBe(0);
    expect(counts.PHONE_NUMBER).toBe(1);
  });

  it('counts custom patterns by name and masks them by the sink default', () => {
    const policy = testPolicy({ customPatterns: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] });
    const { masked, customCounts } = maskRecord(
      { note: 'ask EMP-123456', badge: 'EMP-654321' },
      { note: 'FREE_TEXT', badge: 'EMPLOYEE_ID' },
      policy,
      'curated',
    );
    expect(masked).toEqual({ note: 'ask [EMPLOYEE_ID]', badge: '[EMPLOYEE_ID]' });
    expect(customCounts).toEqual({ EMPLOYEE_ID: 2 });
  });

  it('does not change the input record', () => {
    const record = order();
    maskRecord(record, annotations, testPolicy(), 'curated');
    expect(record).toEqual(order());
  });

  it('throws on an annotation the policy does not know', () => {
    expect(() => maskRecord({ x: 'y' }, { x: 'NOPE' }, testPolicy(), 'curated')).toThrow(UnknownEntityError);
  });
});

describe('maskText', () => {
  it('returns the text unchanged when nothing is found', () => {
    const text = 'Delivered on 2026-11-25, order 48291045, €1.299,00.';
    expect(maskText(text, testPolicy(), 'curated').text).toBe(text);
  });

  it('keeps the email domain with a partial action', () => {
    const policy = testPolicy({ sinks: { curated: { actions: { EMAIL: { action: 'partial', keepDomain: true } } } } });
    expect(maskText('mail ada.lovelace@example.com!', policy, 'curated').text).toBe('mail a**.********@example.com!');
  });
});
