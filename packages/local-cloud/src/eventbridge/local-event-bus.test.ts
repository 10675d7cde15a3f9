import { ConfigurationError } from '@sluice/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeadLetter, EventTarget, LocalEventBusOptions } from './bus-definitions';
import { InvalidEventError, InvalidEventPatternError, InvalidRuleError, PutEventsValidationError } from './errors';
import { LocalEventBus } from './local-event-bus';
import type { PutEventsRequestEntry } from './put-events-request';
import type { EventBridgeEvent } from './types';

const ACCOUNT = '123456789012';
const NOW = new Date('2024-05-06T07:08:09.456Z');

function newBus(options: Partial<LocalEventBusOptions> = {}) {
  return new LocalEventBus({
    name: 'sluice',
    account: ACCOUNT,
    region: 'eu-west-1',
    now: () => NOW,
    retryBaseDelayMs: 1,
    ...options,
  });
}

function recordingTarget(id = 'recorder') {
  const events: EventBridgeEvent[] = [];
  const target: EventTarget = {
    id,
    invoke: async (event) => {
      events.push(event);
    },
  };
  return { target, events };
}

/** A target that throws on its first `failures` invocations, then succeeds. */
function flakyTarget(failures: number, id = 'flaky') {
  let calls = 0;
  const target: EventTarget = {
    id,
    invoke: async () => {
      calls++;
      if (calls <= failures) throw new Error(`attempt ${calls} failed`);
    },
  };
  return { target, calls: () => calls };
}

function entry(overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry {
  return { Source: 'sluice.stream-etl', DetailType: 'Batch Written', Detail: '{"rows":3}', ...overrides };
}

const everythingFromEtl = { source: ['sluice.stream-etl'] };

describe('LocalEventBus construction', () => {
  it('lists every invalid option at once', () => {
    const build = () => newBus({ account: '42', region: '', maxDeliveryAttempts: 0 });
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/account "42".*\n.*region.*\n.*maxDeliveryAttempts/s);
  });

  it('exposes its ARN', () => {
    expect(newBus().arn).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/sluice`);
  });
});

describe('putRule', () => {
  it('returns the rule ARN and accepts the pattern as PutRule’s JSON string', () => {
    const bus = newBus();
    const { ruleArn } = bus.putRule({ name: 'etl', eventPattern: '{"source": ["sluice.stream-etl"]}', targets: [] });
    expect(ruleArn).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:rule/sluice/etl`);
  });

  it('rejects an invalid pattern with every problem listed', () => {
    const bus = newBus();
    const putInvalid = () =>
      bus.putRule({ name: 'bad', eventPattern: { source: 'x', detail: { n: [{ numeric: ['>'] }] } }, targets: [] });
    expect(putInvalid).toThrow(InvalidEventPatternError);
    try {
      putInvalid();
    } catch (error) {
      expect((error as InvalidEventPatternError).problems).toHaveLength(2);
    }
  });

  it.each([
    [{ name: 'has space' }, 'ValidationException', /rule name "has space"/],
    [{ ids: ['a', 'a'] }, 'ValidationException', /two targets with id "a"/],
    [{ ids: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'LimitExceededException', /6 targets; EventBridge allows 5/],
    [{ ids: ['bad id'] }, 'ValidationException', /target id "bad id"/],
  ])('rejects %j as AWS would (%s)', (rule, awsErrorType, message) => {
    const bus = newBus();
    const targets = ('ids' in rule ? rule.ids : []).map((id) => recordingTarget(id).target);
    const name = 'name' in rule ? rule.name : 'ok';
    const put = () => bus.putRule({ name, eventPattern: everythingFromEtl, targets });
    expect(put).toThrow(InvalidRuleError);
    expect(put).toThrow(message);
    try {
      put();
    } catch (error) {
      expect((error as InvalidRuleError).awsErrorType).toBe(awsErrorType);
    }
  });

  it('replaces a rule of the same name', async () => {
    const bus = newBus();
    const first = recordingTarget('first');
    const second = recordingTarget('second');
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [first.target] });
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [second.target] });
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(first.events).toHaveLength(0);
    expect(second.events).toHaveLength(1);
  });

  it('stops routing to a removed rule', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [target] });
    expect(bus.removeRule('etl')).toBe(true);
    expect(bus.removeRule('etl')).toBe(false);
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(events).toHaveLength(0);
  });
});

