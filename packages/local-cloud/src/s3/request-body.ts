import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import type { ObjectChecksum } from '@sluice/adapters-local';
import { AwsChunkedDecoder } from './aws-chunked';
import { type BodyClaims, BodyVerifier } from './body-verifier';
import { algorithmOfHeader, CHECKSUM_ALGORITHMS, CHECKSUM_HEADER } from './checksums';
import { header } from './http';
import { S3Error } from './s3-error';

/** A request body decoded and being verified; read `stream` to the end before calling `checksum()`. */
export interface RequestBody {
  readonly stream: Readable;
  /** The client's checksum, once the body has ended and matched it. */
  checksum(): ObjectChecksum | undefined;
  /** Whether the client sent any integrity check (Content-MD5 or a checksum), as DeleteObjects requires. */
  readonly hasIntegrityCheck: boolean;
}

/**
 * Opens the body of an upload the way S3 reads it: `aws-chunked` framing removed (the SDKs use it for
 * streaming bodies, with the checksum in a trailer), lengths and checksums verified at the end. Refuses,
 * as S3 does, a body of unknown length that is not aws-chunked.
 */
export function openRequestBody(request: IncomingMessage): RequestBody {
  const encodings = (header(request, 'content-encoding') ?? '').split(',').map((e) => e.trim().toLowerCase());
  const contentSha256 = header(request, 'x-amz-content-sha256') ?? '';
  const awsChunked = encodings.includes('aws-chunked') || contentSha256.startsWith('STREAMING-');

  let decoder: AwsChunkedDecoder | undefined;
  if (awsChunked) {
    const decodedLength = Number(header(request, 'x-amz-decoded-content-length') ?? Number.NaN);
    if (!Number.isSafeInteger(decodedLength) || decodedLength < 0) {
      throw new S3Error('MissingContentLength', 'You must provide the x-amz-decoded-content-length HTTP header.');
    }
    decoder = new AwsChunkedDecoder(decodedLength);
  } else if (header(request, 'transfer-encoding') !== undefined) {
    // What S3 answers to a stream of unknown length; the SDK then suggests @aws-sdk/lib-storage's Upload.
    throw new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', {
      Header: 'Transfer-Encoding',
    });
  } else if (header(request, 'content-length') === undefined && request.method === 'PUT') {
    throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }

  const checksumClaim = checksumClaimOf(request, decoder);
  const contentMd5 = header(request, 'content-md5');
  const claims: BodyClaims = {
    ...(checksumClaim ? { checksum: checksumClaim } : {}),
    ...(contentMd5 !== undefined ? { contentMd5 } : {}),
    ...(/^[0-9a-f]{64}$/i.test(contentSha256) ? { contentSha256 } : {}),
  };
  const verifier = new BodyVerifier(claims);
  const stream = chain(request, decoder ? [decoder, verifier] : [verifier]);
  return {
    stream,
    checksum: () => verifier.verifiedChecksum(),
    hasIntegrityCheck: checksumClaim !== undefined || contentMd5 !== undefined,
  };
}

/** Stops reading a body that will not be used, so the error response can still reach the client. */
export function abandonRequestBody(request: IncomingMessage): void {
  request.unpipe();
  if (!request.complete) request.resume();
}

function checksumClaimOf(request: IncomingMessage, decoder: AwsChunkedDecoder | undefined): BodyClaims['checksum'] {
  const trailer = header(request, 'x-amz-trailer')?.trim().toLowerCase();
  const fromTrailer = trailer === undefined ? undefined : algorithmOfHeader(trailer);
  if (fromTrailer && decoder) {
    return { algorithm: fromTrailer, expected: () => decoder.trailers.get(CHECKSUM_HEADER[fromTrailer]) };
  }
  // The declared algorithm's header wins; otherwise the first checksum header present.
  const declared = header(request, 'x-amz-sdk-checksum-algorithm')?.toUpperCase();
  const ordered = CHECKSUM_ALGORITHMS.filter((a) => a === declared).concat(CHECKSUM_ALGORITHMS);
  for (const algorithm of ordered) {
    const value = header(request, CHECKSUM_HEADER[algorithm]);
    if (value !== undefined) return { algorithm, expected: () => value };
  }
  return undefined;
}

/**
 * Pipes `request` through `transforms` and returns the last one. Unlike `stream.pipeline`, an error in
 * a transform does not destroy the request (that would close the socket before the error response is
 * sent); a client that goes away still fails the chain.
 */
function chain(request: IncomingMessage, transforms: Transform[]): Readable {
  let upstream: Readable = request;
  for (const transform of transforms) {
    const source = upstream;
    source.pipe(transform);
    source.on('error', (error) => transform.destroy(error));
    // A small body can fail verification before the store starts reading it; the error is kept on the
    // stream and thrown to the reader then, so it must not count as unhandled meanwhile.
    transform.on('error', () => undefined);
    upstream = transform;
  }
  const first = transforms[0];
  request.on('close', () => {
    if (!request.complete) first?.destroy(new Error('the client closed the connection before sending the whole body'));
  });
  return upstream;
}
