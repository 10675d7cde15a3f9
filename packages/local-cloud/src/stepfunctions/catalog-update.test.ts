import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventBridgeEvent } from '../eventbridge';
import { LocalEventBus } from '../eventbridge';
import { catalogUpdaterContext, loadCatalogUpdaterMachine, objectCreatedEvent } from './catalog-updater.fixture';
import { InvalidDefinitionError } from './errors';
import { LocalStateMachines } from './local-state-machine';
import { resolveDefinition } from './resolve-definition';
import type { JsonObject, JsonValue, LocalStateMachinesOptions, PutEventsEntry } from './types';

// The deployed definition, from services/catalog-updater/serverless.yml, resolved as the local cloud will.
const machine = loadCatalogUpdaterMachine();
const context = catalogUpdaterContext(machine.functionKeys);
const definition = resolveDefinition(machine.definition, context);
const ARN = `arn:aws:states:us-east-1:000000000000:stateMachine:${machine.name}`;
const REGISTER_PARTITIONS =
  'arn:aws:lambda:us-east-1:000000000000:function:sluice-catalog-updater-dev-registerPartitions';
const LOAD_WAREHOUSE = 'arn:aws:lambda:us-east-1:000000000000:function:sluice-warehouse-loader-dev-loadWarehouse';
const FAILED_OBJECTS_QUEUE = context.refs.FailedObjectsQueue;

const registration = { table: 'events', partitions: [{ dt: '2026-11-25', country: 'PT' }], created: 1 };
// What the registerPartitions function returns: the detail to publish, and no crawler run (a direct-mode table).
const registered = { registration, crawler: { name: null, start: false, rounds: 0 } };
const loaded = { table: 'events', files: 1, rows: 1200 };

type LocalFunction = (payload: JsonValue) => unknown;

/** The machine wired to recording stand-ins; `functions` are the local Lambdas by ARN. */
function catalogUpdate(functions: Record<string, LocalFunction>, options: Partial<LocalStateMachinesOptions> = {}) {
  const invocations: { functionName: string; payload: JsonValue; at: number }[] = [];
  const published: PutEventsEntry[] = [];
  const sent: { queueUrl: string; body: string }[] = [];
  const machines = new LocalStateMachines({
    invokeFunction: async (functionName, payload) => {
      invocations.push({ functionName, payload, at: Date.now() });
      const fn = functions[functionName];
      if (fn === undefined)
        throw Object.assign(new Error(`Function not found: ${functionName}`), { name: 'ResourceNotFoundException' });
      return fn(payload);
    },
    putEvents: async (entries) => {
      published.push(...entries);
      return { FailedEntryCount: 0, Entries: entries.map((_, index) => ({ EventId: `event-${index}` })) };
    },
    sendMessage: async (queueUrl, body) => {
      sent.push({ queueUrl, body });
      return { MessageId: `message-${sent.length}` };
    },
    ...options,
  });
  machines.register({ name: machine.name, arn: ARN, definition });
  const callsTo = (functionName: string) => invocations.filter((call) => call.functionName === functionName);
  return { machines, invocations, callsTo, published, sent };
}

