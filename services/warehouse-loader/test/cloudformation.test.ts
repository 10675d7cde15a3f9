import { type CfnTemplate, leastPrivilegeViolations, packageService } from '@sluice/testing';
import { beforeAll, describe, expect, it } from 'vitest';

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packageService(new URL('..', import.meta.url).pathname));
});

describe('warehouse-loader CloudFormation (serverless package)', () => {
  it('owns a Redshift Serverless namespace with a managed admin secret, and a private workgroup', () => {
    expect(template.Resources.WarehouseNamespace?.Properties).toMatchObject({
      NamespaceName: 'sluice-test',
      ManageAdminPassword: true,
      DefaultIamRoleArn: { 'Fn::GetAtt': ['WarehouseCopyRole', 'Arn'] },
    });
    expect(template.Resources.WarehouseWorkgroup?.Properties).toMatchObject({
      WorkgroupName: 'sluice-test',
      PubliclyAccessible: false,
    });
  });

  it('names the load function deterministically, as the catalog state machine invokes it by name', () => {
    expect(template.Resources.LoadWarehouseLambdaFunction?.Properties?.FunctionName).toBe(
      'sluice-warehouse-loader-test-loadWarehouse',
    );
  });

  it('lets COPY read only the curated zone and the manifests', () => {
    const policy = JSON.stringify(template.Resources.WarehouseCopyRole?.Properties);
    expect(policy).toContain('/curated/*');
    expect(policy).toContain('/manifests/*');
    expect(policy).not.toContain('/raw/');
    expect(leastPrivilegeViolations(template)).toEqual([]);
  });
});
