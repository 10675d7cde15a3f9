import { type CfnTemplate, leastPrivilegeViolations, packageService, resourcesOfType } from '@sluice/testing';
import validateAsl from 'asl-validator';
import { beforeAll, describe, expect, it } from 'vitest';

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packageService(new URL('..', import.meta.url).pathname));
});

/**
 * The ASL exactly as CloudFormation will receive it: DefinitionString is Fn::Sub of a JSON text whose
 * `${...}` placeholders resolve to ARNs at deploy time; for validation they stand in as ARNs.
 */
function deployedAsl(): { States: Record<string, unknown> } {
  const [[, machine] = []] = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
  const definition = machine?.Properties?.DefinitionString as { 'Fn::Sub': [string, unknown] };
  const text = definition['Fn::Sub'][0].replace(
    /\$\{[^}]+\}/g,
    'arn:aws:lambda:eu-west-1:123456789012:function:resolved',
  );
  return JSON.parse(text);
}

describe('catalog-updater CloudFormation (serverless package)', () => {
  it('starts the state machine from an EventBridge rule on Object Created under curated/ of the lake bucket', () => {
    const [[, rule] = []] = resourcesOfType(template, 'AWS::Events::Rule');
    expect(rule?.Properties?.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: { name: ['sluice-test-lake-eu-west-1'] },
        object: { key: [{ prefix: 'curated/' }] },
      },
    });
    const [[machineId] = []] = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
    const targets = rule?.Properties?.Targets as { Arn: unknown }[] | undefined;
    expect(targets?.[0]?.Arn).toEqual({ Ref: machineId });
  });

  it('defines a STANDARD state machine whose ASL passes asl-validator', () => {
    const [[, machine] = []] = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
    expect(machine?.Properties?.StateMachineType).toBe('STANDARD');
    const asl = deployedAsl();
    const { isValid, errorsText } = validateAsl(asl);
    expect(isValid, errorsText()).toBe(true);
    expect(Object.keys(asl.States)).toEqual([
      'RegisterPartitions',
      'RegistrationPath',
      'StartCrawler',
      'WaitForCrawler',
      'GetCrawler',
      'CrawlerReady',
      'LoadWarehouse',
      'PublishPipelineEvents',
      'RecordFailedObject',
      'Failed',
    ]);
  });

  it('owns the Glue database and a crawler over the curated zone', () => {
    expect(template.Resources.GlueDatabase?.Properties).toMatchObject({ DatabaseInput: { Name: 'sluice_test' } });
    expect(template.Resources.CuratedCrawler?.Properties).toMatchObject({
      DatabaseName: { Ref: 'GlueDatabase' },
      SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
    });
  });

  it('lets the state machine start and read the curated crawler, and nothing else of Glue', () => {
    const [[, role] = []] = resourcesOfType(template, 'AWS::IAM::Role').filter(([, resource]) =>
      JSON.stringify(resource.Properties?.AssumeRolePolicyDocument).includes('states.'),
    );
    const statements = JSON.stringify(role?.Properties?.Policies);
    expect(statements).toContain('"glue:StartCrawler","glue:GetCrawler"');
    expect(statements).toContain('crawler/sluice-test-curated');
  });

  it('has no wildcard actions and no wildcard resources where AWS allows narrower ones', () => {
    expect(leastPrivilegeViolations(template)).toEqual([]);
  });
});