describe('putEvents', () => {
  it('wraps each accepted entry in the standard envelope and answers with its event id', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [target] });

    const response = await bus.putEvents([entry({ Resources: ['arn:aws:s3:::lake'] })]);
    await bus.drain();

    expect(response).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    expect(events).toEqual([
      {
        version: '0',
        id: (response.Entries[0] as { EventId: string }).EventId,
        'detail-type': 'Batch Written',
        source: 'sluice.stream-etl',
        account: ACCOUNT,
        time: '2024-05-06T07:08:09Z',
        region: 'eu-west-1',
        resources: ['arn:aws:s3:::lake'],
        detail: { rows: 3 },
      },
    ]);
    expect(events[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('stamps the entry’s Time, to the second, when one is given', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [target] });
    await bus.putEvents([entry({ Time: new Date('2023-01-02T03:04:05.999Z') })]);
    await bus.drain();
    expect(events[0]?.time).toBe('2023-01-02T03:04:05Z');
  });

  it('rejects invalid entries one by one with AWS’s codes and messages, in request order', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 'all', eventPattern: { account: [ACCOUNT] }, targets: [target] });

    const response = await bus.putEvents([
      entry({ Source: '' }),
      entry(),
      entry({ DetailType: '' }),
      entry({ Detail: '' }),
      entry({ Detail: 'not json' }),
      entry({ Detail: '[1, 2]' }),
      entry({ Detail: '"text"' }),
      entry({ EventBusName: 'other-bus' }),
      entry({ EventBusName: 'sluice' }),
      entry({ EventBusName: `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/sluice` }),
    ]);
    await bus.drain();

    const invalidArgument = (field: string) => ({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
    });
    const malformed = { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const accepted = { EventId: expect.any(String) };
    expect(response).toEqual({
      FailedEntryCount: 7,
      Entries: [
        invalidArgument('Source'),
        accepted,
        invalidArgument('DetailType'),
        invalidArgument('Detail'),
        malformed,
        malformed,
        malformed,
        { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus other-bus does not exist.' },
        accepted,
        accepted,
      ],
    });
    expect(events).toHaveLength(3);
    expect(bus.stats()).toMatchObject({ put: 3, rejected: 7, matched: 3, delivered: 3 });
  });

  it.each([
    [0, /Member must have length greater than or equal to 1/],
    [11, /Member must have length less than or equal to 10/],
  ])('rejects a request of %i entries as a whole', async (count, message) => {
    const bus = newBus();
    const request = bus.putEvents(Array.from({ length: count }, () => entry()));
    await expect(request).rejects.toThrow(PutEventsValidationError);
    await expect(bus.putEvents(Array.from({ length: count }, () => entry()))).rejects.toThrow(message);
    expect(bus.stats().put).toBe(0);
  });

  it('accepts 10 entries', async () => {
    const response = await newBus().putEvents(Array.from({ length: 10 }, () => entry()));
    expect(response.FailedEntryCount).toBe(0);
    expect(response.Entries).toHaveLength(10);
  });

  it('rejects a request whose entries total more than 256 KB, as sized by the user guide', async () => {
    const bus = newBus();
    const big = (bytes: number) =>
      entry({ Source: 's', DetailType: 'd', Detail: JSON.stringify({ p: 'x'.repeat(bytes) }) });
    const overhead = 2 + '{"p":""}'.length;
    await expect(bus.putEvents([big(256 * 1024 - overhead)])).resolves.toMatchObject({ FailedEntryCount: 0 });
    await expect(bus.putEvents([big(256 * 1024 - overhead + 1)])).rejects.toThrow(
      'Total size of the entries in the request is over the limit.',
    );
  });
});

