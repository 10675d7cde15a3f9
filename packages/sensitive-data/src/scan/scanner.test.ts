import { describe, expect, it } from 'vitest';
import { createScanner, resolveOverlaps, scanText } from './scanner';

describe('scanText', () => {
  it('reports entity, span and confidence, and the value only when asked', () => {
    const text = 'Call me on +44 20 7946 0958 or mail ada@example.com';
    expect(scanText(text)).toEqual([
      { entity: 'PHONE_NUMBER', start: 11, end: 27, confidence: 0.95 },
      { entity: 'EMAIL', start: 36, end: 51, confidence: 0.95 },
    ]);
    expect(scanText(text, { includeValues: true }).map((finding) => finding.value)).toEqual([
      '+44 20 7946 0958',
      'ada@example.com',
    ]);
  });

  it('finds every entity type in one comment', () => {
    const text =
      'ada@example.com, +44 20 7946 0958, card 4111 1111 1111 1111, IBAN DE89370400440532013000, ' +
      'IP 192.168.1.20, MAC 00:1a:2b:3c:4d:5e, SSN 536-22-1234.';
    expect(scanText(text).map((finding) => finding.entity)).toEqual([
      'EMAIL',
      'PHONE_NUMBER',
      'CREDIT_CARD',
      'IBAN',
      'IP_ADDRESS',
      'MAC_ADDRESS',
      'US_SSN',
    ]);
  });

  it('scans only the entities asked for', () => {
    const scanner = createScanner({ entities: ['EMAIL'] });
    expect(scanner.entities).toEqual(['EMAIL']);
    expect(scanner.scan('ada@example.com +44 20 7946 0958').map((finding) => finding.entity)).toEqual(['EMAIL']);
  });

  it('drops findings below minConfidence', () => {
    expect(scanText('form 536-22-1234', { minConfidence: 0.9 })).toEqual([]);
    expect(scanText('SSN 536-22-1234', { minConfidence: 0.9 })).toHaveLength(1);
  });

  it('lets a custom pattern win over a built-in entity on the same span', () => {
    const findings = scanText('badge 4111 1111 1111 1111', {
      customPatterns: [{ name: 'BADGE', pattern: '4111 1111 1111 1111' }],
    });
    expect(findings.map((finding) => finding.entity)).toEqual(['BADGE']);
  });

  it('returns nothing for text without candidates', () => {
    expect(scanText('Thanks for the quick delivery, five stars!')).toEqual([]);
    expect(scanText('')).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  const span = (start: number, end: number, specificity: number, confidence = 0.9) => ({
    start,
    end,
    specificity,
    confidence,
  });

  it('keeps the longest of overlapping spans', () => {
    expect(resolveOverlaps([span(0, 10, 1), span(2, 20, 1), span(25, 30, 1)])).toEqual([
      span(2, 20, 1),
      span(25, 30, 1),
    ]);
  });

  it('breaks length ties by specificity, then confidence', () => {
    expect(resolveOverlaps([span(0, 10, 1), span(0, 10, 5)])).toEqual([span(0, 10, 5)]);
    expect(resolveOverlaps([span(0, 10, 1, 0.5), span(0, 10, 1, 0.8)])).toEqual([span(0, 10, 1, 0.8)]);
  });

  it('keeps adjacent spans', () => {
    expect(resolveOverlaps([span(0, 5, 1), span(5, 9, 1)])).toEqual([span(0, 5, 1), span(5, 9, 1)]);
  });
});
