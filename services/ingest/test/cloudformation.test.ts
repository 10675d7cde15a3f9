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

describe('ingest CloudFormation (serverless package)', () => {
  it('owns a KMS-encrypted Kinesis stream, on-demand by default', () => {
    const [[, stream] = []] = resourcesOfType(template, 'AWS::Kinesis::Stream');
    expect(stream?.Properties).toMatchObject({
      Name: 'sluice-test-events',
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
    });
  });

  it('routes POST /events on an HTTP API to the ingest function on nodejs22.x arm64', () => {
    const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.RouteKey);
    expect(routes).toEqual(['POST /events']);
    const [[, fn] = []] = resourcesOfType(template, 'AWS::Lambda::Function');
    expect(fn?.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    expect(fn?.Properties?.Environment).toMatchObject({ Variables: { SLUICE_STREAM_NAME: 'sluice-test-events' } });
  });

  it('lets the function put records to its stream and nothing else', () => {
    expect(leastPrivilegeViolations(template)).toEqual([]);
    const policies = propertiesOf(template, 'IngestEventsRole').Policies as {
      PolicyDocument: { Statement: unknown[] };
    }[];
    const statements = policies[0]?.PolicyDocument.Statement;
    expect(statements?.[0]).toEqual({
      Effect: 'Allow',
      Action: ['kinesis:PutRecords', 'kinesis:PutRecord', 'kinesis:DescribeStreamSummary'],
      Resource: { 'Fn::GetAtt': ['EventStream', 'Arn'] },
    });
  });

  it('keeps logs for a bounded time', () => {
    for (const [, group] of resourcesOfType(template, 'AWS::Logs::LogGroup')) {
      expect(group.Properties?.RetentionInDays).toBe(30);
    }
  });
});
