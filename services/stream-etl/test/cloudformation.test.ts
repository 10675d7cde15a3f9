import {
  type CfnTemplate,
  leastPrivilegeViolations,
  packageService,
  propertiesOf,
  resourcesOfType,
} from '@sluice/testing';
import { beforeAll, describe, expect, it } from 'vitest';

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packageService(new URL('..', import.meta.url).pathname));
});

describe('stream-etl CloudFormation (serverless package)', () => {
  it('maps the Kinesis stream to the function with batching, bisect, retries, record age, partial failures and a DLQ', () => {
    const [[, mapping] = []] = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping');
    expect(mapping?.Properties).toMatchObject({
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 5,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 3600,
      ParallelizationFactor: 1,
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailedBatchesQueue', 'Arn'] } } },
    });
    expect(JSON.stringify(mapping?.Properties?.EventSourceArn)).toContain('stream/sluice-test-events');
  });

  it('owns the lake bucket: SSE-KMS, public access blocked, EventBridge notifications on, lifecycle per zone', () => {
    const bucket = propertiesOf(template, 'LakeBucket');
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
      ],
    });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    const rules = (bucket.LifecycleConfiguration as { Rules: { Prefix?: string }[] }).Rules.map((r) => r.Prefix);
    expect(rules).toEqual(expect.arrayContaining(['raw/', 'curated/', 'quarantine/', 'reports/']));
    const policy = JSON.stringify(template.Resources.LakeBucketPolicy?.Properties);
    expect(policy).toContain('aws:SecureTransport');
  });

  it('alarms on iterator age and on the quarantine rate computed from the EMF metrics', () => {
    expect(propertiesOf(template, 'IteratorAgeAlarm')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Threshold: 300000,
    });
    const rate = propertiesOf(template, 'QuarantineRateAlarm');
    expect(JSON.stringify(rate.Metrics)).toContain('RecordsQuarantined');
    expect(JSON.stringify(rate.Metrics)).toContain('100 * quarantined / records');
  });

  it('grants the function only its zones, its stream, its queue and its bus', () => {
    expect(leastPrivilegeViolations(template)).toEqual([]);
    const policy = JSON.stringify(template.Resources.ProcessStreamRole?.Properties);
    expect(policy).toContain('/raw/*');
    expect(policy).toContain('/curated/*');
    expect(policy).toContain('/quarantine/*');
    expect(policy).not.toContain('s3:DeleteObject');
  });

  it('keeps the idempotency table: eventId key, TTL on expiresAt, on demand, encrypted; the function reads and writes it in batches only', () => {
    expect(propertiesOf(template, 'IdempotencyTable')).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'eventId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    const policy = JSON.stringify(template.Resources.ProcessStreamRole?.Properties);
    expect(policy).toContain('"dynamodb:BatchGetItem","dynamodb:BatchWriteItem"');
    expect(policy).toContain('"Fn::GetAtt":["IdempotencyTable","Arn"]');
    const fn = propertiesOf(template, 'ProcessStreamLambdaFunction') as {
      Environment: { Variables: Record<string, unknown> };
    };
    expect(fn.Environment.Variables).toMatchObject({
      SLUICE_IDEMPOTENCY_TABLE: 'sluice-test-stream-etl-idempotency',
      SLUICE_IDEMPOTENCY_TTL_SECONDS: '604800',
      SLUICE_REFERENCE_REFRESH_SECONDS: '60',
    });
  });

  it('compacts closed partitions daily with a role that may rewrite only the raw and curated zones', () => {
    const [[, rule] = []] = resourcesOfType(template, 'AWS::Events::Rule');
    expect(rule?.Properties).toMatchObject({ ScheduleExpression: 'cron(30 1 * * ? *)', State: 'ENABLED' });
    const policy = JSON.stringify(template.Resources.CompactPartitionsRole?.Properties);
    expect(policy).toContain('"s3:GetObject","s3:PutObject","s3:DeleteObject"');
    expect(policy).toContain('/raw/*');
    expect(policy).toContain('/curated/*');
    expect(policy).not.toContain('quarantine');
    expect(policy).not.toContain('reference');
  });
});
