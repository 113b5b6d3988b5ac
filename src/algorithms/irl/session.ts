/**
 * The MaxEnt IRL demo's worker session. Creating it samples the expert's demonstrations from the
 * soft-optimal policy of the true reward; each iteration is one IRL step (backward pass, forward
 * pass, gradient, update). The view carries every map the page draws.
 */
import { assertRngState, createRng } from '../common/rng';
import type { Trainer, TrainerDefinition } from '../runtime/trainer';
import {
  backwardPass, createWorld, demoStatistics, forwardPass, irlStep, sampleDemonstrations, uniformStart, validateReward, type Demonstration,
} from './maxent';

export interface IrlConfig {
  rows: number;
  cols: number;
  /** The hidden true reward, one number per cell (row-major). */
  trueReward: number[];
  noise: number;
  horizon: number;
  demonstrations: number;
  /** Step size η of the gradient ascent. */
  rate: number;
}

export const MAX_DEMONSTRATIONS = 2000;

export function validateIrl(config: IrlConfig): void {
  const world = createWorld(config.rows, config.cols, config.noise, config.horizon);
  validateReward(world, config.trueReward);
  if (!Number.isInteger(config.demonstrations) || config.demonstrations < 1) {
    throw new Error(`There are no demonstrations (asked for ${config.demonstrations}): IRL needs at least one expert trajectory.`);
  }
  if (config.demonstrations > MAX_DEMONSTRATIONS) throw new Error(`At most ${MAX_DEMONSTRATIONS} demonstrations (got ${config.demonstrations}).`);
  if (!(config.rate > 0 && config.rate <= 10)) throw new Error(`The step size η must be in (0, 10] (got ${config.rate}).`);
  if (!(config.noise >= 0 && config.noise <= 0.5)) throw new Error(`The slip probability must be in [0, 0.5] (got ${config.noise}).`);
}

export interface IrlView {
  rows: number;
  cols: number;
  trueReward: number[];
  reward: number[];
  /** V_1(s) of the current reward (backward pass). */
  values: number[];
  /** Expected visits per cell under the current reward (forward pass) and the expert's. */
  expected: number[];
  expert: number[];
  /** Expert minus expected visits. */
  gradient: number[];
  /** A few demonstrations to draw (cells). */
  demos: number[][];
  iteration: number;
  logLikelihood: number;
}

export type IrlQueries = {
  /** Bench: median milliseconds of one IRL iteration on a side × side grid with horizon T, timed in the worker. */
  timeIteration(args: { side: number; horizon: number; repeats: number }): { ms: number };
};

