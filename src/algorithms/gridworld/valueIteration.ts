/**
 * Value iteration: V_{k+1}(s) = max_a [ r(s) + γ Σ_{s'} P(s'|s,a) V_k(s') ]  (conventions in mdp.ts).
 * The sweep kernel reads the four neighbours once per cell:
 *   Q(N) = p v_N + h (v_E + v_W),  Q(S) = p v_S + h (v_E + v_W),
 *   Q(E) = p v_E + h (v_N + v_S),  Q(W) = p v_W + h (v_N + v_S),   p = 1 − noise, h = noise / 2,
 * so max_a Q = max(p max(v_N, v_S) + h (v_E + v_W), p max(v_E, v_W) + h (v_N + v_S)).
 * This kernel inlines the transition model (transitionModel.ts) for speed; Q values, policy
 * evaluation and the other solvers go through the model itself.
 */
import { TERMINAL, stepRewards, validateProblem, type Dynamics, type GridMdp } from './mdp';
import { transitionModel } from './transitionModel';

export type ValueArray = Float64Array | Float32Array;

/**
 * One Bellman optimality sweep from `from` into `to` (pass the same array for an in-place,
 * Gauss-Seidel sweep). `reward` comes from stepRewards. Returns ‖V_new − V_old‖∞.
 */
export function bellmanSweep(mdp: GridMdp, reward: ArrayLike<number>, from: ValueArray, to: ValueArray, gamma: number, noise: number): number {
  const { active, next } = mdp;
  const p = 1 - noise;
  const h = noise / 2;
  let residual = 0;
  for (let i = 0; i < active.length; i++) {
    const s = active[i];
    const o = 4 * s;
    const vN = from[next[o]];
    const vE = from[next[o + 1]];
    const vS = from[next[o + 2]];
    const vW = from[next[o + 3]];
    const vertical = p * (vN > vS ? vN : vS) + h * (vE + vW);
    const horizontal = p * (vE > vW ? vE : vW) + h * (vN + vS);
    const value = reward[s] + gamma * (vertical > horizontal ? vertical : horizontal);
    const change = value > from[s] ? value - from[s] : from[s] - value;
    if (change > residual) residual = change;
    to[s] = value;
  }
  return residual;
}

/** Q(s, a) = r(s) + γ Σ P(s'|s,a) V(s') for every cell and action (4 per cell; walls 0). */
export function qFromValues(mdp: GridMdp, values: ArrayLike<number>, dynamics: Dynamics): Float64Array {
  const reward = stepRewards(mdp, dynamics.livingReward);
  const model = transitionModel(mdp, dynamics.noise);
  const q = new Float64Array(4 * mdp.end);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    for (let a = 0; a < 4; a++) q[4 * s + a] = reward[s] + dynamics.gamma * model.expectedValue(values, s, a);
  }
  return q;
}

/** Greedy action per cell (first best on ties, within 1e-12); −1 for walls and terminals. */
export function greedyPolicy(mdp: GridMdp, q: ArrayLike<number>): Int8Array {
  const policy = new Int8Array(mdp.end).fill(-1);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] === TERMINAL) continue;
    let best = 0;
    for (let a = 1; a < 4; a++) if (q[4 * s + a] > q[4 * s + best] + 1e-12) best = a;
    policy[s] = best;
  }
  return policy;
}

export interface SolveOptions extends Dynamics {
  /** Stop when ‖V_k − V_{k−1}‖∞ ≤ tolerance (default 1e-10). */
  tolerance?: number;
  /** Give up after this many sweeps (default 10 000) so nothing hangs. */
  maxSweeps?: number;
  /** Gauss-Seidel sweeps that use the newest values at once (default false: synchronous). */
  inPlace?: boolean;
}

export interface ValueResult {
  /** V per cell, length rows * cols + 1 (last entry: the end state, 0). */
  values: Float64Array;
  /** Q(s, a) at `4 * s + a`. */
  q: Float64Array;
  /** Greedy action per cell, −1 for walls and terminals. */
  policy: Int8Array;
  /** ‖V_k − V_{k−1}‖∞ of every sweep k = 1, 2, … */
  residuals: number[];
  sweeps: number;
  converged: boolean;
}

export function checkSolveOptions(options: SolveOptions): { tolerance: number; maxSweeps: number } {
  const tolerance = options.tolerance ?? 1e-10;
  const maxSweeps = options.maxSweeps ?? 10_000;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new Error(`The tolerance must be a finite number ≥ 0 (got ${tolerance}).`);
  if (!Number.isInteger(maxSweeps) || maxSweeps < 1) throw new Error(`maxSweeps must be a positive integer (got ${maxSweeps}).`);
  return { tolerance, maxSweeps };
}

/** One sweep writing into `target` (the same array as `values` for in-place); returns ‖ΔV‖∞. */
export type Sweep = (values: Float64Array, target: Float64Array) => number;

/**
 * Repeats `sweep` (synchronous, or in place) until ‖V_k − V_{k−1}‖∞ ≤ tolerance or maxSweeps.
 * `divergedMessage` is thrown if a residual becomes non-finite.
 */
export function sweepToTolerance(
  size: number,
  options: SolveOptions,
  sweep: Sweep,
  divergedMessage: string,
): { values: Float64Array; residuals: number[]; converged: boolean } {
  const { tolerance, maxSweeps } = checkSolveOptions(options);
  let values = new Float64Array(size);
  let spare = new Float64Array(size);
  const residuals: number[] = [];
  while (residuals.length < maxSweeps) {
    const residual = sweep(values, options.inPlace ? values : spare);
    if (!options.inPlace) [values, spare] = [spare, values];
    residuals.push(residual);
    if (!Number.isFinite(residual)) throw new Error(divergedMessage);
    if (residual <= tolerance) return { values, residuals, converged: true };
  }
  return { values, residuals, converged: false };
}

export function valueIteration(mdp: GridMdp, options: SolveOptions): ValueResult {
  validateProblem(mdp, options);
  const reward = stepRewards(mdp, options.livingReward);
  const { values, residuals, converged } = sweepToTolerance(
    mdp.end + 1,
    options,
    (from, to) => bellmanSweep(mdp, reward, from, to, options.gamma, options.noise),
    'The values became non-finite: check the rewards and γ.',
  );
  const q = qFromValues(mdp, values, options);
  return { values, q, policy: greedyPolicy(mdp, q), residuals, sweeps: residuals.length, converged };
}