const healthy = { [REGISTER_PARTITIONS]: () => registered, [LOAD_WAREHOUSE]: () => loaded };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the catalog-update state machine, run locally from its serverless.yml', () => {
  it('registers, loads, then publishes both details on the local event bus', async () => {
    const bus = new LocalEventBus({ name: 'default', account: '000000000000', region: 'us-east-1' });
    const delivered: EventBridgeEvent[] = [];
    bus.putRule({
      name: 'pipeline-events',
      eventPattern: { source: ['sluice.catalog-updater', 'sluice.warehouse-loader'] },
      targets: [{ id: 'recorder', invoke: async (event) => delivered.push(event) }],
    });
    const { machines, invocations } = catalogUpdate(healthy, { putEvents: (entries) => bus.putEvents(entries) });
    const event = objectCreatedEvent();

    const { executionArn, result } = machines.startExecution(ARN, event);
    const outcome = await result;
    await bus.drain();

    // PublishPipelineEvents has no ResultPath: on AWS too, the execution's output is the PutEvents response.
    expect(outcome).toEqual({
      status: 'SUCCEEDED',
      output: { FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }, { EventId: expect.any(String) }] },
    });
    expect(invocations.map(({ functionName, payload }) => ({ functionName, payload }))).toEqual([
      { functionName: REGISTER_PARTITIONS, payload: event },
      {
        functionName: LOAD_WAREHOUSE,
        payload: { bucket: event.detail.bucket.name, objectKeys: [event.detail.object.key] },
      },
    ]);
    expect(delivered.map((e) => ({ source: e.source, type: e['detail-type'], detail: e.detail }))).toEqual([
      { source: 'sluice.catalog-updater', type: 'PartitionsRegistered', detail: registration },
      { source: 'sluice.warehouse-loader', type: 'WarehouseLoaded', detail: loaded },
    ]);
    expect(delivered[0]?.resources).toEqual([executionArn, ARN]);
    expect(machines.list()).toEqual([
      {
        name: 'sluice-dev-catalog-update',
        arn: ARN,
        stats: { started: 1, running: 0, succeeded: 1, failed: 0, timedOut: 0, aborted: 0 },
      },
    ]);
  });

  it('sends each Detail as the JSON text of the object the state selected', async () => {
    const { machines, published } = catalogUpdate(healthy);

    await machines.startExecution(ARN, objectCreatedEvent()).result;

    expect(published.map(({ EventBusName, DetailType, Detail }) => ({ EventBusName, DetailType, Detail }))).toEqual([
      { EventBusName: 'default', DetailType: 'PartitionsRegistered', Detail: JSON.stringify(registration) },
      { EventBusName: 'default', DetailType: 'WarehouseLoaded', Detail: JSON.stringify(loaded) },
    ]);
  });

  it('retries a failing registration after the Retry intervals of the definition, then goes on', async () => {
    vi.useFakeTimers();
    // JitterStrategy FULL waits a uniform random time up to the backoff interval; at the top of Math.random the
    // wait is the interval itself, so the pauses show IntervalSeconds 2 and BackoffRate 2 from the definition.
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    let attempts = 0;
    const { machines, callsTo } = catalogUpdate({
      ...healthy,
      [REGISTER_PARTITIONS]: () => {
        attempts++;
        if (attempts <= 2) throw new Error('Rate exceeded (Glue ThrottlingException)');
        return registered;
      },
    });
    const startedAt = Date.now();

    const { result } = machines.startExecution(ARN, objectCreatedEvent());
    await vi.advanceTimersByTimeAsync(1_999);
    expect(callsTo(REGISTER_PARTITIONS)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_001);
    const outcome = await result;

    expect(callsTo(REGISTER_PARTITIONS).map((call) => call.at - startedAt)).toEqual([0, 2_000, 6_000]);
    expect(callsTo(LOAD_WAREHOUSE)).toHaveLength(1);
    expect(outcome.status).toBe('SUCCEEDED');
  });

  it('gives up after MaxAttempts, queues the object with the error, and fails with CatalogUpdateFailed', async () => {
    const { machines, callsTo, sent } = catalogUpdate(
      { ...healthy, [REGISTER_PARTITIONS]: () => Promise.reject(new TypeError('partition value is not a date')) },
      { retryPauseMs: 0 },
    );
    const event = objectCreatedEvent();

    const { executionArn, result } = machines.startExecution(ARN, event);
    const outcome = await result;

    expect(callsTo(REGISTER_PARTITIONS)).toHaveLength(5); // the first attempt and MaxAttempts 4 retries
    expect(callsTo(LOAD_WAREHOUSE)).toHaveLength(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.queueUrl).toBe(FAILED_OBJECTS_QUEUE);
    const message = JSON.parse(sent[0]?.body ?? 'null');
    expect(message).toEqual({ ...event, error: { Error: 'TypeError', Cause: expect.any(String) } });
    expect(JSON.parse(message.error.Cause)).toEqual({
      errorType: 'TypeError',
      errorMessage: 'partition value is not a date',
      trace: expect.arrayContaining([expect.stringContaining('TypeError: partition value is not a date')]),
    });
    expect(outcome).toEqual({
      status: 'FAILED',
      error: 'CatalogUpdateFailed',
      cause: 'The object could not be registered or loaded; it is in the failed-objects queue for redrive.',
    });
    expect(machines.describeExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'CatalogUpdateFailed',
      input: event,
      stopDate: expect.any(Date),
    });
    expect(machines.list()[0]?.stats).toEqual({
      started: 1,
      running: 0,
      succeeded: 0,
      failed: 1,
      timedOut: 0,
      aborted: 0,
    });
  });

  it('queues an object whose load fails with what was already registered', async () => {
    const { machines, sent } = catalogUpdate(
      { ...healthy, [LOAD_WAREHOUSE]: () => Promise.reject(new Error('COPY failed: file not found')) },
      { retryPauseMs: 0 },
    );

    const outcome = await machines.startExecution(ARN, objectCreatedEvent()).result;

    expect(JSON.parse(sent[0]?.body ?? 'null')).toMatchObject({ catalog: registered, error: { Error: 'Error' } });
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'CatalogUpdateFailed' });
  });

  it('fails the execution with EventBridge.FailedEntry once the publish retries are spent', async () => {
    // A bus with another name: every entry addressed to `default` comes back as a failed entry, as on AWS.
    const bus = new LocalEventBus({ name: 'sluice', account: '000000000000', region: 'us-east-1' });
    let putEventsCalls = 0;
    const { machines } = catalogUpdate(healthy, {
      retryPauseMs: 0,
      putEvents: (entries) => {
        putEventsCalls++;
        return bus.putEvents(entries);
      },
    });

    const outcome = await machines.startExecution(ARN, objectCreatedEvent()).result;

    expect(putEventsCalls).toBe(4); // the first attempt and MaxAttempts 3 retries
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'EventBridge.FailedEntry' });
    expect(outcome.status !== 'SUCCEEDED' && JSON.parse(outcome.cause)).toMatchObject({
      FailedEntryCount: 2,
      Entries: [{ ErrorCode: 'ResourceNotFoundException' }, { ErrorCode: 'ResourceNotFoundException' }],
    });
  });

  it('leaves no unhandled rejection when a failing execution is never awaited', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      // Registration fails, and so does the queue the Catch sends to: the task error reaches the execution.
      const { machines } = catalogUpdate(
        { [REGISTER_PARTITIONS]: () => Promise.reject(new Error('boom')) },
        { retryPauseMs: 0, sendMessage: () => Promise.reject(new Error('queue is down')) },
      );
      const { executionArn } = machines.startExecution(ARN, objectCreatedEvent());
      await vi.waitFor(() => expect(machines.describeExecution(executionArn)?.status).toBe('FAILED'));
      // unhandledRejection is emitted after the microtask queue drains; give it a full turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(machines.describeExecution(executionArn)).toMatchObject({ error: 'SQS.Error', cause: 'queue is down' });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('refuses a definition asl-validator rejects, with its messages', () => {
    const broken = structuredClone(definition) as JsonObject & { States: Record<string, JsonObject> };
    const loadWarehouse = broken.States.LoadWarehouse;
    if (loadWarehouse === undefined) throw new Error('the definition has no LoadWarehouse state');
    loadWarehouse.Next = 'PublishEvents'; // a state that does not exist
    const machines = catalogUpdate(healthy).machines;

    const register = () => machines.register({ name: 'broken', arn: `${ARN}-broken`, definition: broken });

    expect(register).toThrow(InvalidDefinitionError);
    expect(register).toThrow(/MISSING_TRANSITION_TARGET: .*PublishEvents/);
    expect(machines.list().map(({ name }) => name)).toEqual(['sluice-dev-catalog-update']);
  });
});
