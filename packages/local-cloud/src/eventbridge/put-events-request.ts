import { PutEventsValidationError } from './errors';
import { isRecord } from './match-expressions';

/**
 * One PutEvents entry, as the AWS API names its fields.
 *
 * @example
 * ```ts
 * const entry: PutEventsRequestEntry = { Source: 'sluice.stream-etl', DetailType: 'Batch Written', Detail: '{"rows":3}' };
 * ```
 */
export interface PutEventsRequestEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly Resources?: readonly string[];
  readonly Time?: Date;
  readonly EventBusName?: string;
}

/**
 * The outcome of one entry: its event id, or why it was rejected (same codes and messages as AWS).
 *
 * @example
 * ```ts
 * const rejected: PutEventsResultEntry = { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
 * ```
 */
export type PutEventsResultEntry =
  | { readonly EventId: string }
  | { readonly ErrorCode: string; readonly ErrorMessage: string };

/**
 * The PutEvents response: one result per entry, in request order.
 *
 * @example
 * ```ts
 * const { FailedEntryCount, Entries } = await bus.putEvents(entries);
 * if (FailedEntryCount > 0) throw new Error(JSON.stringify(Entries.filter((e) => 'ErrorCode' in e)));
 * ```
 */
export interface PutEventsResponse {
  readonly FailedEntryCount: number;
  readonly Entries: readonly PutEventsResultEntry[];
}

/**
 * AWS's limits on one PutEvents call.
 *
 * @example
 * ```ts
 * for (let i = 0; i < entries.length; i += PUT_EVENTS_LIMITS.maxEntries) {
 *   await bus.putEvents(entries.slice(i, i + PUT_EVENTS_LIMITS.maxEntries));
 * }
 * ```
 */
export const PUT_EVENTS_LIMITS = { maxEntries: 10, maxTotalEntryBytes: 256 * 1024 } as const;

/** The bus an entry is addressed to must be this one, by name or ARN. */
export interface BusIdentity {
  readonly name: string;
  readonly arn: string;
}

/**
 * Rejects the request as a whole where AWS does (entry count, total size).
 *
 * @throws {PutEventsValidationError}
 */
export function assertRequestWithinLimits(entries: readonly PutEventsRequestEntry[]): void {
  const constraint =
    "1 validation error detected: Value '[PutEventsRequestEntry]' at 'entries' failed to satisfy constraint";
  if (entries.length === 0) {
    throw new PutEventsValidationError(`${constraint}: Member must have length greater than or equal to 1`);
  }
  if (entries.length > PUT_EVENTS_LIMITS.maxEntries) {
    throw new PutEventsValidationError(
      `${constraint}: Member must have length less than or equal to ${PUT_EVENTS_LIMITS.maxEntries}`,
    );
  }
  const totalBytes = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (totalBytes > PUT_EVENTS_LIMITS.maxTotalEntryBytes) {
    throw new PutEventsValidationError('Total size of the entries in the request is over the limit.');
  }
}

/**
 * Checks one entry the way AWS does per entry: the first problem found, or the parsed Detail object.
 */
export function checkEntry(
  entry: PutEventsRequestEntry,
  bus: BusIdentity,
): { detail: Record<string, unknown> } | { ErrorCode: string; ErrorMessage: string } {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].length === 0) {
      return invalidArgument(`Parameter ${field} is not valid. Reason: ${field} is a required argument.`);
    }
  }
  // Omitting EventBusName addresses the one bus the local cloud runs (on AWS it would be the default bus).
  const busName = entry.EventBusName;
  if (busName !== undefined && busName !== bus.name && busName !== bus.arn) {
    return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
  }
  const detail = parseJsonObject(entry.Detail);
  return detail === undefined ? { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } : { detail };
}

/** Entry size as the EventBridge user guide computes it ("Calculating PutEvents event entry size"). */
function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: unknown) => (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0);
  const resources = entry.Resources ?? [];
  return (
    (entry.Time === undefined ? 0 : 14) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    resources.reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function invalidArgument(message: string) {
  return { ErrorCode: 'InvalidArgument', ErrorMessage: message };
}
