/**
 * Derivative-free planners over a generic continuous planning problem: random shooting and the
 * cross-entropy method (CEM). A plan 𝐀 = (a_1, …, a_H) is one flat vector of H·dim(a) numbers;
 * J(𝐀) is the total cost of rolling it through the model from s_1 (lower is better; return = −J).
 */
import type { Rng } from '../common/rng';
import type { NonlinearProblem } from './ilqr';

export interface PlanningProblem {
  stateDim: number;
  actionDim: number;
  /** Planning horizon H. */
  horizon: number;
  /** Per-dimension action bounds; samples are clipped into [low, high]. */
  actionLow: number[];
  actionHigh: number[];
  /** The model: s_{t+1} = step(s_t, a_t) (write into `next`). */
  step(s: Float64Array, a: Float64Array, next: Float64Array): void;
  /** c(s_t, a_t, s_{t+1}) at step t (0-based). */
  cost(s: Float64Array, a: Float64Array, next: Float64Array, t: number): number;
}

export interface Rollout {
  /** (H + 1) · stateDim numbers: s_1..s_{H+1}. */
  states: Float64Array;
  cost: number;
}

export function validateProblem(problem: PlanningProblem): void {
  const { horizon, actionDim, actionLow, actionHigh } = problem;
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`The horizon must be a whole number of at least 1 (got ${horizon}).`);
  if (actionLow.length !== actionDim || actionHigh.length !== actionDim || actionLow.some((lo, i) => !(lo < actionHigh[i]))) {
    throw new Error('Each action dimension needs bounds with low < high.');
  }
}

/** J(𝐀): rolls `actions` (H · actionDim) through the model from s1; fills `states` when given. */
export function rolloutCost(problem: PlanningProblem, s1: ArrayLike<number>, actions: ArrayLike<number>, states?: Float64Array): number {
  const { stateDim: n, actionDim: m, horizon } = problem;
  let s = Float64Array.from(s1);
  let next = new Float64Array(n);
  const a = new Float64Array(m);
  if (states) states.set(s, 0);
  let total = 0;
  for (let t = 0; t < horizon; t++) {
    for (let j = 0; j < m; j++) a[j] = actions[t * m + j];
    problem.step(s, a, next);
    total += problem.cost(s, a, next, t);
    if (states) states.set(next, (t + 1) * n);
    [s, next] = [next, s];
  }
  return total;
}

export function rollout(problem: PlanningProblem, s1: ArrayLike<number>, actions: ArrayLike<number>): Rollout {
  const states = new Float64Array((problem.horizon + 1) * problem.stateDim);
  const cost = rolloutCost(problem, s1, actions, states);
  return { states, cost };
}

const clip = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

export interface SampleBatch {
  /** N plans, each H · actionDim numbers, row after row. */
  plans: Float64Array;
  costs: Float64Array;
  count: number;
}

export interface RandomShootingOptions {
  samples: number;
}

export interface ShootingResult {
  /** The best plan found. */
  plan: Float64Array;
  cost: number;
  batch: SampleBatch;
  best: number;
}

/** Random shooting: N plans uniform over the action box, keep the cheapest. */
export function randomShooting(problem: PlanningProblem, s1: ArrayLike<number>, options: RandomShootingOptions, rng: Rng): ShootingResult {
  validateProblem(problem);
  const { samples } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`The number of samples must be a whole number of at least 1 (got ${samples}).`);
  const d = problem.horizon * problem.actionDim;
  const plans = new Float64Array(samples * d);
  const costs = new Float64Array(samples);
  let best = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < d; j++) {
      const dim = j % problem.actionDim;
      plans[i * d + j] = rng.uniform(problem.actionLow[dim], problem.actionHigh[dim]);
    }
    costs[i] = rolloutCost(problem, s1, plans.subarray(i * d, (i + 1) * d));
    if (costs[i] < costs[best]) best = i;
  }
  return { plan: plans.slice(best * d, (best + 1) * d), cost: costs[best], batch: { plans, costs, count: samples }, best };
}

export interface CemOptions {
  samples: number;
  elites: number;
  iterations: number;
  /** Standard deviation of the first sampling distribution, per action entry. */
  initialStd: number;
  /**
   * Blend of the old parameters into the refit: μ ← (1 − β) μ_elite + β μ_old (same for σ).
   * 0 (the default) is the lecture's plain maximum-likelihood refit.
   */
  smoothing?: number;
}

export function validateCem(options: CemOptions): void {
  const { samples, elites, iterations, initialStd, smoothing = 0 } = options;
  if (!Number.isInteger(samples) || samples < 2 || samples > 5000) throw new Error(`The number of samples N must be a whole number from 2 to 5000 (got ${samples}).`);
  if (!Number.isInteger(elites) || elites < 1) throw new Error(`The number of elites M must be a whole number of at least 1 (got ${elites}).`);
  if (elites >= samples) throw new Error(`The elites must be fewer than the samples (M < N), but M = ${elites} and N = ${samples}.`);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 100) throw new Error(`The number of CEM iterations must be a whole number from 1 to 100 (got ${iterations}).`);
  if (!(initialStd > 0) || !Number.isFinite(initialStd)) throw new Error(`The action noise (initial standard deviation) must be a positive number (got ${initialStd}).`);
  if (!(smoothing >= 0 && smoothing < 1)) throw new Error(`The smoothing β must be in [0, 1) (got ${smoothing}).`);
}

/** The diagonal Gaussian p(𝐀) = N(μ, diag σ²) that CEM refits. */
export interface CemDistribution {
  mean: Float64Array;
  std: Float64Array;
}

