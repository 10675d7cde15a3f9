import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom, WeightedSampler } from './random';
import { isoTimestamp } from './timestamps';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and stream, and differs otherwise', () => {
    const draw = (random: SeededRandom) => Array.from({ length: 20 }, () => random.uint32());
    expect(draw(new SeededRandom(42))).toEqual(draw(new SeededRandom(42)));
    expect(draw(new SeededRandom(42))).not.toEqual(draw(new SeededRandom(43)));
    expect(draw(new SeededRandom(42, 1))).not.toEqual(draw(new SeededRandom(42)));
    expect(draw(new SeededRandom(2 ** 40))).not.toEqual(draw(new SeededRandom(0)));
  });

  it('draws floats in [0, 1) with a roughly uniform mean', () => {
    const random = new SeededRandom(7);
    const values = Array.from({ length: 100_000 }, () => random.float());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 2);
  });

  it('makes RFC 9562 version-4 UUIDs', () => {
    const random = new SeededRandom(9);
    const ids = Array.from({ length: 5_000 }, () => random.uuid());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('WeightedSampler', () => {
  it('draws values in proportion to their weights and ignores zero weights', () => {
    const sampler = new WeightedSampler([
      { value: 'a', weight: 3 },
      { value: 'never', weight: 0 },
      { value: 'b', weight: 1 },
    ]);
    const random = new SeededRandom(1);
    const counts = { a: 0, b: 0, never: 0 };
    for (let index = 0; index < 40_000; index++) counts[sampler.sample(random) as keyof typeof counts]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 40_000).toBeCloseTo(0.75, 1);
    expect(sampler.shares()).toEqual([
      { value: 'a', share: 0.75 },
      { value: 'b', share: 0.25 },
    ]);
  });

  it('refuses to sample from nothing', () => {
    expect(() => new WeightedSampler([{ value: 'x', weight: 0 }])).toThrow(RangeError);
  });
});

describe('isoTimestamp', () => {
  it('formats exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (time) => {
        expect(isoTimestamp(time)).toBe(new Date(time).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });
});
