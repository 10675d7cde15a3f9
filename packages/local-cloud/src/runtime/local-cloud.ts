import { createServer } from 'node:http';
import { join } from 'node:path';
import { LocalBuckets, localDataPaths, openLocalWarehouse } from '@sluice/adapters-local';
import { errorMessage, factTables, type Warehouse } from '@sluice/core';
import { createEventBridgeRequestHandler, LocalEventBus } from '../eventbridge';
import { FaultInjector, type FaultPlan, faultPlanFromEnvironment } from '../faults';
import { listenOnLoopback } from '../http/listen-on-loopback';
import { KinesisStore, LOCAL_ACCOUNT_ID as LOCAL_ACCOUNT, LOCAL_REGION, startKinesisServer } from '../kinesis';
import { KinesisEventSourceMapping } from '../lambda';
import { startS3Server } from '../s3';
import { type JsonValue, LocalStateMachines, localGlueCrawlers } from '../stepfunctions';
import { type LocalFunction, loadTopology, type ServiceTopology } from '../wiring';
import { gatewayRoutes, startHttpGateway } from './http-gateway';
import { localEnvironment, localMaskingKey } from './local-environment';
import { LocalLambda } from './local-lambda';
import { LocalQueues } from './local-queues';
import { captureHandlerOutput } from './log-capture';
import { PipelineMetrics } from './pipeline-metrics';
import { startSchedules } from './schedules';

export interface LocalCloudOptions {
  /** The repository: serverless-compose.yml and the services' serverless.yml are read from here. */
  readonly repoRoot: string;
  readonly dataDir: string;
  /** Ports on 127.0.0.1; 0 picks a free one. */
  readonly ports: { gateway: number; kinesis: number; s3: number; eventBridge: number };
  /** Shards for streams in ON_DEMAND mode (AWS scales those itself; locally the count is fixed). */
  readonly onDemandShards?: number;
  /** Where the local cloud's own messages go (handler output goes to the data dir's logs). */
  readonly log?: (message: string) => void;
  /** Failures to inject (fault-injection tests); default: the plan in SLUICE_FAULTS, if any. */
  readonly faults?: FaultPlan;
}

export interface LocalCloudEndpoints {
  readonly gateway: string;
  readonly kinesis: string;
  readonly s3: string;
  readonly eventBridge: string;
}

const STAGE = 'local';
/** How long stop() waits for running state-machine executions before it aborts them. */
const EXECUTION_GRACE_MS = 30_000;

/**
 * The whole system on one machine: Kinesis and S3 endpoints, EventBridge, Step Functions, Lambda (the
 * services' real handlers) and the HTTP API, wired from the services' serverless.yml.
 */
export class LocalCloud {
  private readonly closers: (() => Promise<void> | void)[] = [];
  private mappings: KinesisEventSourceMapping[] = [];
  private warehouseHandle: Promise<Warehouse> | undefined;
  /** The injected faults and how often each fired (nothing is injected without a plan). */
  faults = new FaultInjector({});

  private constructor(
    readonly topology: ServiceTopology[],
    readonly endpoints: LocalCloudEndpoints,
    readonly store: KinesisStore,
    readonly buckets: LocalBuckets,
    readonly bus: LocalEventBus,
    readonly lambda: LocalLambda,
    readonly stateMachines: LocalStateMachines,
    readonly queues: LocalQueues,
    readonly metrics: PipelineMetrics,
    readonly paths: ReturnType<typeof localDataPaths>,
    /** Writes to the terminal (handler output is captured to the log file, this is not). */
    readonly print: (message: string) => void,
  ) {}

