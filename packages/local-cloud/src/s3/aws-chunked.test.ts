import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder } from './aws-chunked';
import { S3Error } from './s3-error';

/** Frames `payload` as the SDKs do: chunks of `sizes`, optional chunk signatures, optional trailers. */
function frame(payload: Buffer, sizes: number[], options: { signed?: boolean; trailers?: [string, string][] } = {}) {
  const signature = options.signed ? `;chunk-signature=${'ab'.repeat(32)}` : '';
  const parts: Buffer[] = [];
  let offset = 0;
  for (const size of sizes) {
    const data = payload.subarray(offset, offset + size);
    offset += data.length;
    if (data.length === 0) continue;
    parts.push(Buffer.from(`${data.length.toString(16)}${signature}\r\n`), data, Buffer.from('\r\n'));
  }
  if (offset < payload.length) {
    const rest = payload.subarray(offset);
    parts.push(Buffer.from(`${rest.length.toString(16)}${signature}\r\n`), rest, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`0${signature}\r\n`));
  for (const [name, value] of options.trailers ?? []) parts.push(Buffer.from(`${name}:${value}\r\n`));
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** Feeds `encoded` to a decoder split at `cuts`, as the network might deliver it. */
async function decode(encoded: Buffer, decodedLength: number, cuts: number[] = []) {
  const points = [...new Set(cuts.map((c) => c % (encoded.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let previous = 0;
  for (const point of [...points, encoded.length]) {
    pieces.push(encoded.subarray(previous, point));
    previous = point;
  }
  const decoder = new AwsChunkedDecoder(decodedLength);
  const data = await buffer(Readable.from(pieces.filter((p) => p.length > 0)).pipe(decoder));
  return { data, trailers: decoder.trailers };
}

describe('AwsChunkedDecoder', () => {
  it('decodes the unsigned-trailer framing the SDK sends for stream bodies', async () => {
    const encoded = Buffer.from('6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
    const { data, trailers } = await decode(encoded, 11);
    expect(data.toString()).toBe('hello world');
    expect(trailers.get('x-amz-checksum-crc32')).toBe('DUoRhQ==');
  });

  it('returns exactly the payload for any payload, chunking, signing and network split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (bytes, sizes, signed, cuts) => {
          const payload = Buffer.from(bytes);
          const trailers: [string, string][] = [['x-amz-checksum-crc32', 'AAAAAA==']];
          const encoded = frame(payload, sizes, { signed, trailers });
          const decoded = await decode(encoded, payload.length, cuts);
          expect(decoded.data.equals(payload)).toBe(true);
          expect(decoded.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts a signed body whose final chunk has no trailers', async () => {
    const payload = Buffer.from('0\r\n\r\n looks like framing');
    const { data } = await decode(frame(payload, [3, 100], { signed: true }), payload.length, [1, 2, 3, 40]);
    expect(data.equals(payload)).toBe(true);
  });

  it.each([
    ['a truncated body', '5\r\nhel', 5, 'IncompleteBody'],
    ['a missing final chunk', '5\r\nhello\r\n', 5, 'IncompleteBody'],
    ['fewer bytes than x-amz-decoded-content-length', '5\r\nhello\r\n0\r\n\r\n', 6, 'IncompleteBody'],
    ['more bytes than x-amz-decoded-content-length', '5\r\nhello\r\n0\r\n\r\n', 4, 'InvalidRequest'],
    ['a chunk longer than its size', '3\r\nhello\r\n0\r\n\r\n', 5, 'InvalidRequest'],
    ['a size that is not hex', 'zz\r\nhello\r\n0\r\n\r\n', 5, 'InvalidRequest'],
    ['a malformed trailer', '5\r\nhello\r\n0\r\nno colon here\r\n\r\n', 5, 'MalformedTrailerError'],
    ['data after the end', '5\r\nhello\r\n0\r\n\r\nextra', 5, 'InvalidRequest'],
  ])('rejects %s', async (_, encoded, length, code) => {
    const failure = await decode(Buffer.from(encoded), length).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(S3Error);
    expect((failure as S3Error).s3Code).toBe(code);
  });
});
