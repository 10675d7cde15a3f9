import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { PipelineEventToPublish, PublishPipelineEvents } from '@sluice/core';
import { EventPublishError } from '../errors';
import { chunksOf, sleep } from '../internal/poll';

/** PutEvents takes at most 10 entries per call. */
const MAX_ENTRIES_PER_CALL = 10;

export interface EventBridgePublisherOptions {
  readonly eventBusName: string;
  /** Calls per chunk in all, the first included (default 3). */
  readonly maxAttempts?: number;
  /** Cap of the first retry's full-jitter backoff; doubles per retry (default 100 ms). */
  readonly baseDelayMs?: number;
}

interface PendingEntry {
  readonly entry: PutEventsRequestEntry;
  readonly detailType: string;
}

/**
 * The pipeline-event port over EventBridge `PutEvents`, 10 entries per call. PutEvents can accept some
 * entries and refuse others (`FailedEntryCount` > 0, an `ErrorCode` on each refused entry): only the
 * refused ones are sent again, with full-jitter backoff; whatever is still refused after the last attempt
 * is thrown as an {@link EventPublishError} naming each ErrorCode and ErrorMessage.
 *
 * @example
 * const publish = buildEventBridgePublisher(clients.eventBridge, { eventBusName: 'sluice' });
 * await publish([{ source: 'sluice.warehouse-loader', detailType: 'WarehouseLoaded', detail }]);
 */
export function buildEventBridgePublisher(
  client: EventBridgeClient,
  options: EventBridgePublisherOptions,
): PublishPipelineEvents {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 100;

  const toEntry = (event: PipelineEventToPublish): PendingEntry => ({
    detailType: event.detailType,
    entry: {
      EventBusName: options.eventBusName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
      ...(event.resources ? { Resources: [...event.resources] } : {}),
    },
  });

  async function publishChunk(chunk: PendingEntry[]): Promise<void> {
    let pending = chunk;
    let failures: { detailType: string; errorCode: string; errorMessage: string }[] = [];
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 2));
      const response = await client.send(new PutEventsCommand({ Entries: pending.map((p) => p.entry) }));
      if (!response.FailedEntryCount) return;
      const stillPending: PendingEntry[] = [];
      failures = [];
      pending.forEach((item, index) => {
        const result = response.Entries?.[index];
        if (result?.EventId !== undefined && result.ErrorCode === undefined) return;
        stillPending.push(item);
        failures.push({
          detailType: item.detailType,
          errorCode: result?.ErrorCode ?? 'MissingResult',
          errorMessage: result?.ErrorMessage ?? 'no result returned for this entry',
        });
      });
      pending = stillPending;
      if (pending.length === 0) return;
    }
    throw new EventPublishError(failures, maxAttempts);
  }

  return async function publishPipelineEvents(events) {
    for (const chunk of chunksOf(events.map(toEntry), MAX_ENTRIES_PER_CALL)) await publishChunk(chunk);
  };
}
