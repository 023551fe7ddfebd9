/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same catalog. */

/** Deterministic randomness for the generators. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `k` distinct items of `items` (all of them when `k` is larger), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, k));
  }

  /** A shuffled copy of `items`. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** A float in [min, max) rounded to `digits` decimals. */
  float(min: number, max: number, digits = 4): number {
    return Number((min + this.next() * (max - min)).toFixed(digits));
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let s = "";
    while (s.length < n)
      s += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return s.slice(0, n);
  }

  /** A new generator seeded from this one: independent streams for independent parts. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 0x100000000));
  }
}
