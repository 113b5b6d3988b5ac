/**
 * Soft value iteration (control as inference), with temperature α > 0 and one of two backups over
 * the next state (lecture control-as-inference, "The soft value function" and "The variational fix"):
 *
 *   variational:  Q(s, a) = r(s) + γ E_{s'}[V(s')]                      (the true dynamics)
 *   exact:        Q(s, a) = r(s) + α log E_{s'}[exp(γ V(s') / α)]       (the posterior's optimism)
 *   both:         V(s)    = α log Σ_a exp(Q(s, a) / α),   π(a|s) = exp((Q(s, a) − V(s)) / α).
 *
 * By Jensen's inequality the exact backup is at least the variational one; they agree when the
 * dynamics are deterministic (noise 0). Terminals keep their single exit action, so
 * V(terminal) = its reward under both (no log 4 bonus). Every log-sum-exp is computed stably as
 * m + α log Σ w exp((x − m)/α) with m the largest x of positive weight.
 */
import { TERMINAL, stepRewards, validateProblem, type Dynamics, type GridMdp } from './mdp';
import { OUTCOMES, transitionModel, type TransitionModel } from './transitionModel';
import { greedyPolicy, sweepToTolerance, type SolveOptions, type ValueResult } from './valueIteration';

export const SOFT_BACKUPS = ['variational', 'exact'] as const;
export type SoftBackup = (typeof SOFT_BACKUPS)[number];

function checkTemperature(alpha: number) {
  if (!Number.isFinite(alpha) || alpha <= 0) throw new Error(`The temperature α must be a finite number > 0 (got ${alpha}).`);
}

/** α log Σ_i w_i exp(x_i / α) over the entries with w_i > 0, computed stably. */
export function weightedLogSumExp(x: ArrayLike<number>, w: ArrayLike<number>, alpha: number): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (w[i] > 0 && x[i] > m) m = x[i];
  if (m === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < x.length; i++) if (w[i] > 0) sum += w[i] * Math.exp((x[i] - m) / alpha);
  return m + alpha * Math.log(sum);
}

/**
 * The soft Q(s, a) of one non-terminal cell and action from the values V of the next states:
 * r + γ E[V(s')] (variational) or r + α log E[exp(γ V(s') / α)] (exact).
 */
export function softQ(model: TransitionModel, values: ArrayLike<number>, s: number, a: number, reward: number, gamma: number, alpha: number, backup: SoftBackup): number {
  if (backup === 'variational') return reward + gamma * model.expectedValue(values, s, a);
  const next = [0, 0, 0];
  for (let k = 0; k < OUTCOMES; k++) next[k] = gamma * values[model.cell(s, a, k)];
  return reward + weightedLogSumExp(next, model.probs, alpha);
}

const ONES = [1, 1, 1, 1];

/**
 * One soft Bellman sweep from `from` into `to` (same array: in place). Returns ‖V_new − V_old‖∞.
 * `backup` defaults to the variational one.
 */
export function softBellmanSweep(
  mdp: GridMdp, reward: ArrayLike<number>, from: Float64Array, to: Float64Array, gamma: number, noise: number, alpha: number,
  backup: SoftBackup = 'variational',
): number {
  const model = transitionModel(mdp, noise);
  const { active, kind } = mdp;
  const q = [0, 0, 0, 0];
  let residual = 0;
  for (let i = 0; i < active.length; i++) {
    const s = active[i];
    let value: number;
    if (kind[s] === TERMINAL) value = reward[s];
    else {
      for (let a = 0; a < 4; a++) q[a] = softQ(model, from, s, a, reward[s], gamma, alpha, backup);
      value = weightedLogSumExp(q, ONES, alpha);
    }
    residual = Math.max(residual, Math.abs(value - from[s]));
    to[s] = value;
  }
  return residual;
}

/** Soft Q(s, a) at `4 * s + a` for every cell (terminals: their reward on all four; walls 0). */
export function softQFromValues(mdp: GridMdp, values: ArrayLike<number>, dynamics: Dynamics, alpha: number, backup: SoftBackup): Float64Array {
  const reward = stepRewards(mdp, dynamics.livingReward);
  const model = transitionModel(mdp, dynamics.noise);
  const q = new Float64Array(4 * mdp.end);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    for (let a = 0; a < 4; a++) {
      q[4 * s + a] = mdp.kind[s] === TERMINAL ? reward[s] : softQ(model, values, s, a, reward[s], dynamics.gamma, alpha, backup);
    }
  }
  return q;
}

/** π(a|s) = exp((Q(s, a) − α log Σ_b exp(Q(s, b)/α)) / α) at `4 * s + a` (terminals, walls: all 0). */
export function softPolicy(mdp: GridMdp, q: Float64Array, alpha: number): Float64Array {
  const pi = new Float64Array(4 * mdp.end);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] === TERMINAL) continue;
    const v = weightedLogSumExp(q.subarray(4 * s, 4 * s + 4), ONES, alpha);
    for (let a = 0; a < 4; a++) pi[4 * s + a] = Math.exp((q[4 * s + a] - v) / alpha);
  }
  return pi;
}

export interface SoftValueResult extends ValueResult {
  /** The stochastic policy π(a|s) at `4 * s + a`. */
  pi: Float64Array;
}

/**
 * Soft value iteration to tolerance. With γ = 1 the entropy bonus α log 4 per step can outweigh a
 * small living cost and the values diverge, so γ < 1 is required.
 */
export function softValueIteration(mdp: GridMdp, options: SolveOptions & { alpha: number; backup?: SoftBackup }): SoftValueResult {
  validateProblem(mdp, options);
  checkTemperature(options.alpha);
  if (options.gamma >= 1) throw new Error('Soft value iteration needs γ < 1: the entropy bonus can keep the values growing forever.');
  const backup = options.backup ?? 'variational';
  const reward = stepRewards(mdp, options.livingReward);
  const { values, residuals, converged } = sweepToTolerance(
    mdp.end + 1,
    options,
    (from, to) => softBellmanSweep(mdp, reward, from, to, options.gamma, options.noise, options.alpha, backup),
    'The soft values became non-finite: try a larger temperature α.',
  );
  const q = softQFromValues(mdp, values, options, options.alpha, backup);
  const pi = softPolicy(mdp, q, options.alpha);
  // The most likely action per cell, with the same tie rule as the hard greedy policy.
  return { values, q, pi, policy: greedyPolicy(mdp, pi), residuals, sweeps: residuals.length, converged };
}
