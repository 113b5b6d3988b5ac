/**
 * TD(0) prediction on the random walk: states 1..n in a row between two terminals, start in the
 * middle, step left or right with probability 1/2 each; leaving on the right pays +1, on the left
 * 0, γ = 1. The true values are V(s) = s / (n + 1). Each iteration is one transition and one update
 *   V(s) ← V(s) + α (r + V(s') − V(s)),   V(terminal) = 0.
 * Pure TypeScript, no tfjs: the runtime's example of a session that steps ~10⁵ times a second.
 */
import { assertRngState, createRng } from '../common/rng';
import type { Trainer, TrainerDefinition } from '../runtime/trainer';

export interface RandomWalkConfig {
  /** Non-terminal states, odd so that there is a middle one (3 to 99). */
  states: number;
  /** Step size α in (0, 1]. */
  alpha: number;
  /** Initial estimate of every non-terminal state (the classic figure uses 0.5). */
  initialValue: number;
}

export const DEFAULT_RANDOM_WALK: RandomWalkConfig = { states: 5, alpha: 0.05, initialValue: 0.5 };

export function validateRandomWalk(config: RandomWalkConfig): void {
  const { states, alpha, initialValue } = config;
  if (!Number.isInteger(states) || states < 3 || states > 99 || states % 2 === 0) {
    throw new Error(`The number of states must be an odd whole number from 3 to 99 (got ${states}).`);
  }
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`The step size α must be in (0, 1] (got ${alpha}).`);
  if (!Number.isFinite(initialValue)) throw new Error(`The initial value must be a number (got ${initialValue}).`);
}

/** V(s) = s / (n + 1) for s = 1..n: the probability of leaving on the right. */
export function trueValues(states: number): Float64Array {
  return Float64Array.from({ length: states }, (_, i) => (i + 1) / (states + 1));
}

/** Root-mean-square error of the estimates over the non-terminal states. */
export function rmsError(values: ArrayLike<number>, truth: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < truth.length; i++) sum += (values[i] - truth[i]) ** 2;
  return Math.sqrt(sum / truth.length);
}

export interface RandomWalkView {
  /** Current estimates of states 1..n. */
  values: number[];
  truth: number[];
  /** Where the walker is now (1..n). */
  position: number;
  episodes: number;
}

export type RandomWalkQueries = {
  /** The TD error an update at `state` would have for each move, with the current estimates. */
  tdErrors(args: { state: number }): { left: number; right: number };
};

export interface RandomWalkTrainer extends Trainer<RandomWalkView, RandomWalkQueries> {
  readonly values: Float64Array;
}

export function createRandomWalk(config: RandomWalkConfig, seed: number): RandomWalkTrainer {
  validateRandomWalk(config);
  const n = config.states;
  const rng = createRng(seed);
  const values = new Float64Array(n).fill(config.initialValue);
  const truth = trueValues(n);
  const middle = (n + 1) / 2;
  let position = middle;
  let episodes = 0;
  /** V at a position 0..n+1, with both terminals worth 0. */
  const valueAt = (p: number) => (p === 0 || p === n + 1 ? 0 : values[p - 1]);
  const checkState = (state: number) => {
    if (!Number.isInteger(state) || state < 1 || state > n) throw new Error(`State ${state} is not one of 1..${n}.`);
  };
  return {
    values,
    step() {
      const next = position + (rng.next() < 0.5 ? -1 : 1);
      const reward = next === n + 1 ? 1 : 0;
      const delta = reward + valueAt(next) - values[position - 1];
      values[position - 1] += config.alpha * delta;
      if (next === 0 || next === n + 1) {
        episodes++;
        position = middle;
      } else {
        position = next;
      }
      return { metrics: { rmsError: rmsError(values, truth), tdError: delta, episodes }, watch: ['rmsError'] };
    },
    async getWeights() {
      return { modelId: `random-walk/${n}`, tensors: [{ name: 'V', shape: [n], values: Float32Array.from(values) }] };
    },
    setWeights(snapshot) {
      const tensor = snapshot.tensors[0];
      if (snapshot.modelId !== `random-walk/${n}` || tensor?.values.length !== n) {
        throw new Error(`These estimates are for "${snapshot.modelId}", this walk is "random-walk/${n}".`);
      }
      values.set(tensor.values);
    },
    async checkpoint() {
      const { counter, spareNormal } = rng.getState();
      return { modelId: `random-walk/${n}`, tensors: [], data: { values: Float64Array.from(values), position, episodes, rng: { counter, spareNormal } } };
    },
    restore(state) {
      if (state.modelId !== `random-walk/${n}`) throw new Error(`This checkpoint is for "${state.modelId}", this walk is "random-walk/${n}".`);
      const { values: saved, position: p, episodes: e, rng: r } = state.data;
      if (!(saved instanceof Float64Array) || saved.length !== n) throw new Error('The checkpoint\'s estimates are missing or of another length.');
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > n || typeof e !== 'number') throw new Error('The checkpoint\'s position or episode count is damaged.');
      assertRngState(r, 'checkpoint\'s RNG state');
      values.set(saved);
      position = p;
      episodes = e;
      rng.setState(r);
    },
    snapshotForView() {
      return { values: Array.from(values), truth: Array.from(truth), position, episodes };
    },
    queries: {
      tdErrors({ state }) {
        checkState(state);
        const v = values[state - 1];
        return { left: valueAt(state - 1) - v, right: (state + 1 === n + 1 ? 1 : 0) + valueAt(state + 1) - v };
      },
    },
    dispose() {},
  };
}

export const randomWalkSession: TrainerDefinition<RandomWalkConfig, RandomWalkView, RandomWalkQueries> = {
  id: 'random-walk',
  validate: validateRandomWalk,
  create: async (config, seed) => createRandomWalk(config, seed),
};
