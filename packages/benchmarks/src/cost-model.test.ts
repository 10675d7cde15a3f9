import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configuredMemoryMb, lambdaCost, PRICES } from './cost-model';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('the Lambda cost model', () => {
  it('reads the configured memory of each service', () => {
    expect(configuredMemoryMb(repoRoot, 'stream-etl')).toBeGreaterThanOrEqual(128);
    expect(configuredMemoryMb(repoRoot, 'ingest')).toBeGreaterThanOrEqual(128);
  });

  it('bills GB-seconds per invocation with the duration rounded up to the millisecond', () => {
    // 1,000 events per invocation → 1,000 invocations per million; 1 GB × 0.5005 s → 0.501 s billed.
    const cost = lambdaCost({ source: 'test', memoryMb: 1024, eventsPerInvocation: 1_000, msPerInvocation: 500.5 });
    expect(cost.msPerInvocation).toBe(501);
    expect(cost.gbSecondsPerMillionEvents).toBeCloseTo(501, 6);
    expect(cost.computeDollarsPerMillionEvents).toBeCloseTo(501 * PRICES.lambdaArm64PerGbSecond, 9);
    expect(cost.requestDollarsPerMillionEvents).toBeCloseTo(0.0002, 9);
    expect(cost.dollarsPerMillionEvents).toBeCloseTo(501 * PRICES.lambdaArm64PerGbSecond + 0.0002, 9);
  });
});
