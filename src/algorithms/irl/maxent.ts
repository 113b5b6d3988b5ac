/**
 * Maximum-entropy inverse RL on an open gridworld (inverse-RL lecture), with one-hot state
 * features: the reward is a number per cell, r_ψ(s) = ψ_s, paid on every step spent in s.
 *
 * Backward pass (finite-horizon soft value iteration with the true dynamics, the lecture's
 * variational backup, temperature 1), for t = T..1 with V_{T+1} = 0:
 *   Q_t(s, a) = r(s) + E_{s' ~ p(·|s,a)} [V_{t+1}(s')],   V_t(s) = log Σ_a exp Q_t(s, a),
 *   π_t(a | s) = exp(Q_t(s, a) − V_t(s)).
 * Forward pass: D_1 = the demonstrations' start distribution,
 *   D_{t+1}(s') = Σ_s Σ_a D_t(s) π_t(a | s) p(s' | s, a).
 * Gradient of the average log-likelihood (1/N) Σ_i Σ_t log π_t(a_{i,t} | s_{i,t}):
 *   ∂L/∂ψ_s = (1/N) Σ_i #{t : s_{i,t} = s} − Σ_t D_t(s),
 * expert visits minus expected visits. The slip model is the gridworld's one transition model
 * (src/algorithms/gridworld/transitionModel.ts); Q uses its `softQ`, V its `weightedLogSumExp`.
 */
import { createRng, type Rng } from '../common/rng';
import { buildMdp, EMPTY, type GridMdp } from '../gridworld/mdp';
import { softQ, weightedLogSumExp } from '../gridworld/softValueIteration';
import { transitionModel, type TransitionModel } from '../gridworld/transitionModel';

export interface IrlWorld {
  rows: number;
  cols: number;
  noise: number;
  /** Steps per trajectory T. */
  horizon: number;
  mdp: GridMdp;
  model: TransitionModel;
}

export const MAX_IRL_SIDE = 32;
export const MAX_HORIZON = 200;

/** An open grid (no walls, no terminals): every cell a state, moves off the edge stay put. */
export function createWorld(rows: number, cols: number, noise: number, horizon: number): IrlWorld {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 2 || cols < 2 || rows > MAX_IRL_SIDE || cols > MAX_IRL_SIDE) {
    throw new Error(`The grid must be from 2 × 2 to ${MAX_IRL_SIDE} × ${MAX_IRL_SIDE} (got ${rows} × ${cols}).`);
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) throw new Error(`The horizon must be a whole number from 1 to ${MAX_HORIZON} (got ${horizon}).`);
  const n = rows * cols;
  const mdp = buildMdp(rows, cols, new Uint8Array(n).fill(EMPTY), new Float64Array(n), -1);
  return { rows, cols, noise, horizon, mdp, model: transitionModel(mdp, noise) };
}

/** Throws a readable Error unless `reward` has one finite number per cell. */
export function validateReward(world: IrlWorld, reward: ArrayLike<number>): void {
  const n = world.rows * world.cols;
  if (reward.length !== n) throw new Error(`The reward needs one number per cell (${n}), got ${reward.length}.`);
  for (let s = 0; s < n; s++) {
    if (typeof reward[s] !== 'number' || !Number.isFinite(reward[s])) {
      throw new Error(`The reward at row ${Math.floor(s / world.cols) + 1}, column ${(s % world.cols) + 1} is not a number (got ${String(reward[s])}).`);
    }
  }
}

export interface SoftSolution {
  /** π_t(a | s) at `(t * S + s) * 4 + a`, t = 0..T−1. */
  pi: Float64Array;
  /** V_1(s): the soft value at the first step. */
  values: Float64Array;
}

/** The backward pass: time-indexed soft policy for the reward. */
export function backwardPass(world: IrlWorld, reward: ArrayLike<number>): SoftSolution {
  const { model, horizon: T } = world;
  const S = world.rows * world.cols;
  // values at S (the mdp's end state, never reached in an open grid) stay 0
  let next = new Float64Array(S + 1);
  let current = new Float64Array(S + 1);
  const pi = new Float64Array(T * S * 4);
  const q = [0, 0, 0, 0];
  const ones = [1, 1, 1, 1];
  for (let t = T - 1; t >= 0; t--) {
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < 4; a++) q[a] = softQ(model, next, s, a, reward[s], 1, 1, 'variational');
      const v = weightedLogSumExp(q, ones, 1);
      current[s] = v;
      const o = (t * S + s) * 4;
      for (let a = 0; a < 4; a++) pi[o + a] = Math.exp(q[a] - v);
    }
    [next, current] = [current, next];
  }
  return { pi, values: next.slice(0, S) };
}

