import { describe, expect, it } from 'vitest';
import { linearSlope, quantile } from './trend';

describe('trend helpers of the soak', () => {
  it('finds the slope of a noisy line and 0 for a flat one', () => {
    const line = Array.from({ length: 50 }, (_, x) => ({ x, y: 3 * x + 7 + (x % 2 === 0 ? 1 : -1) }));
    expect(linearSlope(line)).toBeCloseTo(3, 1);
    expect(
      linearSlope([
        { x: 1, y: 5 },
        { x: 2, y: 5 },
        { x: 3, y: 5 },
      ]),
    ).toBe(0);
    expect(linearSlope([{ x: 1, y: 5 }])).toBe(0);
  });

  it('takes nearest-rank quantiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