export function createIrlSession(config: IrlConfig, seed: number): Trainer<IrlView, IrlQueries> & { snapshotForView(): IrlView } {
  validateIrl(config);
  const world = createWorld(config.rows, config.cols, config.noise, config.horizon);
  const S = config.rows * config.cols;
  const truth = Float64Array.from(config.trueReward);
  const rng = createRng(seed);
  let demos: Demonstration[] = sampleDemonstrations(world, backwardPass(world, truth).pi, uniformStart(world), config.demonstrations, rng);
  let expert = demoStatistics(world, demos);
  const state = { reward: new Float64Array(S), iteration: 0 };
  const modelId = `maxent-irl/${config.rows}x${config.cols}/T${config.horizon}`;
  /** Statistics of the current reward (what the maps show), computed without changing it. */
  const measure = () => irlStep(world, { reward: Float64Array.from(state.reward), iteration: 0 }, expert, demos, 0);
  let last = measure();
  let stale = false;
  const refresh = () => {
    stale = true;
  };

  const session: Trainer<IrlView, IrlQueries> & { snapshotForView(): IrlView } = {
    step() {
      // the statistics are those of ψ before this update (one backward and one forward pass per step)
      const result = irlStep(world, state, expert, demos, config.rate);
      stale = true;
      return { metrics: { logLikelihood: result.logLikelihood, gradientNorm: result.gradientNorm }, watch: ['logLikelihood'] };
    },
    async getWeights() {
      return { modelId, tensors: [{ name: 'reward', shape: [config.rows, config.cols], values: Float32Array.from(state.reward) }] };
    },
    setWeights(snapshot) {
      const tensor = snapshot.tensors[0];
      if (snapshot.modelId !== modelId || tensor?.values.length !== S) throw new Error(`This reward is for "${snapshot.modelId}", this grid is "${modelId}".`);
      state.reward.set(tensor.values);
      refresh();
    },
    async checkpoint() {
      const { counter, spareNormal } = rng.getState();
      const flat = new Int32Array(demos.length * config.horizon * 2);
      demos.forEach((d, i) => {
        flat.set(d.states, i * config.horizon * 2);
        flat.set(d.actions, i * config.horizon * 2 + config.horizon);
      });
      return { modelId, tensors: [], data: { reward: Float64Array.from(state.reward), iteration: state.iteration, demos: flat, rng: { counter, spareNormal } } };
    },
    restore(saved) {
      if (saved.modelId !== modelId) throw new Error(`This checkpoint is for "${saved.modelId}", this grid is "${modelId}".`);
      const { reward, iteration, demos: flat, rng: r } = saved.data;
      if (!(reward instanceof Float64Array) || reward.length !== S) throw new Error('The checkpoint\'s reward is missing or of another size.');
      if (typeof iteration !== 'number' || !(flat instanceof Int32Array) || flat.length !== config.demonstrations * config.horizon * 2) throw new Error('The checkpoint\'s demonstrations are damaged.');
      assertRngState(r, 'checkpoint\'s RNG state');
      const T = config.horizon;
      const restored = Array.from({ length: config.demonstrations }, (_, i) => ({
        states: Array.from(flat.subarray(i * 2 * T, i * 2 * T + T)),
        actions: Array.from(flat.subarray(i * 2 * T + T, (i + 1) * 2 * T)),
      }));
      expert = demoStatistics(world, restored);
      demos = restored;
      state.reward.set(reward);
      state.iteration = iteration;
      rng.setState(r);
      refresh();
    },
    snapshotForView() {
      if (stale) {
        last = measure();
        stale = false;
      }
      return {
        rows: config.rows,
        cols: config.cols,
        trueReward: Array.from(truth),
        reward: Array.from(state.reward),
        values: Array.from(last.values),
        expected: Array.from(last.expected),
        expert: Array.from(expert.visits),
        gradient: Array.from(last.gradient),
        demos: demos.slice(0, 6).map((d) => d.states.slice()),
        iteration: state.iteration,
        logLikelihood: last.logLikelihood,
      };
    },
    queries: {
      timeIteration({ side, horizon, repeats }) {
        if (!Number.isInteger(repeats) || repeats < 1 || repeats > 1000) throw new Error('Bench: 1–1000 repeats.');
        return { ms: timeIrlIteration(side, side, horizon, repeats) };
      },
    },
    dispose() {},
  };
  return session;
}

export const irlSession: TrainerDefinition<IrlConfig, IrlView, IrlQueries> = {
  id: 'maxent-irl',
  validate: validateIrl,
  create: async (config, seed) => createIrlSession(config, seed),
};

/** Bench helper: milliseconds of one IRL iteration on a rows × cols grid (median of `repeats`). */
export function timeIrlIteration(rows: number, cols: number, horizon: number, repeats: number): number {
  const world = createWorld(rows, cols, 0.1, horizon);
  const truth = new Float64Array(rows * cols).fill(-0.1);
  truth[rows * cols - 1] = 1;
  const demos = sampleDemonstrations(world, backwardPass(world, truth).pi, uniformStart(world), 100, createRng(1));
  const expert = demoStatistics(world, demos);
  const state = { reward: new Float64Array(rows * cols), iteration: 0 };
  const times: number[] = [];
  for (let i = 0; i < repeats + 2; i++) {
    const start = performance.now();
    irlStep(world, state, expert, demos, 0.5);
    if (i >= 2) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export { forwardPass };
