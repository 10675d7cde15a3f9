import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { PipelineEventToPublish } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventPublishError } from '../errors';
import { buildEventBridgePublisher } from './eventbridge-publisher';

const eventBridge = mockClient(EventBridgeClient);
const publish = buildEventBridgePublisher(new EventBridgeClient({ region: 'eu-west-1' }), {
  eventBusName: 'sluice',
  baseDelayMs: 100,
});

const event = (n: number): PipelineEventToPublish => ({
  source: 'sluice.warehouse-loader',
  detailType: 'WarehouseLoaded',
  detail: { n },
});
const accepted = (id: string) => ({ EventId: `11710aed-b79e-4468-a20b-bb3c0c3b4860-${id}` });
const throttled = { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded.' };
const sentEntries = (call: number) =>
  eventBridge.commandCalls(PutEventsCommand)[call]?.args[0].input.Entries?.map((e) => JSON.parse(e.Detail ?? ''));

beforeEach(() => {
  eventBridge.reset();
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(1);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('buildEventBridgePublisher', () => {
  it('sends each event as a PutEvents entry on the bus, with Detail as a JSON string', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [accepted('1')] });

    await publish([
      {
        source: 'sluice.catalog-updater',
        detailType: 'PartitionsRegistered',
        detail: { database: 'sluice', partitions: [] },
        resources: ['arn:aws:s3:::sluice-lake'],
      },
    ]);

    expect(eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input).toEqual({
      Entries: [
        {
          EventBusName: 'sluice',
          Source: 'sluice.catalog-updater',
          DetailType: 'PartitionsRegistered',
          Detail: '{"database":"sluice","partitions":[]}',
          Resources: ['arn:aws:s3:::sluice-lake'],
        },
      ],
    });
  });

  it('sends at most 10 entries per call, in order', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => accepted(String(i))),
    }));

    await publish(Array.from({ length: 23 }, (_, n) => event(n)));

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(sentEntries(0)).toEqual(Array.from({ length: 10 }, (_, n) => ({ n })));
    expect(sentEntries(1)).toEqual(Array.from({ length: 10 }, (_, n) => ({ n: n + 10 })));
    expect(sentEntries(2)).toEqual([{ n: 20 }, { n: 21 }, { n: 22 }]);
  });

  it('retries only the refused entries, after a backoff', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [accepted('0'), throttled, accepted('2')] })
      .resolvesOnce({ FailedEntryCount: 0, Entries: [accepted('1')] });

    const publishing = publish([event(0), event(1), event(2)]);
    await vi.advanceTimersByTimeAsync(99);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await publishing;

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(sentEntries(1)).toEqual([{ n: 1 }]);
  });

  it('throws naming the ErrorCode and ErrorMessage of what is still refused after 3 attempts', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 2, Entries: [throttled, accepted('1'), throttled] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [accepted('0'), throttled] })
      .resolves({
        FailedEntryCount: 1,
        Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error.' }],
      });

    const publishing = publish([event(0), event(1), event(2)]);
    const failure = expect(publishing).rejects.toThrow(
      /1 event\(s\) not accepted by EventBridge after 3 attempts: WarehouseLoaded: InternalFailure \(Internal service error\.\)/,
    );
    await vi.runAllTimersAsync();
    await failure;
    await expect(publishing).rejects.toBeInstanceOf(EventPublishError);

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(sentEntries(1)).toEqual([{ n: 0 }, { n: 2 }]);
    expect(sentEntries(2)).toEqual([{ n: 2 }]);
  });

  it('makes no call for an empty list', async () => {
    await publish([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
