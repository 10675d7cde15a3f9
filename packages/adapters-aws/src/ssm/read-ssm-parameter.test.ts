import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { ConfigurationError } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSsmParameter } from './read-ssm-parameter';

const ssm = mockClient(SSMClient);
const client = new SSMClient({ region: 'eu-west-1' });

beforeEach(() => ssm.reset());

describe('readSsmParameter', () => {
  it('reads the parameter with decryption and returns its value', async () => {
    ssm.on(GetParameterCommand).resolves({
      Parameter: {
        Name: '/sluice/masking-key',
        Type: 'SecureString',
        Value: 'k3y-material-of-at-least-32-characters',
        Version: 2,
        ARN: 'arn:aws:ssm:eu-west-1:111122223333:parameter/sluice/masking-key',
        DataType: 'text',
      },
    });

    expect(await readSsmParameter(client, '/sluice/masking-key')).toBe('k3y-material-of-at-least-32-characters');
    expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: '/sluice/masking-key',
      WithDecryption: true,
    });
  });

  it('reports a missing parameter as a configuration error naming it', async () => {
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: '', $metadata: { httpStatusCode: 400 } }));

    const attempt = readSsmParameter(client, '/sluice/missing');

    await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
    await expect(attempt).rejects.toThrow('SSM parameter /sluice/missing does not exist');
  });

  it('lets any other failure through', async () => {
    ssm.on(GetParameterCommand).rejects(new Error('AccessDeniedException: not authorized to perform ssm:GetParameter'));

    await expect(readSsmParameter(client, '/sluice/masking-key')).rejects.toThrow('not authorized');
  });
});