describe('delivery', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers after putEvents has answered, never during the call', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [target] });
    await bus.putEvents([entry()]);
    expect(events).toHaveLength(0);
    expect(bus.stats().inFlight).toBe(1);
    await bus.drain();
    expect(events).toHaveLength(1);
    expect(bus.stats().inFlight).toBe(0);
  });

  it('delivers to every target of every matching rule, and to no other', async () => {
    const bus = newBus();
    const a = recordingTarget('a');
    const b = recordingTarget('b');
    const c = recordingTarget('c');
    bus.putRule({ name: 'by-source', eventPattern: everythingFromEtl, targets: [a.target, b.target] });
    bus.putRule({
      name: 'by-detail',
      eventPattern: { detail: { rows: [{ numeric: ['>', 2] }] } },
      targets: [c.target],
    });
    bus.putRule({ name: 'other', eventPattern: { source: ['aws.s3'] }, targets: [recordingTarget('d').target] });

    await bus.putEvents([entry(), entry({ Detail: '{"rows":1}' })]);
    await bus.drain();

    expect(a.events).toHaveLength(2);
    expect(b.events).toHaveLength(2);
    expect(c.events.map((event) => event.detail)).toEqual([{ rows: 3 }]);
    expect(bus.stats()).toEqual({
      put: 2,
      rejected: 0,
      matched: 3,
      delivered: 5,
      failed: 0,
      deadLettered: 0,
      inFlight: 0,
    });
  });

  it('retries a failing target and counts each failed attempt', async () => {
    const deadLetters: DeadLetter[] = [];
    const bus = newBus({ maxDeliveryAttempts: 3, onDeadLetter: (deadLetter) => deadLetters.push(deadLetter) });
    const flaky = flakyTarget(2);
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [flaky.target] });
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(flaky.calls()).toBe(3);
    expect(deadLetters).toEqual([]);
    expect(bus.stats()).toMatchObject({ delivered: 1, failed: 2, deadLettered: 0 });
  });

  it('hands the event to onDeadLetter with the last error after maxDeliveryAttempts', async () => {
    const deadLetters: DeadLetter[] = [];
    const bus = newBus({ maxDeliveryAttempts: 2, onDeadLetter: (deadLetter) => deadLetters.push(deadLetter) });
    const flaky = flakyTarget(Number.POSITIVE_INFINITY, 'broken');
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [flaky.target] });
    const response = await bus.putEvents([entry()]);
    await bus.drain();

    expect(flaky.calls()).toBe(2);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ ruleName: 'etl', targetId: 'broken', attempts: 2 });
    expect(deadLetters[0]?.event.id).toBe((response.Entries[0] as { EventId: string }).EventId);
    expect(deadLetters[0]?.error).toEqual(new Error('attempt 2 failed'));
    expect(bus.stats()).toMatchObject({ delivered: 0, failed: 2, deadLettered: 1 });
  });

  it('retries targets that throw synchronously too', async () => {
    const bus = newBus({ maxDeliveryAttempts: 2 });
    let calls = 0;
    const target: EventTarget = {
      id: 'sync-thrower',
      invoke: () => {
        calls++;
        throw new Error('boom');
      },
    };
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [target] });
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(calls).toBe(2);
    expect(bus.stats()).toMatchObject({ failed: 2, deadLettered: 1 });
  });

  it('waits exponentially longer before each retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
    const bus = newBus({ maxDeliveryAttempts: 4, retryBaseDelayMs: 100 });
    const flaky = flakyTarget(Number.POSITIVE_INFINITY);
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [flaky.target] });
    await bus.putEvents([entry()]);

    const callsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return flaky.calls();
    };
    expect(await callsAfter(0)).toBe(1);
    expect(await callsAfter(99)).toBe(1);
    expect(await callsAfter(1)).toBe(2);
    expect(await callsAfter(199)).toBe(2);
    expect(await callsAfter(1)).toBe(3);
    expect(await callsAfter(399)).toBe(3);
    expect(await callsAfter(1)).toBe(4);
    expect(bus.stats()).toMatchObject({ failed: 4, deadLettered: 1, inFlight: 0 });
  });

  it('gives each target its own copy of the event', async () => {
    const bus = newBus();
    const seen = recordingTarget('second');
    const mutator: EventTarget = {
      id: 'first',
      invoke: async (event) => {
        (event.detail as { rows: number }).rows = 999;
      },
    };
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [mutator, seen.target] });
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(seen.events[0]?.detail).toEqual({ rows: 3 });
  });

  it('drains deliveries that targets start while draining', async () => {
    const bus = newBus();
    const downstream = recordingTarget('downstream');
    const relay: EventTarget = {
      id: 'relay',
      invoke: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await bus.putEvents([entry({ Source: 'sluice.catalog-updater', DetailType: 'Partitions Registered' })]);
      },
    };
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [relay] });
    bus.putRule({
      name: 'catalog',
      eventPattern: { source: ['sluice.catalog-updater'] },
      targets: [downstream.target],
    });
    await bus.putEvents([entry()]);
    await bus.drain();
    expect(downstream.events).toHaveLength(1);
  });

  it('surfaces an onDeadLetter that throws through drain, once', async () => {
    const bus = newBus({
      maxDeliveryAttempts: 1,
      onDeadLetter: () => {
        throw new Error('dead-letter queue unavailable');
      },
    });
    bus.putRule({ name: 'etl', eventPattern: everythingFromEtl, targets: [flakyTarget(1).target] });
    await bus.putEvents([entry()]);
    await expect(bus.drain()).rejects.toThrow(AggregateError);
    await expect(bus.drain()).resolves.toBeUndefined();
  });
});