export interface CemIteration {
  batch: SampleBatch;
  /** Indices of the M cheapest samples, cheapest first. */
  elites: number[];
  /** The distribution the samples were drawn from, and the one refit to the elites. */
  before: CemDistribution;
  after: CemDistribution;
  eliteMeanCost: number;
  bestCost: number;
  meanCost: number;
}

export function initialDistribution(problem: PlanningProblem, initialStd: number, mean?: ArrayLike<number>): CemDistribution {
  const d = problem.horizon * problem.actionDim;
  const m = new Float64Array(d);
  if (mean) m.set(Array.from(mean).slice(0, d));
  return { mean: m, std: new Float64Array(d).fill(initialStd) };
}

/**
 * One CEM round: draw N plans from N(μ, diag σ²) (clipped to the action box), score them, keep
 * the M cheapest, refit μ ← (1/M) Σ 𝐀_{i_j}, σ² ← (1/M) Σ (𝐀_{i_j} − μ)² (diagonal Σ).
 */
export function cemIteration(problem: PlanningProblem, s1: ArrayLike<number>, dist: CemDistribution, options: CemOptions, rng: Rng): CemIteration {
  const { samples, elites: M, smoothing = 0 } = options;
  const m = problem.actionDim;
  const d = problem.horizon * m;
  const plans = new Float64Array(samples * d);
  const costs = new Float64Array(samples);
  let total = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < d; j++) {
      const dim = j % m;
      plans[i * d + j] = clip(dist.mean[j] + dist.std[j] * rng.normal(), problem.actionLow[dim], problem.actionHigh[dim]);
    }
    costs[i] = rolloutCost(problem, s1, plans.subarray(i * d, (i + 1) * d));
    total += costs[i];
  }
  const order = Array.from({ length: samples }, (_, i) => i).sort((x, y) => costs[x] - costs[y] || x - y);
  const elites = order.slice(0, M);
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (const i of elites) for (let j = 0; j < d; j++) mean[j] += plans[i * d + j] / M;
  for (const i of elites) for (let j = 0; j < d; j++) std[j] += (plans[i * d + j] - mean[j]) ** 2 / M;
  for (let j = 0; j < d; j++) {
    std[j] = Math.sqrt(std[j]);
    if (smoothing > 0) {
      mean[j] = (1 - smoothing) * mean[j] + smoothing * dist.mean[j];
      std[j] = (1 - smoothing) * std[j] + smoothing * dist.std[j];
    }
  }
  const eliteMeanCost = elites.reduce((sum, i) => sum + costs[i], 0) / M;
  return {
    batch: { plans, costs, count: samples },
    elites,
    before: { mean: dist.mean.slice(), std: dist.std.slice() },
    after: { mean, std },
    eliteMeanCost,
    bestCost: costs[elites[0]],
    meanCost: total / samples,
  };
}

export interface CemResult {
  /** The final mean μ: the plan CEM hands back. */
  plan: Float64Array;
  /** J(μ). */
  cost: number;
  /** The cheapest single sample seen in any round, and its cost. */
  bestPlan: Float64Array;
  bestCost: number;
  history: CemIteration[];
}

/** CEM: `iterations` rounds from N(initialMean, initialStd²), returning the final mean as the plan. */
export function cem(problem: PlanningProblem, s1: ArrayLike<number>, options: CemOptions, rng: Rng, initialMean?: ArrayLike<number>): CemResult {
  validateProblem(problem);
  validateCem(options);
  let dist = initialDistribution(problem, options.initialStd, initialMean);
  const history: CemIteration[] = [];
  const d = problem.horizon * problem.actionDim;
  let bestPlan = dist.mean.slice();
  let bestCost = rolloutCost(problem, s1, bestPlan);
  for (let k = 0; k < options.iterations; k++) {
    const round = cemIteration(problem, s1, dist, options, rng);
    history.push(round);
    if (round.bestCost < bestCost) {
      bestCost = round.bestCost;
      bestPlan = round.batch.plans.slice(round.elites[0] * d, (round.elites[0] + 1) * d);
    }
    dist = round.after;
  }
  return { plan: dist.mean.slice(), cost: rolloutCost(problem, s1, dist.mean), bestPlan, bestCost, history };
}

/** A NonlinearProblem as a black box for random shooting and CEM: same dynamics (time-invariant), same cost. */
export function asPlanningProblem(problem: NonlinearProblem, maxAction: number): PlanningProblem {
  const { stateDim, actionDim, T } = problem;
  // Plain-array copies of the typed rows, reused (Array.from on a typed array is slow in a hot loop).
  const sBuf: number[] = new Array<number>(stateDim).fill(0);
  const aBuf: number[] = new Array<number>(actionDim).fill(0);
  const load = (s: Float64Array, a: Float64Array) => {
    for (let i = 0; i < stateDim; i++) sBuf[i] = s[i];
    for (let i = 0; i < actionDim; i++) aBuf[i] = a[i];
  };
  return {
    stateDim,
    actionDim,
    horizon: T,
    actionLow: Array.from({ length: actionDim }, () => -maxAction),
    actionHigh: Array.from({ length: actionDim }, () => maxAction),
    step(s, a, next) {
      load(s, a);
      const out = problem.dynamics(sBuf, aBuf, 0);
      for (let i = 0; i < stateDim; i++) next[i] = out[i];
    },
    cost(s, a, _next, t) {
      load(s, a);
      return problem.cost(sBuf, aBuf, t);
    },
  };
}
