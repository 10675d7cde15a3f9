/** Test factories shared by the package's tests; not exported from the package. */
import { parseSensitiveDataPolicy, type SensitiveDataPolicyConfig } from './policy/policy';
import { createScanner, type ScanOptions } from './scan/scanner';
import type { EntityName } from './types';

export const TEST_KEY = 'test-key-0123456789abcdef0123456789abcdef';

/** The texts of the findings of one entity (or all, when `entity` is omitted). */
export function found(text: string, entity?: EntityName, options: ScanOptions = {}): string[] {
  return createScanner({ ...options, includeValues: true })
    .scan(text)
    .filter((finding) => entity === undefined || finding.entity === entity)
    .map((finding) => finding.value ?? '');
}

export function testPolicy(overrides: Partial<SensitiveDataPolicyConfig> = {}) {
  return parseSensitiveDataPolicy({ hmacKey: TEST_KEY, ...overrides });
}
