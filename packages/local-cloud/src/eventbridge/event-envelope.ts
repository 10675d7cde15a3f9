import { randomUUID } from 'node:crypto';
import { isRecord } from './match-expressions';
import type { EventBridgeEvent } from './types';

/** Where an envelope is being created: the bus's account and region, and the time to stamp when none is given. */
export interface EnvelopeContext {
  readonly account: string;
  readonly region: string;
  readonly now: Date;
}

/** The fields of an accepted PutEvents entry that end up in the envelope. */
export interface EnvelopeFields {
  readonly source: string;
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
  readonly resources: readonly string[];
  readonly time: Date | undefined;
}

/** Builds the envelope EventBridge wraps an accepted PutEvents entry in. */
export function buildEnvelope(fields: EnvelopeFields, context: EnvelopeContext): EventBridgeEvent {
  const time = fields.time !== undefined && !Number.isNaN(fields.time.getTime()) ? fields.time : context.now;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': fields.detailType,
    source: fields.source,
    account: context.account,
    time: formatEventTime(time),
    region: context.region,
    resources: [...fields.resources],
    detail: fields.detail,
  };
}

/**
 * Formats a time the way EventBridge stamps envelopes: ISO 8601 in UTC, to the second.
 *
 * @example
 * ```ts
 * formatEventTime(new Date('2017-10-02T16:24:49.123Z')); // '2017-10-02T16:24:49Z'
 * ```
 */
export function formatEventTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Why a value is not a well-formed envelope; empty when it is one. */
export function envelopeProblems(event: unknown): string[] {
  if (!isRecord(event)) return ['the event must be an object'];
  const problems: string[] = [];
  if (event.version !== '0') problems.push('version must be "0"');
  for (const field of ['id', 'detail-type', 'source', 'region', 'time']) {
    const value = event[field];
    if (typeof value !== 'string' || value.length === 0) problems.push(`${field} must be a non-empty string`);
  }
  if (typeof event.account !== 'string' || !/^\d{12}$/.test(event.account)) {
    problems.push('account must be a 12-digit account id');
  }
  if (typeof event.time === 'string' && Number.isNaN(Date.parse(event.time))) problems.push('time must be ISO 8601');
  const resources = event.resources;
  if (!Array.isArray(resources) || !resources.every((resource) => typeof resource === 'string')) {
    problems.push('resources must be an array of strings');
  }
  if (!isRecord(event.detail)) problems.push('detail must be an object');
  return problems;
}