  static async start(options: LocalCloudOptions): Promise<LocalCloud> {
    const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
    const paths = localDataPaths(options.dataDir);
    const topology = await loadTopology(options.repoRoot, STAGE, join(paths.root, 'cache', 'serverless-print'));
    const functions = topology.flatMap((service) => service.functions.map((fn) => ({ fn, dir: service.dir })));
    const resources = topology.flatMap((service) => service.resources);

    const metrics = new PipelineMetrics(join(paths.root, 'metrics'));
    const capture = captureHandlerOutput(paths.logs, (emf) => metrics.record({ kind: 'emf', values: emf }));
    const say = log;

    const store = await KinesisStore.open(paths.kinesis);
    const existing = new Set(store.listStreams());
    for (const stream of resources.filter((r) => r.type === 'AWS::Kinesis::Stream')) {
      if (existing.has(stream.name)) continue;
      const mode = (stream.properties.StreamModeDetails as { StreamMode?: string } | undefined)?.StreamMode;
      const shards = mode === 'PROVISIONED' ? Number(stream.properties.ShardCount) : (options.onDemandShards ?? 2);
      store.createStream(stream.name, shards);
    }

    const bus = new LocalEventBus({
      name: 'default',
      account: LOCAL_ACCOUNT,
      region: LOCAL_REGION,
      maxDeliveryAttempts: 5,
      onDeadLetter: (dead) => say(`EventBridge dead letter: ${JSON.stringify(dead).slice(0, 500)}`),
    });

    const buckets = new LocalBuckets({ root: paths.lake });
    for (const bucket of resources.filter((r) => r.type === 'AWS::S3::Bucket')) {
      await buckets.ensureBucket(bucket.name);
      const notifications = bucket.properties.NotificationConfiguration as
        | { EventBridgeConfiguration?: { EventBridgeEnabled?: boolean } }
        | undefined;
      if (notifications?.EventBridgeConfiguration?.EventBridgeEnabled !== true) continue;
      buckets.onObjectCreated((created) => {
        if (created.bucket !== bucket.name) return;
        bus.publish(objectCreatedEvent(created));
      });
    }

    const queues = new LocalQueues(join(paths.root, 'queues'));
    const lambda = new LocalLambda(functions);
    const faults = new FaultInjector(options.faults ?? faultPlanFromEnvironment(process.env) ?? {});
    faults.wrapLambda(lambda);

    const kinesisServer = await startKinesisServer({ store, port: options.ports.kinesis });
    const s3Server = await startS3Server({ buckets: faults.s3Buckets(buckets), port: options.ports.s3 });
    const eventBridgeServer = await listenOnLoopback(createServer(createEventBridgeRequestHandler(bus)), {
      what: 'local EventBridge endpoint',
      port: options.ports.eventBridge,
    });

    const endpoints = { kinesis: kinesisServer.url, s3: s3Server.url, eventBridge: eventBridgeServer.url };
    Object.assign(
      process.env,
      localEnvironment(
        functions.map((f) => f.fn),
        { dataDir: paths.root, endpoints, maskingKey: localMaskingKey(join(paths.root, 'secrets', 'masking-key')) },
      ),
    );

    const stateMachines = new LocalStateMachines({
      invokeFunction: (name, payload) => lambda.invoke(name, payload),
      putEvents: (entries) =>
        bus.putEvents(entries.map((e) => ({ ...e, Resources: e.Resources ? [...e.Resources] : undefined }))),
      sendMessage: (queue, body) => queues.send(queue, body),
      // Crawler-mode tables (SLUICE_CATALOG_TABLE_POLICIES): the simulated crawler over the local lake.
      glue: localGlueCrawlers(paths.root, resources.find((r) => r.type === 'AWS::S3::Bucket')?.name ?? ''),
    });
    for (const machine of topology.flatMap((s) => s.stateMachines)) {
      stateMachines.register({ name: machine.name, arn: machine.arn, definition: machine.definition });
      for (const rule of machine.rules) {
        bus.putRule({
          name: rule.name,
          eventPattern: rule.pattern,
          targets: [
            {
              id: machine.name,
              invoke: async (event) => {
                const execution = stateMachines.startExecution(machine.arn, event as unknown as JsonValue);
                void execution.result.then((outcome) => {
                  if (outcome.status !== 'SUCCEEDED') {
                    metrics.record({ kind: 'event', detailType: 'CatalogUpdateFailed', detail: {} });
                    say(`${machine.name} ${outcome.status}: ${outcome.error} ${String(outcome.cause).slice(0, 300)}`);
                  }
                });
              },
            },
          ],
        });
      }
    }
    for (const { fn } of functions) {
      fn.events.forEach((event, index) => {
        if (event.type !== 'eventBridge') return;
        bus.putRule({
          name: `${fn.name}-rule-${index + 1}`,
          eventPattern: event.pattern,
          // EventBridge invokes Lambda asynchronously; a failure is retried by the bus, then dead-lettered.
          targets: [{ id: fn.name, invoke: (matched) => lambda.invoke(fn.name, matched) }],
        });
      });
    }
    bus.putRule({
      name: 'sluice-local-progress',
      eventPattern: { source: [{ prefix: 'sluice.' }, 'aws.s3'] },
      targets: [
        {
          id: 'progress',
          invoke: async (event) => {
            metrics.record({
              kind: 'event',
              detailType: event['detail-type'],
              detail: (event.detail ?? {}) as Record<string, unknown>,
            });
          },
        },
      ],
    });

    const gateway = await startHttpGateway({
      routes: gatewayRoutes(functions.map((f) => f.fn)),
      invoke: (name, event) => lambda.invoke(name, event),
      port: options.ports.gateway,
      onError: (error) => say(`HTTP API: ${errorMessage(error)}`),
    });

    const cloud = new LocalCloud(
      topology,
      { gateway: gateway.url, ...endpoints },
      store,
      buckets,
      bus,
      lambda,
      stateMachines,
      queues,
      metrics,
      paths,
      say,
    );
    cloud.mappings = functions.flatMap(({ fn }) => cloud.mappingsOf(fn));
    cloud.faults = faults;
    const schedules = startSchedules(
      functions.map((f) => f.fn),
      (name, event) => lambda.invoke(name, event),
      (error) => say(`schedule: ${errorMessage(error)}`),
    );
    cloud.closers.push(
      () => schedules.stop(),
      () => gateway.close(),
      () => eventBridgeServer.close(),
      () => s3Server.close(),
      () => kinesisServer.close(),
      async () => {
        await bus.drain();
      },
      () => store.close(),
      () => capture.restore(),
    );
    for (const mapping of cloud.mappings) mapping.start();
    return cloud;
  }

