import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigurationError } from '@sluice/core';
import { awsErrorName } from '../internal/poll';

/**
 * Reads one Parameter Store value, decrypting a SecureString (e.g. the masking HMAC key), for a composition
 * root. A missing or empty parameter is a configuration problem, reported as a {@link ConfigurationError}.
 *
 * @example
 * const hmacKey = await readSsmParameter(clients.ssm, '/sluice/masking-key');
 */
export async function readSsmParameter(client: SSMClient, name: string): Promise<string> {
  try {
    const { Parameter } = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    if (!Parameter?.Value) throw new ConfigurationError([`SSM parameter ${name} has no value`]);
    return Parameter.Value;
  } catch (error) {
    if (awsErrorName(error) === 'ParameterNotFound') {
      throw new ConfigurationError([`SSM parameter ${name} does not exist`]);
    }
    throw error;
  }
}
