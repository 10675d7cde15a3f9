import { buildAwsClients, buildKinesisPutRecords } from '@sluice/adapters-aws';
import { DEFAULT_RETRY_POLICY, putWithRetries } from '@sluice/core';
import type { GeneratedRecord } from '../generator';

/**
 * The traffic generator's producer: a real AWS SDK Kinesis client against the local endpoint, as any
 * producer would use it (PutRecords of up to 500, failed records retried with backoff).
 */
export function kinesisSender(endpoint: string, streamName: string) {
  const clients = buildAwsClients({
    region: 'us-east-1',
    endpoints: { kinesis: endpoint },
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const putRecords = buildKinesisPutRecords(clients.kinesis, { streamName });
  return async (records: readonly GeneratedRecord[]) => {
    const outcomes = await putWithRetries(
      putRecords,
      records.map((r) => ({ partitionKey: r.partitionKey, data: r.data })),
      DEFAULT_RETRY_POLICY,
    );
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed > 0) throw new Error(`${failed} of ${records.length} records were not accepted by the stream`);
  };
}
