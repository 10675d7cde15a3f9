import { ConfigurationError } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { FAULT_PLAN_VARIABLE, faultPlanFromEnvironment, parseFaultPlan } from './fault-plan';

describe('fault plans', () => {
  it('accepts every fault with its options', () => {
    const plan = {
      s3PutFailures: { times: 3, keyPrefix: 'curated/' },
      functionOutage: { failures: 2, function: 'loadWarehouse' },
      duplicateDelivery: { every: 2 },
    };
    expect(parseFaultPlan(plan)).toEqual(plan);
  });

  it('lists every problem at once', () => {
    const attempt = () =>
      parseFaultPlan({ s3PutFailures: { times: 0 }, functionOutage: {}, duplicateDelivery: { every: 1.5 }, slow: {} });
    expect(attempt).toThrow(ConfigurationError);
    expect(() => attempt()).toThrow(
      expect.objectContaining({
        problems: [
          'unknown fault "slow"',
          's3PutFailures.times must be an integer ≥ 1',
          'functionOutage.failures must be an integer ≥ 1',
          'duplicateDelivery.every must be an integer ≥ 1',
        ],
      }),
    );
  });

  it('reads SLUICE_FAULTS, and nothing when it is unset or blank', () => {
    expect(faultPlanFromEnvironment({ [FAULT_PLAN_VARIABLE]: '{"functionOutage":{"failures":1}}' })).toEqual({
      functionOutage: { failures: 1 },
    });
    expect(faultPlanFromEnvironment({})).toBeUndefined();
    expect(faultPlanFromEnvironment({ [FAULT_PLAN_VARIABLE]: ' ' })).toBeUndefined();
    expect(() => faultPlanFromEnvironment({ [FAULT_PLAN_VARIABLE]: '{nope' })).toThrow(/SLUICE_FAULTS is not JSON/);
    expect(() => faultPlanFromEnvironment({ [FAULT_PLAN_VARIABLE]: '[]' })).toThrow(/must be a JSON object/);
  });
});
