import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { PutEventsValidationError } from '../eventbridge';
import { type TaskPorts, taskHandlerFor } from './task-dispatch';
import { TaskFailedError } from './task-failure';
import type { JsonValue, PutEventsEntry } from './types';

const execution = {
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e1',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
};

function ports(overrides: Partial<TaskPorts> = {}): TaskPorts {
  return {
    invokeFunction: async () => ({ ok: true }),
    putEvents: async (entries) => ({ FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `e${i}` })) }),
    sendMessage: async () => ({ MessageId: 'm1' }),
    ...overrides,
  };
}

async function failureOf(run: Promise<JsonValue>): Promise<TaskFailedError> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof TaskFailedError) return error;
  throw new Error(`expected a TaskFailedError, got ${String(error)}`);
}

const lambdaInvoke = (overrides: Partial<TaskPorts> = {}) =>
  taskHandlerFor('arn:aws:states:::lambda:invoke', ports(overrides), execution);

describe('lambda:invoke', () => {
  it('answers like the real integration, the function result under Payload', async () => {
    const invokeFunction = vi.fn(async () => ({ at: new Date(0), skipped: undefined }));

    const result = await lambdaInvoke({ invokeFunction })({ FunctionName: 'f', Payload: { a: 1 } });

    expect(invokeFunction).toHaveBeenCalledWith('f', { a: 1 });
    expect(result).toEqual({
      ExecutedVersion: '$LATEST',
      Payload: { at: '1970-01-01T00:00:00.000Z' },
      StatusCode: 200,
    });
  });

  it('gives a function that returns nothing a null Payload, and one invoked without Payload an empty event', async () => {
    const invokeFunction = vi.fn(async () => undefined);

    const result = await lambdaInvoke({ invokeFunction })({ FunctionName: 'f' });

    expect(invokeFunction).toHaveBeenCalledWith('f', {});
    expect(result).toMatchObject({ Payload: null });
  });

  it("keeps the errorType of an error already in Lambda's shape", async () => {
    const thrown = { errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined', trace: [] };

    const failure = await failureOf(
      lambdaInvoke({ invokeFunction: () => Promise.reject(thrown) })({ FunctionName: 'f' }),
    );

    expect(failure.name).toBe('Runtime.HandlerNotFound');
    expect(JSON.parse(failure.message)).toEqual(thrown);
    expect(failure.isRetryable).toBe(true);
  });

  it('refuses what the local Lambda port cannot do instead of ignoring it', async () => {
    const eventInvocation = await failureOf(lambdaInvoke()({ FunctionName: 'f', InvocationType: 'Event' }));
    const qualifier = await failureOf(lambdaInvoke()({ FunctionName: 'f', Qualifier: 'live' }));
    const missingName = await failureOf(lambdaInvoke()({ Payload: {} }));

    expect([eventInvocation, qualifier, missingName].map((f) => [f.name, f.isRetryable, f.isCatchable])).toEqual([
      ['States.Runtime', false, false],
      ['States.Runtime', false, false],
      ['States.Runtime', false, false],
    ]);
    expect(eventInvocation.message).toMatch(/InvocationType "Event"/);
    expect(qualifier.message).toMatch(/Qualifier/);
  });
});

describe('events:putEvents', () => {
  const putEventsTask = (overrides: Partial<TaskPorts>) =>
    taskHandlerFor('arn:aws:states:::events:putEvents', ports(overrides), execution);

  it('stringifies an object Detail, keeps a string one, and appends the execution and machine ARNs', async () => {
    const sent: PutEventsEntry[] = [];
    const putEvents = async (entries: readonly PutEventsEntry[]) => {
      sent.push(...entries);
      return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) };
    };

    const result = await putEventsTask({ putEvents })({
      Entries: [
        { Source: 's', DetailType: 'A', Detail: { rows: 3 }, Resources: ['arn:aws:s3:::lake'] },
        { Source: 's', DetailType: 'B', Detail: '{"raw":true}', EventBusName: 'sluice' },
      ],
    });

    expect(sent).toEqual([
      {
        Source: 's',
        DetailType: 'A',
        Detail: '{"rows":3}',
        Resources: ['arn:aws:s3:::lake', execution.executionArn, execution.stateMachineArn],
      },
      {
        EventBusName: 'sluice',
        Source: 's',
        DetailType: 'B',
        Detail: '{"raw":true}',
        Resources: [execution.executionArn, execution.stateMachineArn],
      },
    ]);
    expect(result).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }, { EventId: 'e' }] });
  });

  it('fails with EventBridge.FailedEntry when any entry failed, the response as the cause', async () => {
    const response = {
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }],
    };

    const failure = await failureOf(
      putEventsTask({ putEvents: async () => response })({ Entries: [{ Source: 's', DetailType: 'A', Detail: {} }] }),
    );

    expect(failure.name).toBe('EventBridge.FailedEntry');
    expect(JSON.parse(failure.message)).toEqual(response);
  });

  it('names a request the bus rejects as a whole after the bus exception', async () => {
    const putEvents = () =>
      Promise.reject(new PutEventsValidationError('Total size of the entries in the request is over the limit.'));

    const failure = await failureOf(
      putEventsTask({ putEvents })({ Entries: [{ Source: 's', DetailType: 'A', Detail: {} }] }),
    );

    expect(failure.name).toBe('EventBridge.ValidationException');
  });
});

describe('sqs:sendMessage', () => {
  it('sends an object body as its JSON text and answers with MessageId and the MD5 of the body', async () => {
    const sendMessage = vi.fn(async () => ({ MessageId: 'm-1' }));
    const handler = taskHandlerFor('arn:aws:states:::sqs:sendMessage', ports({ sendMessage }), execution);

    const result = await handler({
      QueueUrl: 'http://127.0.0.1:9324/000000000000/q',
      MessageBody: { key: 'curated/a' },
    });

    expect(sendMessage).toHaveBeenCalledWith('http://127.0.0.1:9324/000000000000/q', '{"key":"curated/a"}');
    expect(result).toEqual({
      MessageId: 'm-1',
      MD5OfMessageBody: createHash('md5').update('{"key":"curated/a"}').digest('hex'),
    });
  });

  it('sends a string body verbatim and refuses parameters the local queue cannot carry', async () => {
    const sendMessage = vi.fn(async () => ({ MessageId: 'm-1' }));
    const handler = taskHandlerFor('arn:aws:states:::sqs:sendMessage', ports({ sendMessage }), execution);

    await handler({ QueueUrl: 'q', MessageBody: 'plain text' });
    const fifo = await failureOf(handler({ QueueUrl: 'q', MessageBody: 'x', MessageGroupId: 'g' }));

    expect(sendMessage).toHaveBeenCalledWith('q', 'plain text');
    expect([fifo.name, fifo.message]).toEqual([
      'States.Runtime',
      'sqs:sendMessage parameters not supported locally: MessageGroupId',
    ]);
  });
});

describe('other Resources', () => {
  it.each([
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:aws:states:::states:startExecution.sync:2',
    'arn:aws:states:::glue:startCrawler',
  ])('fail %s as States.Runtime, neither retried nor caught', async (resource) => {
    const failure = await failureOf(taskHandlerFor(resource, ports(), execution)({}));

    expect([failure.name, failure.isRetryable, failure.isCatchable]).toEqual(['States.Runtime', false, false]);
    expect(failure.message).toContain(`Resource ${resource} is not supported`);
  });
});
