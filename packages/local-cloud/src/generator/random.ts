/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32). `Math.random` cannot be seeded and
 * `crypto.randomUUID` is not reproducible, yet the generator must produce the same bytes for the same seed so a
 * failing pipeline run can be replayed exactly.
 *
 * @example
 * ```ts
 * const random = new SeededRandom(42);
 * random.int(6); // 0..5, the same on every run with seed 42
 * random.uuid(); // a version-4 UUID drawn from the seeded stream
 * ```
 */
export class SeededRandom {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  /** `stream` picks an independent sequence for the same seed (one per purpose, e.g. the session catalog). */
  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts the stream; the same seed (and stream) always yields the same sequence. */
  reseed(seed: number, stream = 0): void {
    const whole = Math.trunc(seed);
    // Fold all 53 bits of the seed in; splitmix32 then spreads nearby seeds (1, 2, 3…) over the state space.
    let state =
      (whole >>> 0) ^ Math.imul(Math.floor(whole / 4294967296) >>> 0, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca77);
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = splitmix();
    this.#b = splitmix();
    this.#c = splitmix();
    this.#d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.float() * maxExclusive);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element; throws on an empty list because that is always a programming error. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** A standard normal variate (Box–Muller), for log-normal popularity and jitter. */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` random decimal digits, as a string. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(10));
    return out;
  }

  /** `count` random lower-case hex digits. */
  hex(count: number): string {
    let out = '';
    while (out.length < count) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }

  /** An RFC 9562 version-4 UUID whose 122 random bits come from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    // Version nibble 4 and variant bits 10, as RFC 9562 requires; table lookups keep this off the profile.
    return (
      `${byteHex(a >>> 24)}${byteHex(a >>> 16)}${byteHex(a >>> 8)}${byteHex(a)}-` +
      `${byteHex(b >>> 24)}${byteHex(b >>> 16)}-${byteHex(((b >>> 8) & 0x0f) | 0x40)}${byteHex(b)}-` +
      `${byteHex(((c >>> 24) & 0x3f) | 0x80)}${byteHex(c >>> 16)}-${byteHex(c >>> 8)}${byteHex(c)}` +
      `${byteHex(d >>> 24)}${byteHex(d >>> 16)}${byteHex(d >>> 8)}${byteHex(d)}`
    );
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, '0'));
const byteHex = (value: number): string => BYTE_HEX[value & 0xff] ?? '00';

/**
 * Draws from a fixed set of weighted values in O(log n) (cumulative weights + binary search), so sampling a
 * country or a ticket type costs the same whether there are 5 or 250 of them.
 *
 * @example
 * ```ts
 * const tickets = new WeightedSampler([{ value: 'standard', weight: 0.8 }, { value: 'vip', weight: 0.2 }]);
 * tickets.sample(random); // 'standard' about 80% of the time
 * ```
 */
export class WeightedSampler<T> {
  readonly #values: T[];
  readonly #cumulative: Float64Array;
  readonly #total: number;

  constructor(entries: readonly { value: T; weight: number }[]) {
    const usable = entries.filter((entry) => entry.weight > 0 && Number.isFinite(entry.weight));
    if (usable.length === 0) throw new RangeError('a weighted sampler needs at least one positive weight');
    this.#values = usable.map((entry) => entry.value);
    this.#cumulative = new Float64Array(usable.length);
    let running = 0;
    usable.forEach((entry, index) => {
      running += entry.weight;
      this.#cumulative[index] = running;
    });
    this.#total = running;
  }

  sample(random: SeededRandom): T {
    const target = random.float() * this.#total;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.#values[low] as T;
  }

  /** Every value with its share of the total weight, for tests and reports. */
  shares(): { value: T; share: number }[] {
    return this.#values.map((value, index) => ({
      value,
      share: ((this.#cumulative[index] ?? 0) - (this.#cumulative[index - 1] ?? 0)) / this.#total,
    }));
  }
}
