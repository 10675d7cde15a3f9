import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * AWS list prices used by the cost model (Lambda on arm64 and API Gateway HTTP APIs, eu-west-1 and us-east-1,
 * first pricing tier, as published in 2026). Kinesis, S3, EventBridge, Step Functions and Redshift are not
 * modelled.
 */
export const PRICES = {
  lambdaArm64PerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  httpApiPerMillionRequests: 1.0,
} as const;

/** The provider-level `memorySize` of a service's serverless.yml, in MB. */
export function configuredMemoryMb(repoRoot: string, service: string): number {
  const text = readFileSync(join(repoRoot, 'services', service, 'serverless.yml'), 'utf8');
  const provider = /^provider:\n((?:[ \t]+.*\n|\n)*)/m.exec(text)?.[1] ?? '';
  const match = /^ {2}memorySize:\s*(\d+)\s*$/m.exec(provider);
  if (!match) throw new Error(`services/${service}/serverless.yml has no provider memorySize`);
  return Number(match[1]);
}

export interface LambdaCost {
  readonly source: string;
  readonly memoryMb: number;
  /** Events one invocation handles on average. */
  readonly eventsPerInvocation: number;
  /** Billed duration of one invocation (rounded up to the millisecond, as Lambda bills). */
  readonly msPerInvocation: number;
  readonly gbSecondsPerMillionEvents: number;
  readonly computeDollarsPerMillionEvents: number;
  readonly requestDollarsPerMillionEvents: number;
  /** Extra per-request charges, e.g. API Gateway for ingest. */
  readonly otherDollarsPerMillionEvents: number;
  readonly dollarsPerMillionEvents: number;
}

/** Lambda GB-seconds and dollars per million events, from a measured duration per invocation. */
export function lambdaCost(input: {
  source: string;
  memoryMb: number;
  eventsPerInvocation: number;
  msPerInvocation: number;
  otherPerMillionRequests?: number;
}): LambdaCost {
  const invocations = 1_000_000 / input.eventsPerInvocation;
  const billedMs = Math.ceil(input.msPerInvocation);
  const gbSeconds = invocations * (input.memoryMb / 1024) * (billedMs / 1000);
  const compute = gbSeconds * PRICES.lambdaArm64PerGbSecond;
  const requests = (invocations / 1_000_000) * PRICES.lambdaPerMillionRequests;
  const other = (invocations / 1_000_000) * (input.otherPerMillionRequests ?? 0);
  return {
    source: input.source,
    memoryMb: input.memoryMb,
    eventsPerInvocation: input.eventsPerInvocation,
    msPerInvocation: billedMs,
    gbSecondsPerMillionEvents: gbSeconds,
    computeDollarsPerMillionEvents: compute,
    requestDollarsPerMillionEvents: requests,
    otherDollarsPerMillionEvents: other,
    dollarsPerMillionEvents: compute + requests + other,
  };
}
