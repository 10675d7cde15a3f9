import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTopology } from './load-topology';
import type { PrintedService } from './serverless-print';
import { NoLocalCounterpartError, type ServiceTopology, serviceTopology } from './topology';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let topology: ServiceTopology[];

beforeAll(async () => {
  topology = await loadTopology(repoRoot, 'local', mkdtempSync(join(tmpdir(), 'sluice-print-')));
}, 180_000);

describe('local topology from the services serverless.yml', () => {
  it('has a local counterpart for every function of every service, with its handler module on disk', () => {
    expect(topology.map((s) => s.key)).toEqual([
      'ingest',
      'stream-etl',
      'warehouse-loader',
      'catalog-updater',
      'reporting',
    ]);
    const functions = topology.flatMap((s) => s.functions.map((fn) => ({ ...fn, dir: s.dir })));
    expect(functions.map((fn) => fn.key).sort()).toEqual(
      [
        'compactPartitions',
        'ingestEvents',
        'loadWarehouse',
        'processStream',
        'registerPartitions',
        'reportingApi',
        'scheduledReport',
      ].sort(),
    );
    for (const fn of functions) expect(existsSync(join(fn.dir, `${fn.modulePath}.ts`)), fn.modulePath).toBe(true);
  });

  it('reads the Kinesis mapping settings from serverless.yml', () => {
    const processStream = topology.flatMap((s) => s.functions).find((fn) => fn.key === 'processStream');
    expect(processStream?.events).toEqual([
      {
        type: 'stream',
        streamName: 'sluice-local-events',
        batchSize: 1000,
        maximumBatchingWindowInSeconds: 5,
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 5,
        maximumRecordAgeInSeconds: 3600,
        reportBatchItemFailures: true,
        startingPosition: 'TRIM_HORIZON',
        onFailureDestination: 'arn:aws:sqs:us-east-1:000000000000:sluice-local-stream-etl-failed-batches',
      },
    ]);
  });

  it('resolves the state machine rule and its ASL to plain values (no intrinsics left)', () => {
    const [machine] = topology.flatMap((s) => s.stateMachines);
    expect(machine?.rules[0]?.pattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: { name: ['sluice-local-lake-eu-west-1'] },
        object: { key: [{ prefix: 'curated/' }] },
      },
    });
    expect(JSON.stringify(machine?.definition)).not.toMatch(/Fn::|"Ref"/);
    expect(JSON.stringify(machine?.definition)).toContain('function:sluice-warehouse-loader-local-loadWarehouse');
  });

  it('wires a function EventBridge rule to the function', () => {
    const printed: PrintedService = {
      service: 'x',
      provider: { stage: 'local', region: 'us-east-1' },
      functions: {
        fn: {
          handler: 'src/h.handler',
          name: 'x-local-fn',
          events: [
            { eventBridge: { pattern: { source: ['sluice.warehouse-loader'], 'detail-type': ['WarehouseLoaded'] } } },
          ],
        },
      },
    };
    expect(serviceTopology('x', '/tmp', printed).functions[0]?.events).toEqual([
      { type: 'eventBridge', pattern: { source: ['sluice.warehouse-loader'], 'detail-type': ['WarehouseLoaded'] } },
    ]);
  });

  it('fails loudly for an event the local cloud cannot run', () => {
    const printed: PrintedService = {
      service: 'x',
      provider: { stage: 'local', region: 'us-east-1' },
      functions: {
        fn: { handler: 'src/h.handler', name: 'x-local-fn', events: [{ sqs: { arn: 'arn:aws:sqs:::q' } }] },
      },
    };
    expect(() => serviceTopology('x', '/tmp', printed)).toThrow(NoLocalCounterpartError);
    expect(() => serviceTopology('x', '/tmp', printed)).toThrow(/the event "sqs" has no local counterpart/);
  });
});
