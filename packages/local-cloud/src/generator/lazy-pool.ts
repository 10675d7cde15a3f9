import type { SeededRandom, WeightedSampler } from './random';

/**
 * A fixed-size pool of faker output whose entries are made on first pick. Faker is the slow part of the
 * generator; a pool lets output repeat (as employers and job titles do in a real audience) and the laziness
 * means a country that sends two people costs two faker calls, not a full pool.
 *
 * @example
 * ```ts
 * const titles = new LazyPool(120, () => faker.person.jobTitle());
 * titles.pick(random); // one of at most 120 distinct titles
 * ```
 */
export class LazyPool<T> {
  readonly #items: (T | undefined)[];
  readonly #make: () => T;
  readonly #ranks: WeightedSampler<number> | undefined;

  /** With `ranks`, entry i is picked with the sampler's weight for i (e.g. Zipf); otherwise uniformly. */
  constructor(size: number, make: () => T, ranks?: WeightedSampler<number>) {
    this.#items = new Array<T | undefined>(size);
    this.#make = make;
    this.#ranks = ranks;
  }

  pick(random: SeededRandom): T {
    const index = this.#ranks ? this.#ranks.sample(random) : random.int(this.#items.length);
    let item = this.#items[index];
    if (item === undefined) {
      item = this.#make();
      this.#items[index] = item;
    }
    return item;
  }
}