describe('publish', () => {
  const objectCreated = (): EventBridgeEvent => ({
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: ACCOUNT,
    time: '2021-11-12T00:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:s3:::lake'],
    detail: {
      version: '0',
      bucket: { name: 'lake' },
      object: { key: 'events/part-0.parquet', size: 5, etag: 'b1946ac9', sequencer: '00617F08299329D189' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: ACCOUNT,
      reason: 'PutObject',
    },
  });

  it('routes an AWS-emitted envelope unchanged', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    const pattern = {
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ suffix: '.parquet' }] } },
    };
    bus.putRule({ name: 'parquet', eventPattern: pattern, targets: [target] });
    const event = objectCreated();
    bus.publish(event);
    await bus.drain();
    expect(events).toEqual([objectCreated()]);
    expect(bus.stats()).toMatchObject({ put: 1, matched: 1, delivered: 1 });
  });

  it('is not affected by the caller changing the event afterwards', async () => {
    const bus = newBus();
    const { target, events } = recordingTarget();
    bus.putRule({ name: 's3', eventPattern: { source: ['aws.s3'] }, targets: [target] });
    const event = objectCreated();
    bus.publish(event);
    (event.detail as { reason: string }).reason = 'changed';
    await bus.drain();
    expect(events[0]?.detail).toMatchObject({ reason: 'PutObject' });
  });

  it('rejects a malformed envelope, listing every problem', () => {
    const malformed = {
      ...objectCreated(),
      version: '1',
      account: 'me',
      detail: 'text',
    } as unknown as EventBridgeEvent;
    expect(() => newBus().publish(malformed)).toThrow(InvalidEventError);
    expect(() => newBus().publish(malformed)).toThrow(/version.*\n.*account.*\n.*detail/s);
  });
});
