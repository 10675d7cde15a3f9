import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOCAL_REGION } from '../kinesis';
import type { LocalFunction } from '../wiring';

export interface LocalEndpoints {
  readonly kinesis: string;
  readonly s3: string;
  readonly eventBridge: string;
}

/** The masking key of this data directory: generated once, kept with the data (never on AWS). */
export function localMaskingKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * One process runs every function, so their environments are merged; serverless.yml values win except
 * where the local cloud must redirect a function to its stand-ins (runtime, endpoints, data dir, key).
 * Two functions that disagree on a variable are a wiring error, reported rather than silently merged.
 */
export function localEnvironment(
  functions: readonly LocalFunction[],
  overrides: { dataDir: string; endpoints: LocalEndpoints; maskingKey: string },
): Record<string, string> {
  const merged: Record<string, string> = {};
  const owner: Record<string, string> = {};
  for (const fn of functions) {
    for (const [name, value] of Object.entries(fn.environment)) {
      if (name in merged && merged[name] !== value) {
        throw new Error(
          `${fn.name} sets ${name}=${value} but ${owner[name]} sets ${merged[name]}: they cannot share one process`,
        );
      }
      merged[name] = value;
      owner[name] = fn.name;
    }
  }
  delete merged.SLUICE_MASKING_KEY_PARAMETER;
  return {
    ...merged,
    SLUICE_RUNTIME: 'local',
    SLUICE_DATA_DIR: overrides.dataDir,
    SLUICE_MASKING_KEY: overrides.maskingKey,
    SLUICE_KINESIS_ENDPOINT: overrides.endpoints.kinesis,
    SLUICE_S3_ENDPOINT: overrides.endpoints.s3,
    SLUICE_EVENTBRIDGE_ENDPOINT: overrides.endpoints.eventBridge,
    AWS_REGION: LOCAL_REGION,
    // The local endpoints accept any credentials; the SDK still wants some.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
}
