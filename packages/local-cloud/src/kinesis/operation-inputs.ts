import { InvalidArgumentError, ResourceNotFoundError } from './errors';
import { streamArn } from './kinesis-store';
import { decodePageToken, type PageTokenState } from './opaque-tokens';
import type { RequestInput } from './request-input';
import type { PutRecordsEntry } from './store-types';

/** One Kinesis API operation: validated JSON input in, JSON output out (or a thrown KinesisApiError). */
export type KinesisOperation = (input: RequestInput) => unknown;

/** Member constraints of the Kinesis API model that several operations share. */
export const STREAM_NAME = { min: 1, max: 128, pattern: /[a-zA-Z0-9_.-]+/ };
export const SHARD_ID = { min: 1, max: 128, pattern: /[a-zA-Z0-9_.-]+/ };
export const SEQUENCE_NUMBER = { pattern: /0|([1-9]\d{0,128})/ };
export const NEXT_TOKEN = { min: 1, max: 1_048_576 };
const HASH_KEY = { pattern: /0|([1-9]\d{0,38})/ };
const STREAM_ARN = { min: 1, max: 2048, pattern: /arn:aws.*:kinesis:.*:\d{12}:stream\/\S+/ };

export interface StreamTarget {
  readonly name: string | undefined;
  readonly arn: string | undefined;
}

/**
 * Reads StreamName and (newer SDKs) StreamARN. Resolve the result after `input.done()`, so that
 * constraint violations are reported before any lookup.
 */
export function readStreamTarget(
  input: RequestInput,
  options: { required: boolean } = { required: true },
): StreamTarget {
  const arn = input.string('StreamARN', STREAM_ARN);
  const name = input.string('StreamName', { ...STREAM_NAME, required: options.required && arn === undefined });
  return { name, arn };
}

/** The stream a validated target names; an ARN of another account or region names no local stream. */
export function resolveStreamName(target: StreamTarget): string {
  const { name, arn } = target;
  if (arn === undefined) return name ?? '';
  const fromArn = arn.slice(arn.indexOf(':stream/') + ':stream/'.length);
  if (name !== undefined && name !== fromArn) {
    throw new InvalidArgumentError(`StreamARN ${arn} does not name stream ${name}.`);
  }
  if (arn !== streamArn(fromArn)) throw new ResourceNotFoundError(`Stream ${arn} not found.`);
  return fromArn;
}

/** For operations whose only input is the stream. */
export function streamNameOnly(input: RequestInput): string {
  const target = readStreamTarget(input);
  input.done();
  return resolveStreamName(target);
}

/** One record of PutRecord or PutRecords; limits are checked by the store, for both alike. */
export function readPutEntry(input: RequestInput): PutRecordsEntry {
  const data = input.blob('Data', { required: true }) ?? Buffer.alloc(0);
  const partitionKey = input.string('PartitionKey', { required: true }) ?? '';
  const explicitHashKey = input.string('ExplicitHashKey', HASH_KEY);
  return explicitHashKey === undefined ? { data, partitionKey } : { data, partitionKey, explicitHashKey };
}

export function readPageToken(token: string): PageTokenState {
  const state = decodePageToken(token);
  if (state === undefined) throw new InvalidArgumentError('Invalid NextToken.');
  return state;
}
