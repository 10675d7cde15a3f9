import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
}

export interface PackagedService {
  template: CfnTemplate;
  /** The packaged state (resolved serverless.yml, incl. step functions and functions). */
  state: Record<string, unknown>;
  dir: string;
}

/**
 * Runs `serverless package` for a service into a fresh temp dir — offline, no credentials — and reads
 * the CloudFormation it produced, so tests assert on what would really be deployed.
 */
export async function packageService(serviceDir: string, stage = 'test'): Promise<PackagedService> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-package-'));
  await run('npx', ['serverless', 'package', '--stage', stage, '--package', dir], {
    cwd: serviceDir,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'));
  const state = JSON.parse(readFileSync(join(dir, 'serverless-state.json'), 'utf8'));
  return { template, state, dir };
}

export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export interface IamStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every IAM statement of every role and managed policy in the template, with where it came from. */
export function iamStatements(template: CfnTemplate): { resource: string; statement: IamStatement }[] {
  const found: { resource: string; statement: IamStatement }[] = [];
  for (const [name, resource] of Object.entries(template.Resources)) {
    const properties = resource.Properties ?? {};
    const documents: unknown[] = [];
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of (properties.Policies as { PolicyDocument: unknown }[] | undefined) ?? []) {
        documents.push(policy.PolicyDocument);
      }
    }
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      documents.push(properties.PolicyDocument);
    }
    for (const document of documents) {
      for (const statement of (document as { Statement: IamStatement[] }).Statement) {
        found.push({ resource: name, statement });
      }
    }
  }
  return found;
}

export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** A resource's Properties; fails the test with the resources that do exist when the id is wrong. */
export function propertiesOf(template: CfnTemplate, logicalId: string): Record<string, unknown> {
  const resource = template.Resources[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}; have: ${Object.keys(template.Resources).join(', ')}`);
  return resource.Properties ?? {};
}