/** The forward pass: D_t(s) for t = 1..T at `t * S + s` (from start distribution `start`), and their sum. */
export function forwardPass(world: IrlWorld, pi: Float64Array, start: ArrayLike<number>): { perStep: Float64Array; visits: Float64Array } {
  const { model, horizon: T } = world;
  const S = world.rows * world.cols;
  const perStep = new Float64Array(T * S);
  const visits = new Float64Array(S);
  for (let s = 0; s < S; s++) perStep[s] = start[s];
  for (let t = 0; t < T; t++) {
    const d = perStep.subarray(t * S, (t + 1) * S);
    for (let s = 0; s < S; s++) visits[s] += d[s];
    if (t === T - 1) break;
    const out = perStep.subarray((t + 1) * S, (t + 2) * S);
    for (let s = 0; s < S; s++) {
      if (d[s] === 0) continue;
      for (let a = 0; a < 4; a++) {
        const w = d[s] * pi[(t * S + s) * 4 + a];
        for (let k = 0; k < 3; k++) out[model.cell(s, a, k)] += w * model.probs[k];
      }
    }
  }
  return { perStep, visits };
}

export interface Demonstration {
  /** Cells s_1..s_T. */
  states: number[];
  /** Actions a_1..a_T (the last one is taken but its outcome is not recorded). */
  actions: number[];
}

/** Samples trajectories of the soft policy with the true slip dynamics, starts drawn from `start`. */
export function sampleDemonstrations(world: IrlWorld, pi: Float64Array, start: ArrayLike<number>, count: number, rng: Rng): Demonstration[] {
  const S = world.rows * world.cols;
  const out: Demonstration[] = [];
  const probs = new Float64Array(4);
  for (let i = 0; i < count; i++) {
    let s = rng.categorical(start);
    const states: number[] = [];
    const actions: number[] = [];
    for (let t = 0; t < world.horizon; t++) {
      for (let a = 0; a < 4; a++) probs[a] = pi[(t * S + s) * 4 + a];
      const a = rng.categorical(probs);
      states.push(s);
      actions.push(a);
      s = world.model.sample(s, a, rng.next());
    }
    out.push({ states, actions });
  }
  return out;
}

/** The demonstrations' average visits per cell and their empirical start distribution. */
export function demoStatistics(world: IrlWorld, demos: readonly Demonstration[]): { visits: Float64Array; start: Float64Array } {
  if (demos.length === 0) throw new Error('There are no demonstrations: sample some, or draw one on the grid, before running IRL.');
  const S = world.rows * world.cols;
  const visits = new Float64Array(S);
  const start = new Float64Array(S);
  for (const demo of demos) {
    if (demo.states.length === 0) throw new Error('A demonstration has no states.');
    for (const s of demo.states) {
      if (!Number.isInteger(s) || s < 0 || s >= S) throw new Error(`A demonstration visits cell ${s}, which is not on the ${world.rows} × ${world.cols} grid.`);
      visits[s] += 1 / demos.length;
    }
    start[demo.states[0]] += 1 / demos.length;
  }
  return { visits, start };
}

/** Average log-likelihood (1/N) Σ_i Σ_t log π_t(a_{i,t} | s_{i,t}) (the dynamics' own terms left out). */
export function logLikelihood(world: IrlWorld, pi: Float64Array, demos: readonly Demonstration[]): number {
  const S = world.rows * world.cols;
  let sum = 0;
  for (const demo of demos) {
    for (let t = 0; t < Math.min(demo.states.length, world.horizon); t++) sum += Math.log(pi[(t * S + demo.states[t]) * 4 + demo.actions[t]]);
  }
  return sum / demos.length;
}

export interface IrlState {
  /** ψ: the recovered reward per cell. */
  reward: Float64Array;
  iteration: number;
}

export interface IrlStepResult {
  /** Expert visits minus expected visits per cell (the gradient, before the L2 term). */
  gradient: Float64Array;
  expected: Float64Array;
  values: Float64Array;
  logLikelihood: number;
  /** max_s |gradient_s| */
  gradientNorm: number;
}

/**
 * One MaxEnt IRL iteration: backward pass, forward pass, gradient, and ψ ← ψ + η (∇L − λψ).
 * The statistics describe the reward before the update.
 */
export function irlStep(world: IrlWorld, state: IrlState, expert: { visits: Float64Array; start: Float64Array }, demos: readonly Demonstration[], rate: number, l2 = 0): IrlStepResult {
  const { pi, values } = backwardPass(world, state.reward);
  const { visits: expected } = forwardPass(world, pi, expert.start);
  const S = world.rows * world.cols;
  const gradient = new Float64Array(S);
  let gradientNorm = 0;
  for (let s = 0; s < S; s++) {
    gradient[s] = expert.visits[s] - expected[s];
    gradientNorm = Math.max(gradientNorm, Math.abs(gradient[s]));
  }
  const ll = logLikelihood(world, pi, demos);
  for (let s = 0; s < S; s++) state.reward[s] += rate * (gradient[s] - l2 * state.reward[s]);
  state.iteration++;
  return { gradient, expected, values, logLikelihood: ll, gradientNorm };
}

/** Uniform start distribution over all cells. */
export function uniformStart(world: IrlWorld): Float64Array {
  const S = world.rows * world.cols;
  return new Float64Array(S).fill(1 / S);
}

export { createRng };