  private mappingsOf(fn: LocalFunction): KinesisEventSourceMapping[] {
    return fn.events.flatMap((event) => {
      if (event.type !== 'stream') return [];
      const destination = event.onFailureDestination;
      return [
        new KinesisEventSourceMapping({
          store: this.store,
          streamName: event.streamName,
          functionName: fn.name,
          invoke: (kinesisEvent) => this.lambda.invoke(fn.name, kinesisEvent),
          batchSize: event.batchSize,
          maximumBatchingWindowInSeconds: event.maximumBatchingWindowInSeconds,
          bisectBatchOnFunctionError: event.bisectBatchOnFunctionError,
          maximumRetryAttempts: event.maximumRetryAttempts,
          maximumRecordAgeInSeconds: event.maximumRecordAgeInSeconds,
          reportBatchItemFailures: event.reportBatchItemFailures,
          startingPosition: event.startingPosition,
          checkpointDir: join(this.paths.checkpoints, fn.name, event.streamName),
          timeoutMs: fn.timeoutSeconds * 1000,
          ...(destination
            ? {
                onFailure: async (record: unknown) => {
                  await this.queues.send(destination, JSON.stringify(record));
                },
              }
            : {}),
        }),
      ];
    });
  }

  /** Event-source mappings, for stats. */
  eventSourceMappings(): readonly KinesisEventSourceMapping[] {
    return this.mappings;
  }

