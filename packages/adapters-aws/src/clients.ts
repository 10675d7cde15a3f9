import { AthenaClient } from '@aws-sdk/client-athena';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GlueClient } from '@aws-sdk/client-glue';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** The services whose endpoint can be overridden: the ones Sluice's local cloud speaks. */
export type OverridableService = 'kinesis' | 's3' | 'eventBridge';

export interface AwsClientsConfig {
  readonly region: string;
  /**
   * Endpoint for Kinesis, S3 and EventBridge (e.g. `http://127.0.0.1:4566`, Sluice's local cloud). Glue,
   * Redshift Data, Athena and SSM always go to AWS: locally their ports have DuckDB adapters or plain config.
   */
  readonly endpoint?: string;
  /** Per-service endpoints, for a local cloud that serves each on its own port; wins over `endpoint`. */
  readonly endpoints?: Partial<Record<OverridableService, string>>;
  /** Static credentials (a local cloud accepts any); omitted, the SDK's default provider chain applies. */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

export interface AwsClients {
  readonly kinesis: KinesisClient;
  readonly s3: S3Client;
  readonly eventBridge: EventBridgeClient;
  readonly glue: GlueClient;
  readonly redshiftData: RedshiftDataClient;
  readonly athena: AthenaClient;
  readonly dynamoDb: DynamoDBClient;
  readonly ssm: SSMClient;
}

/**
 * Builds every AWS client once, for a composition root. An overridden endpoint gets a `NodeHttpHandler`
 * (the local endpoints speak HTTP/1.1 only, while the Kinesis client would otherwise negotiate HTTP/2) and
 * S3 path-style addressing (`127.0.0.1/<bucket>/<key>`: a bucket cannot be a subdomain of an IP address).
 *
 * @example
 * const clients = buildAwsClients({ region: 'eu-west-1' });
 * const putRecords = buildKinesisPutRecords(clients.kinesis, { streamName: 'sluice-events' });
 */
export function buildAwsClients(config: AwsClientsConfig): AwsClients {
  const base = {
    region: config.region,
    ...(config.credentials ? { credentials: config.credentials } : {}),
  };
  const overridden = (service: OverridableService) => {
    const endpoint = config.endpoints?.[service] ?? config.endpoint;
    return endpoint === undefined ? {} : { endpoint, requestHandler: new NodeHttpHandler() };
  };
  const s3Override = overridden('s3');
  return {
    kinesis: new KinesisClient({ ...base, ...overridden('kinesis') }),
    s3: new S3Client({ ...base, ...s3Override, ...('endpoint' in s3Override ? { forcePathStyle: true } : {}) }),
    eventBridge: new EventBridgeClient({ ...base, ...overridden('eventBridge') }),
    glue: new GlueClient(base),
    redshiftData: new RedshiftDataClient(base),
    athena: new AthenaClient(base),
    dynamoDb: new DynamoDBClient(base),
    ssm: new SSMClient(base),
  };
}
