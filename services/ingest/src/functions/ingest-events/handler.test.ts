import { createInMemoryStream } from '@sluice/adapters-local';
import { DEFAULT_RETRY_POLICY } from '@sluice/core';
import { attendeeRegistered, httpApiEvent, sessionCheckedIn } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const noWait = { ...DEFAULT_RETRY_POLICY, sleep: async () => {} };
const context = {} as Context;

function setup(failWith?: Parameters<typeof createInMemoryStream>[0]) {
  const stream = createInMemoryStream(failWith);
  const handler = createHandler(async () => ({ putRecords: stream.putRecords, retry: noWait }));
  const post = async (body: unknown) => {
    const result = await handler(
      httpApiEvent('POST', '/events', typeof body === 'string' ? body : JSON.stringify(body)),
      context,
    );
    return { status: result.statusCode, body: JSON.parse(result.body) };
  };
  return { stream, post };
}

describe('POST /events', () => {
  it('puts valid events to the stream keyed by attendeeId and answers 200 per event', async () => {
    const { stream, post } = setup();
    const events = [attendeeRegistered({ attendeeId: 'att-7' }), sessionCheckedIn({ attendeeId: 'att-8' })];
    const { status, body } = await post({ events });
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(stream.records.map((r) => r.partitionKey)).toEqual(['att-7', 'att-8']);
    expect(JSON.parse(Buffer.from(stream.records[0]?.data ?? []).toString())).toEqual(events[0]);
  });

  it('rejects a malformed event with a message naming the offending field, and still accepts the valid one', async () => {
    const { stream, post } = setup();
    const { status, body } = await post([attendeeRegistered({ email: 'not-an-email' }), attendeeRegistered()]);
    expect(status).toBe(207);
    expect(body.results[0]).toMatchObject({ status: 'rejected' });
    expect(body.results[0].errors.join()).toMatch(/^email: /);
    expect(body.results[1]).toMatchObject({ status: 'accepted' });
    expect(stream.records).toHaveLength(1);
  });

  it('retries only the records Kinesis failed, then accepts them', async () => {
    const { stream, post } = setup((_record, call) =>
      call === 1 ? 'ProvisionedThroughputExceededException' : undefined,
    );
    const { status, body } = await post([attendeeRegistered(), attendeeRegistered()]);
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(stream.calls).toEqual([2, 2]);
  });

  it('answers 503 per record when Kinesis keeps failing, never 2xx for an unaccepted record', async () => {
    const { post } = setup(() => 'InternalFailure');
    const { status, body } = await post(attendeeRegistered());
    expect(status).toBe(503);
    expect(body.results[0]).toMatchObject({ status: 'failed' });
    expect(body.results[0].error).toMatch(/InternalFailure/);
  });

  it('answers 400 for a body that is not JSON and 413 above 500 events', async () => {
    const { post } = setup();
    expect((await post('{"events": [')).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, () => attendeeRegistered());
    expect((await post(tooMany)).status).toBe(413);
  });
});
