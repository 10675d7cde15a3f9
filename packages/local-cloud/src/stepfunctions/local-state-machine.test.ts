import { ConfigurationError } from '@sluice/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateMachineAlreadyExistsError, StateMachineDoesNotExistError, UnsupportedLocallyError } from './errors';
import { LocalStateMachines } from './local-state-machine';
import type { JsonObject, LocalStateMachinesOptions } from './types';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:local-test';

function machines(options: Partial<LocalStateMachinesOptions> = {}) {
  return new LocalStateMachines({
    invokeFunction: async () => ({}),
    putEvents: async (entries) => ({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) }),
    sendMessage: async () => ({ MessageId: 'm' }),
    ...options,
  });
}

function oneTask(resource: string, extra: JsonObject = {}): JsonObject {
  return { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: resource, End: true, ...extra } } };
}

const echo: JsonObject = { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } };

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalStateMachines', () => {
  it('refuses options it cannot work with, listing every problem', () => {
    expect(() => machines({ retryPauseMs: -1, historyLimit: 0 })).toThrow(ConfigurationError);
    expect(() => machines({ retryPauseMs: -1, historyLimit: 0 })).toThrow(/retryPauseMs[\s\S]*historyLimit/);
  });

  it('refuses a second machine under the same ARN and executions of an unknown one', () => {
    const local = machines();
    local.register({ name: 'local-test', arn: ARN, definition: echo });

    expect(() => local.register({ name: 'local-test', arn: ARN, definition: echo })).toThrow(
      StateMachineAlreadyExistsError,
    );
    expect(() => local.startExecution(`${ARN}-nope`, {})).toThrow(StateMachineDoesNotExistError);
  });

  it('refuses valid ASL the local interpreter would run differently (Distributed Map)', () => {
    const distributedMap: JsonObject = {
      StartAt: 'EachObject',
      States: {
        EachObject: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:listObjectsV2',
            Parameters: { Bucket: 'lake', Prefix: 'curated/' },
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Noop',
            States: { Noop: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    };

    const register = () => machines().register({ name: 'dmap', arn: ARN, definition: distributedMap });

    expect(register).toThrow(UnsupportedLocallyError);
    expect(register).toThrow(/EachObject: ItemReader \(Distributed Map\)[\s\S]*ProcessorConfig\.Mode DISTRIBUTED/);
  });

  it('is not affected by later changes to the definition object it was given', async () => {
    const definition = structuredClone(echo);
    const local = machines();
    local.register({ name: 'local-test', arn: ARN, definition });
    definition.StartAt = 'Elsewhere';

    expect(await local.startExecution(ARN, { a: 1 }).result).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
  });

  it('fails an unsupported Resource outright, past Retry and Catch, naming the Resource', async () => {
    const invokeFunction = vi.fn(async () => ({}));
    const local = machines({ invokeFunction });
    const definition: JsonObject = {
      StartAt: 'Crawl',
      States: {
        Crawl: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:glue:startJobRun',
          Parameters: { JobName: 'sluice-dev-compact' },
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    local.register({ name: 'local-test', arn: ARN, definition });

    const outcome = await local.startExecution(ARN, {}).result;

    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(outcome.status !== 'SUCCEEDED' && outcome.cause).toMatch(
      /arn:aws:states:::aws-sdk:glue:startJobRun is not supported/,
    );
    expect(invokeFunction).not.toHaveBeenCalled();
  });

  it('runs the legacy Task form whose Resource is a function ARN, the input as the event', async () => {
    const functionArn = 'arn:aws:lambda:us-east-1:000000000000:function:sluice-dev-echo';
    const invokeFunction = vi.fn(async (_name: string, payload: unknown) => ({ seen: payload }));
    const local = machines({ invokeFunction });
    local.register({ name: 'local-test', arn: ARN, definition: oneTask(functionArn) });

    const outcome = await local.startExecution(ARN, { a: 1 }).result;

    expect(invokeFunction).toHaveBeenCalledWith(functionArn, { a: 1 });
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: { seen: { a: 1 } } });
  });

  it('times an execution out at the TimeoutSeconds of its definition', async () => {
    vi.useFakeTimers();
    const local = machines();
    const slow: JsonObject = {
      TimeoutSeconds: 5,
      StartAt: 'Wait',
      States: { Wait: { Type: 'Wait', Seconds: 60, End: true } },
    };
    local.register({ name: 'local-test', arn: ARN, definition: slow });

    const { result } = local.startExecution(ARN, {});
    await vi.advanceTimersByTimeAsync(5_000);

    expect(await result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(local.list()[0]?.stats).toEqual({
      started: 1,
      running: 0,
      succeeded: 0,
      failed: 0,
      timedOut: 1,
      aborted: 0,
    });
  });

  it('exposes Execution.Id and StateMachine.Id through the context object', async () => {
    const local = machines();
    const definition: JsonObject = {
      StartAt: 'Ids',
      States: {
        Ids: {
          Type: 'Pass',
          Parameters: { 'execution.$': '$$.Execution.Id', 'machine.$': '$$.StateMachine.Id' },
          End: true,
        },
      },
    };
    local.register({ name: 'local-test', arn: ARN, definition });

    const { executionArn, result } = local.startExecution(ARN, {});

    expect(executionArn).toMatch(/^arn:aws:states:us-east-1:000000000000:execution:local-test:[0-9a-f-]{36}$/);
    expect(await result).toEqual({ status: 'SUCCEEDED', output: { execution: executionArn, machine: ARN } });
  });

  it('keeps the last executions only, newest first, running ones included', async () => {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const clock = [new Date('2026-11-25T10:00:00Z'), new Date('2026-11-25T10:00:01Z')];
    const local = machines({
      historyLimit: 2,
      now: () => clock[0] ?? new Date(0),
      invokeFunction: async (_name, payload) => {
        await blocked;
        return payload;
      },
    });
    local.register({
      name: 'local-test',
      arn: ARN,
      definition: oneTask('arn:aws:lambda:us-east-1:000000000000:function:f'),
    });

    const runs = [1, 2, 3].map((n) => local.startExecution(ARN, { n }));
    expect(local.executions().map((record) => [record.input, record.status])).toEqual([
      [{ n: 3 }, 'RUNNING'],
      [{ n: 2 }, 'RUNNING'],
    ]);
    expect(local.list()[0]?.stats).toMatchObject({ started: 3, running: 3 });

    clock.shift();
    release();
    await Promise.all(runs.map((run) => run.result));

    expect(local.executions()).toEqual([
      expect.objectContaining({ input: { n: 3 }, status: 'SUCCEEDED', output: { n: 3 }, stopDate: clock[0] }),
      expect.objectContaining({ input: { n: 2 }, status: 'SUCCEEDED', output: { n: 2 } }),
    ]);
    expect(local.describeExecution(runs[0]?.executionArn ?? '')).toBeUndefined();
    expect(local.list()[0]?.stats).toEqual({
      started: 3,
      running: 0,
      succeeded: 3,
      failed: 0,
      timedOut: 0,
      aborted: 0,
    });
  });
});
