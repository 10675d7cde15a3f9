import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ChecksumAlgorithm } from '@sluice/adapters-local';

/** The header that carries each algorithm's checksum, in requests, trailers and responses. */
export const CHECKSUM_HEADER: Readonly<Record<ChecksumAlgorithm, string>> = {
  CRC32: 'x-amz-checksum-crc32',
  CRC32C: 'x-amz-checksum-crc32c',
  CRC64NVME: 'x-amz-checksum-crc64nvme',
  SHA1: 'x-amz-checksum-sha1',
  SHA256: 'x-amz-checksum-sha256',
};

export const CHECKSUM_ALGORITHMS = Object.keys(CHECKSUM_HEADER) as ChecksumAlgorithm[];

export function algorithmOfHeader(header: string): ChecksumAlgorithm | undefined {
  return CHECKSUM_ALGORITHMS.find((algorithm) => CHECKSUM_HEADER[algorithm] === header.toLowerCase());
}

/** An incremental checksum whose digest is the base64 S3 puts in `x-amz-checksum-*`. */
export interface Checksum {
  update(chunk: Uint8Array): void;
  digestBase64(): string;
}

export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return crc32Checksum();
    case 'CRC32C':
      return crc32cChecksum();
    case 'CRC64NVME':
      return crc64NvmeChecksum();
    case 'SHA1':
      return hashChecksum(createHash('sha1'));
    case 'SHA256':
      return hashChecksum(createHash('sha256'));
  }
}

function hashChecksum(hash: Hash): Checksum {
  return { update: (chunk) => hash.update(chunk), digestBase64: () => hash.digest('base64') };
}

function crc32Checksum(): Checksum {
  let value = 0;
  return {
    update: (chunk) => {
      value = crc32(chunk, value);
    },
    digestBase64: () => uint32Bytes(value).toString('base64'),
  };
}

/** CRC-32C (Castagnoli), reflected polynomial 0x82F63B78; Node has no built-in one. */
const CRC32C_TABLE = crcTable32(0x82f63b78);

function crc32cChecksum(): Checksum {
  let state = 0xffffffff;
  return {
    update: (chunk) => {
      for (const byte of chunk) state = (CRC32C_TABLE[(state ^ byte) & 0xff] ?? 0) ^ (state >>> 8);
    },
    digestBase64: () => uint32Bytes(~state >>> 0).toString('base64'),
  };
}

/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5), S3's default for new objects. The 64-bit state
 * is kept as two 32-bit halves: far faster than BigInt arithmetic per byte.
 */
const CRC64_TABLE = crcTable64(0x9a6c9329, 0xac4bc9b5);

function crc64NvmeChecksum(): Checksum {
  let high = 0xffffffff;
  let low = 0xffffffff;
  return {
    update: (chunk) => {
      for (const byte of chunk) {
        const index = (low ^ byte) & 0xff;
        low = (((low >>> 8) | (high << 24)) ^ (CRC64_TABLE.low[index] ?? 0)) >>> 0;
        high = ((high >>> 8) ^ (CRC64_TABLE.high[index] ?? 0)) >>> 0;
      }
    },
    digestBase64: () => Buffer.concat([uint32Bytes(~high >>> 0), uint32Bytes(~low >>> 0)]).toString('base64'),
  };
}

function crcTable32(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let value = n;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? (value >>> 1) ^ polynomial : value >>> 1;
    table[n] = value >>> 0;
  }
  return table;
}

function crcTable64(polynomialHigh: number, polynomialLow: number): { high: Uint32Array; low: Uint32Array } {
  const high = new Uint32Array(256);
  const low = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let h = 0;
    let l = n;
    for (let bit = 0; bit < 8; bit++) {
      const carry = l & 1;
      l = ((l >>> 1) | (h << 31)) >>> 0;
      h = h >>> 1;
      if (carry) {
        l = (l ^ polynomialLow) >>> 0;
        h = (h ^ polynomialHigh) >>> 0;
      }
    }
    high[n] = h;
    low[n] = l;
  }
  return { high, low };
}

function uint32Bytes(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}
