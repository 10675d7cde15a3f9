// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub templates are plain strings whose ${} placeholders CloudFormation, not JavaScript, fills in.
import aslValidator from 'asl-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogUpdaterContext, loadCatalogUpdaterMachine } from './catalog-updater.fixture';
import { UnresolvableIntrinsicError } from './errors';
import { type ResolverContext, resolveDefinition } from './resolve-definition';

const context: ResolverContext = {
  region: 'us-east-1',
  accountId: '000000000000',
  partition: 'aws',
  functionArn: (key) =>
    key === 'registerPartitions' ? 'arn:aws:lambda:us-east-1:000000000000:function:rp' : undefined,
  refs: { FailedObjectsQueue: 'http://127.0.0.1:9324/000000000000/failed' },
  attributes: { 'FailedObjectsQueue.Arn': 'arn:aws:sqs:us-east-1:000000000000:failed' },
};

/** A definition with one value in a Task's Parameters, where intrinsics sit in practice. */
function withParameter(value: unknown) {
  return {
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: value }, End: true },
    },
  };
}

function resolvedParameter(value: unknown): unknown {
  const resolved = resolveDefinition(withParameter(value), context);
  return JSON.parse(JSON.stringify(resolved)).States.A.Parameters.FunctionName;
}

function resolutionError(value: unknown): UnresolvableIntrinsicError {
  try {
    resolveDefinition(withParameter(value), context);
  } catch (error) {
    if (error instanceof UnresolvableIntrinsicError) return error;
    throw error;
  }
  throw new Error('expected an UnresolvableIntrinsicError');
}

describe('resolveDefinition', () => {
  it('turns Fn::GetAtt of a serverless function key into its local Lambda ARN, in both forms', () => {
    expect(resolvedParameter({ 'Fn::GetAtt': ['registerPartitions', 'Arn'] })).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:rp',
    );
    expect(resolvedParameter({ 'Fn::GetAtt': 'registerPartitions.Arn' })).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:rp',
    );
  });

  it('takes other Fn::GetAtt values from attributes', () => {
    expect(resolvedParameter({ 'Fn::GetAtt': ['FailedObjectsQueue', 'Arn'] })).toBe(
      'arn:aws:sqs:us-east-1:000000000000:failed',
    );
  });

  it('substitutes pseudo parameters in Fn::Sub and writes ${!Literal} out as ${Literal}', () => {
    expect(
      resolvedParameter({
        'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f-${!stage}',
      }),
    ).toBe('arn:aws:lambda:us-east-1:000000000000:function:f-${stage}');
  });

  it('resolves Fn::Sub variables, refs and attributes, including intrinsics in the variable map', () => {
    expect(
      resolvedParameter({
        'Fn::Sub': [
          '${Queue}|${FailedObjectsQueue}|${FailedObjectsQueue.Arn}',
          { Queue: { Ref: 'FailedObjectsQueue' } },
        ],
      }),
    ).toBe(
      'http://127.0.0.1:9324/000000000000/failed|http://127.0.0.1:9324/000000000000/failed|arn:aws:sqs:us-east-1:000000000000:failed',
    );
  });

  it('resolves Ref from refs and pseudo parameters, and Fn::Join over resolved parts', () => {
    expect(resolvedParameter({ Ref: 'FailedObjectsQueue' })).toBe('http://127.0.0.1:9324/000000000000/failed');
    expect(resolvedParameter({ 'Fn::Join': [':', [{ Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, 'x']] })).toBe(
      'us-east-1:000000000000:x',
    );
  });

  it('names the path of an unsupported intrinsic', () => {
    const error = resolutionError({ 'Fn::ImportValue': 'shared-queue-url' });
    expect(error.path).toBe('/States/A/Parameters/FunctionName/Fn::ImportValue');
    expect(error.message).toMatch(/Fn::ImportValue is not supported locally/);
  });

  it('names the path of a Ref, a GetAtt or a Sub variable it does not know', () => {
    expect(resolutionError({ Ref: 'NoSuchQueue' }).message).toMatch(
      /^\/States\/A\/Parameters\/FunctionName\/Ref: Ref NoSuchQueue .*known: FailedObjectsQueue/,
    );
    expect(resolutionError({ 'Fn::GetAtt': ['loadWarehouse', 'Arn'] }).message).toMatch(
      /Fn::GetAtt loadWarehouse\.Arn is neither a function of this service/,
    );
    expect(resolutionError({ 'Fn::Sub': 'x-${AWS::StackName}' }).path).toBe(
      '/States/A/Parameters/FunctionName/Fn::Sub',
    );
  });

  it('escapes JSON Pointer separators in the path it reports', () => {
    const error = resolutionError({ 'Fn::Sub': ['${a}', { a: { Ref: 'Nope' } }] });
    expect(error.path).toBe('/States/A/Parameters/FunctionName/Fn::Sub/1/a/Ref');
  });

  it('leaves ASL that has no intrinsics as it is, and does not modify its input', () => {
    const definition = withParameter({ 'Fn::GetAtt': ['registerPartitions', 'Arn'] });
    const before = structuredClone(definition);
    resolveDefinition(definition, context);
    expect(definition).toEqual(before);
    const plain = withParameter('arn:aws:lambda:us-east-1:000000000000:function:rp');
    expect(resolveDefinition(plain, context)).toEqual(plain);
  });

  it('Fn::Sub leaves text without ${ unchanged and unescapes any ${!name}', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('${')),
        fc.stringMatching(/^[A-Za-z0-9_.:-]*$/),
        (text, name) => {
          expect(resolvedParameter({ 'Fn::Sub': text })).toBe(text);
          expect(resolvedParameter({ 'Fn::Sub': `${text}\${!${name}}` })).toBe(`${text}\${${name}}`);
        },
      ),
    );
  });

  it('resolves the catalog-updater definition to intrinsic-free ASL that asl-validator accepts', () => {
    const machine = loadCatalogUpdaterMachine();
    const asl = resolveDefinition(machine.definition, catalogUpdaterContext(machine.functionKeys));

    const text = JSON.stringify(asl);
    expect(text).not.toMatch(/"(Ref|Fn::[A-Za-z]+)"/);
    expect(text).toContain(
      '"FunctionName":"arn:aws:lambda:us-east-1:000000000000:function:sluice-catalog-updater-dev-registerPartitions"',
    );
    expect(text).toContain(
      '"FunctionName":"arn:aws:lambda:us-east-1:000000000000:function:sluice-warehouse-loader-dev-loadWarehouse"',
    );
    expect(text).toContain('"QueueUrl":"http://127.0.0.1:9324/000000000000/sluice-dev-catalog-failed-objects"');
    expect(aslValidator(structuredClone(asl)).errorsText()).toBe('');
  });
});
