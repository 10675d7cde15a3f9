import { describe, expect, it } from 'vitest';
import { LocalStateMachines } from './local-state-machine';
import type { InvokeFunction, JsonObject } from './types';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:local-test';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:f';
const oneTask: JsonObject = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: FUNCTION_ARN, End: true } } };

function machines(invokeFunction: InvokeFunction) {
  const local = new LocalStateMachines({
    invokeFunction,
    putEvents: async (entries) => ({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) }),
    sendMessage: async () => ({ MessageId: 'm' }),
  });
  local.register({ name: 'local-test', arn: ARN, definition: oneTask });
  return local;
}

/** A task that ends only when the test says so, and tells when it has started. */
function gatedTask() {
  const gates: (() => void)[] = [];
  let started: () => void = () => {};
  const firstStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const invoke: InvokeFunction = (_name, payload) =>
    new Promise((resolve) => {
      gates.push(() => resolve(payload));
      started();
    });
  return { invoke, firstStarted, openNext: () => gates.shift()?.() };
}

describe('LocalStateMachines.drain', () => {
  it('returns at once, abandoning nothing, when no execution is running', async () => {
    expect(await machines(async () => ({})).drain(30_000)).toEqual([]);
  });

  it('waits for running executions, and for executions started while it waits, before returning', async () => {
    const task = gatedTask();
    const local = machines(task.invoke);
    const first = local.startExecution(ARN, { n: 1 });
    await task.firstStarted;

    let drained = false;
    const draining = local.drain(30_000).then((abandoned) => {
      drained = true;
      return abandoned;
    });
    const second = local.startExecution(ARN, { n: 2 }); // e.g. from an event the first one put
    task.openNext();
    expect(await first.result).toMatchObject({ status: 'SUCCEEDED' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);

    await new Promise((resolve) => setImmediate(resolve)); // let the second one reach its task
    task.openNext();

    expect(await draining).toEqual([]);
    expect(await second.result).toEqual({ status: 'SUCCEEDED', output: { n: 2 } });
    expect(local.list()[0]?.stats).toMatchObject({ started: 2, running: 0, succeeded: 2, aborted: 0 });
  });

  it('aborts what is still running at the bound and names it; the executions end ABORTED', async () => {
    const task = gatedTask(); // never opened
    const local = machines(task.invoke);
    const stuck = local.startExecution(ARN, {});
    await task.firstStarted;

    expect(await local.drain(20)).toEqual([stuck.executionArn]);
    expect(await stuck.result).toMatchObject({ status: 'ABORTED', error: 'States.Aborted' });
    expect(local.describeExecution(stuck.executionArn)).toMatchObject({ status: 'ABORTED' });
    expect(local.list()[0]?.stats).toMatchObject({ running: 0, aborted: 1, failed: 0 });
  });
});
