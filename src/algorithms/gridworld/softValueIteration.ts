/**
 * Soft value iteration (control as inference), with temperature α > 0:
 *   Q(s, a) = r(s) + γ Σ_{s'} P(s'|s,a) V(s'),
 *   V(s)    = α log Σ_a exp(Q(s, a) / α)           (a smooth maximum; → max_a Q as α → 0),
 *   π(a|s)  = exp((Q(s, a) − V(s)) / α)            (a softmax over the four actions).
 * Terminals keep their single exit action, so V(terminal) = its reward (no log 4 bonus).
 * The log-sum-exp is computed stably as m + α log Σ exp((Q − m)/α) with m = max_a Q.
 */
import { TERMINAL, stepRewards, validateProblem, type GridMdp } from './mdp';
import { greedyPolicy, qFromValues, sweepToTolerance, type SolveOptions, type ValueResult } from './valueIteration';

function checkTemperature(alpha: number) {
  if (!Number.isFinite(alpha) || alpha <= 0) throw new Error(`The temperature α must be a finite number > 0 (got ${alpha}).`);
}

/** One soft Bellman sweep from `from` into `to` (same array: in place). Returns ‖V_new − V_old‖∞. */
export function softBellmanSweep(mdp: GridMdp, reward: ArrayLike<number>, from: Float64Array, to: Float64Array, gamma: number, noise: number, alpha: number): number {
  const { active, next, kind } = mdp;
  const p = 1 - noise;
  const h = noise / 2;
  let residual = 0;
  for (let i = 0; i < active.length; i++) {
    const s = active[i];
    let value: number;
    if (kind[s] === TERMINAL) value = reward[s];
    else {
      const o = 4 * s;
      const vN = from[next[o]];
      const vE = from[next[o + 1]];
      const vS = from[next[o + 2]];
      const vW = from[next[o + 3]];
      const qN = reward[s] + gamma * (p * vN + h * (vE + vW));
      const qE = reward[s] + gamma * (p * vE + h * (vN + vS));
      const qS = reward[s] + gamma * (p * vS + h * (vE + vW));
      const qW = reward[s] + gamma * (p * vW + h * (vN + vS));
      const m = Math.max(qN, qE, qS, qW);
      value = m + alpha * Math.log(Math.exp((qN - m) / alpha) + Math.exp((qE - m) / alpha) + Math.exp((qS - m) / alpha) + Math.exp((qW - m) / alpha));
    }
    residual = Math.max(residual, Math.abs(value - from[s]));
    to[s] = value;
  }
  return residual;
}

/** π(a|s) at `4 * s + a` from Q and V (terminals, walls: all 0). */
export function softPolicy(mdp: GridMdp, q: Float64Array, values: Float64Array, alpha: number): Float64Array {
  const pi = new Float64Array(4 * mdp.end);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] === TERMINAL) continue;
    for (let a = 0; a < 4; a++) pi[4 * s + a] = Math.exp((q[4 * s + a] - values[s]) / alpha);
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
export function softValueIteration(mdp: GridMdp, options: SolveOptions & { alpha: number }): SoftValueResult {
  validateProblem(mdp, options);
  checkTemperature(options.alpha);
  if (options.gamma >= 1) throw new Error('Soft value iteration needs γ < 1: the entropy bonus can keep the values growing forever.');
  const reward = stepRewards(mdp, options.livingReward);
  const { values, residuals, converged } = sweepToTolerance(
    mdp.end + 1,
    options,
    (from, to) => softBellmanSweep(mdp, reward, from, to, options.gamma, options.noise, options.alpha),
    'The soft values became non-finite: try a larger temperature α.',
  );
  const q = qFromValues(mdp, values, options);
  const pi = softPolicy(mdp, q, values, options.alpha);
  // The most likely action per cell, with the same tie rule as the hard greedy policy.
  return { values, q, pi, policy: greedyPolicy(mdp, pi), residuals, sweeps: residuals.length, converged };
}
