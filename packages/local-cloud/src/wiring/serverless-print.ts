import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The parts of a resolved serverless.yml the local cloud reads. */
export interface PrintedService {
  service: string;
  provider: { stage: string; region: string; environment?: Record<string, unknown>; timeout?: number };
  functions?: Record<string, PrintedFunction>;
  stepFunctions?: { stateMachines?: Record<string, PrintedStateMachine> };
  resources?: { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
}

export interface PrintedFunction {
  handler: string;
  name: string;
  timeout?: number;
  environment?: Record<string, unknown>;
  events?: Record<string, unknown>[];
}

export interface PrintedStateMachine {
  name: string;
  type?: string;
  definition: unknown;
  events?: Record<string, unknown>[];
}

/**
 * `serverless print` of a service: the framework itself resolves every variable (`${sls:stage}`,
 * `${file(...)}`, `${param:...}`), so local and deployed topology cannot drift. It takes seconds, so the
 * result is cached under the data directory, keyed by the content of the files it depends on.
 */
export async function printService(
  serviceDir: string,
  stage: string,
  cacheDir: string,
  inputs: string[],
): Promise<PrintedService> {
  const hash = createHash('sha256').update(stage);
  for (const file of inputs) hash.update(await readFile(file));
  const cacheFile = join(cacheDir, `${hash.digest('hex').slice(0, 24)}.json`);
  try {
    return JSON.parse(await readFile(cacheFile, 'utf8'));
  } catch {
    // not cached yet
  }
  const { stdout } = await run('npx', ['serverless', 'print', '--format', 'json', '--stage', stage], {
    cwd: serviceDir,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`serverless print failed in ${serviceDir}: ${error.stderr?.trim() || error.message}`);
  });
  const printed = JSON.parse(stdout.slice(stdout.indexOf('{'))) as PrintedService;
  await mkdir(cacheDir, { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(printed));
  await rename(temp, cacheFile);
  return printed;
}
