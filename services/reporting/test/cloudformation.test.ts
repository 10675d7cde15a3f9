import { type CfnTemplate, leastPrivilegeViolations, packageService, resourcesOfType } from '@sluice/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_KEYS } from '../src/functions/reporting-api/routes';

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packageService(new URL('..', import.meta.url).pathname));
});

describe('reporting CloudFormation (serverless package)', () => {
  it('owns an Athena workgroup with an enforced, encrypted result location and a scan cap', () => {
    expect(template.Resources.AthenaWorkgroup?.Properties).toMatchObject({
      Name: 'sluice-test',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 1073741824,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Sub': 's3://sluice-test-lake-eu-west-1/athena-results/' },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
  });

  it('serves every route of the reporting API on an HTTP API and runs the report on a schedule', () => {
    const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.RouteKey);
    expect(routes.sort()).toEqual([...ROUTE_KEYS].sort());
    const [[, schedule] = []] = resourcesOfType(template, 'AWS::Events::Rule');
    expect(schedule?.Properties?.ScheduleExpression).toBe('cron(0 6 * * ? *)');
  });

  it('reads the curated zone only, never raw, and has no wildcards AWS would narrow', () => {
    expect(leastPrivilegeViolations(template)).toEqual([]);
    expect(JSON.stringify(template.Resources.ReportingApiRole?.Properties)).not.toContain('/raw/');
  });
});
