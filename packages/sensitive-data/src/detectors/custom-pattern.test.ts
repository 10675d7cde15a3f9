import { describe, expect, it } from 'vitest';
import { InvalidPatternError } from '../errors';
import { found } from '../test-support';
import { compilePattern } from './custom-pattern';

describe('custom patterns', () => {
  const employeeId = { name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' };

  it('finds matches by name', () => {
    expect(found('ask EMP-123456 or EMP-654321', 'EMPLOYEE_ID', { customPatterns: [employeeId] })).toEqual([
      'EMP-123456',
      'EMP-654321',
    ]);
  });

  it('requires a context word when given', () => {
    const withContext = { ...employeeId, contextWords: ['employee'] };
    expect(found('employee EMP-123456', 'EMPLOYEE_ID', { customPatterns: [withContext] })).toEqual(['EMP-123456']);
    expect(found('ticket EMP-123456', 'EMPLOYEE_ID', { customPatterns: [withContext] })).toEqual([]);
  });

  it('applies a named or a function validator', () => {
    const luhn = { name: 'LOYALTY_CARD', pattern: /\bL\d{8}\b/, validate: 'luhn' as const };
    expect(found('L00000018 L00000019', 'LOYALTY_CARD', { customPatterns: [luhn] })).toEqual(['L00000018']);
    const even = { name: 'EVEN_CODE', pattern: 'C\\d+', validate: (match: string) => Number(match.slice(1)) % 2 === 0 };
    expect(found('C12 C13', 'EVEN_CODE', { customPatterns: [even] })).toEqual(['C12']);
  });

  it('rejects patterns that do not compile or match the empty string', () => {
    expect(() => compilePattern('BROKEN', '(')).toThrow(InvalidPatternError);
    expect(() => compilePattern('EMPTY', '\\d*')).toThrow(/empty string/);
  });
});
