import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from './s3-error';

/** A size line or trailer longer than this is not aws-chunked framing (signatures are 64 hex digits). */
const MAX_LINE_BYTES = 4096;
const CR = 0x0d;
const LF = 0x0a;

type State = 'size' | 'data' | 'data-end' | 'trailers' | 'done';

/**
 * Decodes the `aws-chunked` content encoding the AWS SDKs use for streaming uploads:
 *
 * ```
 * <hex size>[;chunk-signature=<sig>]\r\n <data>\r\n ... 0[;chunk-signature=<sig>]\r\n [<trailer>:<value>\r\n]* \r\n
 * ```
 *
 * It emits only the data, so the stored object holds exactly the bytes the client meant (s3rver stored
 * the framing too, silently corrupting every streamed upload), and collects the trailers, where the
 * SDK sends the checksum it computed while streaming. Chunk signatures are not checked.
 *
 * @example
 * const decoder = new AwsChunkedDecoder(11);
 * request.pipe(decoder); // '6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n'
 * // decoder reads 'hello world'; decoder.trailers.get('x-amz-checksum-crc32') === 'DUoRhQ=='
 */
export class AwsChunkedDecoder extends Transform {
  /** Trailer headers by lower-case name; complete once the decoder has ended. */
  readonly trailers = new Map<string, string>();
  private state: State = 'size';
  private line: Buffer[] = [];
  private lineBytes = 0;
  private remaining = 0;
  private decoded = 0;

  /** @param decodedLength the `x-amz-decoded-content-length` header: the data must add up to it. */
  constructor(private readonly decodedLength: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.state === 'done' && this.lineBytes > 0) {
      callback(malformed('data after the final chunk'));
      return;
    }
    // A final chunk with neither trailers nor the closing empty line is complete enough to accept.
    const ended = this.state === 'done' || (this.state === 'trailers' && this.lineBytes === 0);
    if (!ended || this.decoded !== this.decodedLength) {
      callback(
        new S3Error(
          'IncompleteBody',
          `The aws-chunked body ended after ${this.decoded} of the ${this.decodedLength} bytes announced by x-amz-decoded-content-length`,
        ),
      );
      return;
    }
    callback();
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.push(chunk.subarray(offset, offset + take));
        offset += take;
        this.remaining -= take;
        this.decoded += take;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      const lineEnd = chunk.indexOf(LF, offset);
      const end = lineEnd === -1 ? chunk.length : lineEnd + 1;
      this.appendToLine(chunk.subarray(offset, end));
      offset = end;
      if (lineEnd !== -1) this.onLine(this.takeLine());
    }
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'size':
        this.onSizeLine(line);
        break;
      case 'data-end':
        if (line !== '') throw malformed('chunk data is longer than its declared size');
        this.state = 'size';
        break;
      case 'trailers':
        this.onTrailerLine(line);
        break;
      default:
        // Anything but blank lines after the closing empty line is not part of the framing.
        if (line !== '') throw malformed('data after the final chunk');
    }
  }

  private onSizeLine(line: string): void {
    const hex = line.split(';', 1)[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]{1,16}$/.test(hex))
      throw malformed(`invalid chunk size line ${JSON.stringify(line.slice(0, 80))}`);
    const size = Number.parseInt(hex, 16);
    if (this.decoded + size > this.decodedLength) {
      throw malformed('chunks add up to more than x-amz-decoded-content-length');
    }
    this.remaining = size;
    this.state = size === 0 ? 'trailers' : 'data';
  }

  private onTrailerLine(line: string): void {
    if (line === '') {
      this.state = 'done';
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new S3Error('MalformedTrailerError', `Malformed trailer ${JSON.stringify(line.slice(0, 80))}`);
    }
    this.trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }

  private appendToLine(part: Buffer): void {
    this.lineBytes += part.length;
    if (this.lineBytes > MAX_LINE_BYTES) throw malformed('a framing line is too long');
    this.line.push(part);
  }

  /** The line collected so far, without its CRLF (a bare LF is tolerated). */
  private takeLine(): string {
    let bytes = Buffer.concat(this.line, this.lineBytes);
    this.line = [];
    this.lineBytes = 0;
    bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.at(-1) === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return bytes.toString('latin1');
  }
}

function malformed(reason: string): S3Error {
  return new S3Error('InvalidRequest', `Malformed aws-chunked body: ${reason}`);
}
