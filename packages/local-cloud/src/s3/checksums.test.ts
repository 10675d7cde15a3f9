import { describe, expect, it } from 'vitest';
import { type Checksum, createChecksum } from './checksums';

function hexOf(checksum: Checksum): string {
  return Buffer.from(checksum.digestBase64(), 'base64').toString('hex');
}

describe('createChecksum', () => {
  // The standard check values: each CRC of the ASCII string "123456789".
  it.each([
    ['CRC32', 'cbf43926'],
    ['CRC32C', 'e3069283'],
    ['CRC64NVME', 'ae8b14860a799888'],
    ['SHA1', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441'],
    ['SHA256', '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225'],
  ] as const)('computes %s incrementally, matching the reference value', (algorithm, expected) => {
    const checksum = createChecksum(algorithm);
    checksum.update(Buffer.from('1234'));
    checksum.update(Buffer.from(''));
    checksum.update(Buffer.from('56789'));
    expect(hexOf(checksum)).toBe(expected);
  });

  it('gives the CRC32 the SDK sends for "hello world"', () => {
    const checksum = createChecksum('CRC32');
    checksum.update(Buffer.from('hello world'));
    expect(checksum.digestBase64()).toBe('DUoRhQ==');
  });
});
