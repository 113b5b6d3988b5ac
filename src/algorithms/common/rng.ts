/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same stream on every
 * machine, so a run on the CPU backend can be reproduced exactly.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Index drawn from unnormalised non-negative weights. */
  categorical(weights: ArrayLike<number>): number;
  /** A 32-bit seed for a child stream (e.g. one per environment copy). */
  fork(): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spareNormal: number | null = null;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    categorical(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i];
      let threshold = next() * total;
      for (let i = 0; i < weights.length; i++) {
        threshold -= weights[i];
        if (threshold < 0) return i;
      }
      return weights.length - 1;
    },
    fork: () => Math.floor(next() * 4294967296) >>> 0,
  };
}