  /** Resolves when the stream is consumed, no event is in flight and no execution is running. */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.all(this.mappings.map((m) => m.idle()));
      await this.bus.drain();
      const running = this.stateMachines.list().reduce((sum, m) => sum + m.stats.running, 0);
      if (running === 0 && this.mappings.every((m) => m.stats().total.inFlight === 0)) {
        await this.bus.drain();
        if (this.stateMachines.list().every((m) => m.stats.running === 0)) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The warehouse (the same DuckDB file the warehouse-loader writes), for status and reconciliation. */
  warehouse(): Promise<Warehouse> {
    this.warehouseHandle ??= openLocalWarehouse(this.paths.root, this.lakeBucket()).then(async (warehouse) => {
      await warehouse.migrate();
      return warehouse;
    });
    return this.warehouseHandle;
  }

  /** Rows per fact table in the warehouse. */
  async warehouseRows(): Promise<Record<string, number>> {
    const warehouse = await this.warehouse();
    const counts: Record<string, number> = {};
    for (const { table } of factTables()) {
      const [row] = await warehouse.query(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  }

  /** Rows whose event id appears more than once, per fact table (0 when loads are exactly-once). */
  async warehouseDuplicateRows(): Promise<number> {
    const warehouse = await this.warehouse();
    let duplicates = 0;
    for (const { table } of factTables()) {
      const [row] = await warehouse.query(`SELECT count(*) - count(DISTINCT event_id) AS n FROM ${table}`);
      duplicates += Number(row?.n ?? 0);
    }
    return duplicates;
  }

  lakeBucket(): string {
    return this.topology.flatMap((s) => s.resources).find((r) => r.type === 'AWS::S3::Bucket')?.name ?? '';
  }

  streamName(): string {
    return this.topology.flatMap((s) => s.resources).find((r) => r.type === 'AWS::Kinesis::Stream')?.name ?? '';
  }

  /**
   * Stops polling, lets in-flight work finish (state-machine executions for at most `executionGraceMs`;
   * those still running then are aborted and named), then closes every endpoint.
   */
  async stop({ executionGraceMs = EXECUTION_GRACE_MS }: { executionGraceMs?: number } = {}): Promise<void> {
    await Promise.all(this.mappings.map((m) => m.stop()));
    await this.finishExecutions(executionGraceMs);
    for (const close of this.closers) {
      try {
        await close();
      } catch (error) {
        this.print(`while stopping: ${errorMessage(error)}`);
      }
    }
  }

  /**
   * Waits for the executions the bus has started, and the events they put, to settle: an execution left
   * running would go on writing to the data directory (metrics, lake, warehouse) after the caller deleted it.
   */
  private async finishExecutions(graceMs: number): Promise<void> {
    const deadline = Date.now() + graceMs;
    for (;;) {
      await this.bus.drain();
      if (this.stateMachines.list().every((machine) => machine.stats.running === 0)) return;
      const abandoned = await this.stateMachines.drain(Math.max(0, deadline - Date.now()));
      if (abandoned.length > 0) {
        this.print(`while stopping: aborted ${abandoned.length} execution(s) still running after ${graceMs} ms:`);
        for (const executionArn of abandoned) this.print(`  ${executionArn}`);
        await this.bus.drain();
        return;
      }
    }
  }
}

function objectCreatedEvent(created: {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  sequencer: string;
  reason: string;
}) {
  return {
    version: '0' as const,
    id: crypto.randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: LOCAL_ACCOUNT,
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: [`arn:aws:s3:::${created.bucket}`],
    detail: {
      version: '0',
      bucket: { name: created.bucket },
      object: { key: created.key, size: created.size, etag: created.etag, sequencer: created.sequencer },
      'request-id': crypto.randomUUID(),
      requester: LOCAL_ACCOUNT,
      'source-ip-address': '127.0.0.1',
      reason: created.reason,
    },
  };
}
