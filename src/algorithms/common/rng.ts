/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same stream on every
 * machine, so a run on the CPU backend can be reproduced exactly.
 */

/**
 * The whole generator state, as plain data for checkpoints: the mulberry32 counter (a 32-bit
 * unsigned integer) and the second Box–Muller normal cached by the last odd `normal()` call.
 */
export type RngState = { counter: number; spareNormal: number | null };

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
  /** A copy of the full state; `setState` of it continues the identical stream. */
  getState(): RngState;
  /** Puts a state from `getState` back (throws a readable Error for anything else). */
  setState(state: RngState): void;
}

/** Throws an Error naming what is wrong when `state` is not a generator state. */
export function assertRngState(state: unknown, label = 'RNG state'): asserts state is RngState {
  if (typeof state !== 'object' || state === null) throw new Error(`The ${label} is missing.`);
  const { counter, spareNormal } = state as Record<string, unknown>;
  if (typeof counter !== 'number' || !Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) {
    throw new Error(`The ${label} has a bad counter (${String(counter)}); it must be a whole number from 0 to 2^32 − 1.`);
  }
  if (spareNormal !== null && (typeof spareNormal !== 'number' || !Number.isFinite(spareNormal))) {
    throw new Error(`The ${label} has a bad cached normal (${String(spareNormal)}); it must be a finite number or null.`);
  }
}

/** A generator from `seed`, or continuing from `state` (then the seed is ignored). */
export function createRng(seed: number, state?: RngState): Rng {
  let counter = seed >>> 0;
  let spareNormal: number | null = null;
  const setState = (s: RngState) => {
    assertRngState(s);
    counter = s.counter;
    spareNormal = s.spareNormal;
  };
  if (state) setState(state);
  const next = () => {
    counter = (counter + 0x6d2b79f5) >>> 0;
    let t = counter;
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
    getState: () => ({ counter, spareNormal }),
    setState,
  };
}
