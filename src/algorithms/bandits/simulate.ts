/** One run of a policy on a bandit: the library's small public entry point. */
import { createRng } from '../common/rng';
import { createAgent, createBandit, runAgent, type ArmType, type PolicyId, type PolicyOptions } from './bandit';

export interface SimulateBanditOptions extends PolicyOptions {
  /** Bernoulli arm means in [0, 1] (or Gaussian means with `armType: 'gaussian'`). */
  means: number[];
  policy: PolicyId;
  steps: number;
  seed: number;
  armType?: ArmType;
}

export interface BanditRun {
  /** Cumulative expected (pseudo-)regret after each pull: regret[t] = Σ_{s ≤ t} (μ* − μ_{a_s}). */
  regret: Float64Array;
  /** Pulls of each arm at the end. */
  counts: number[];
  /** Empirical mean reward of each arm at the end (0 for an arm never pulled). */
  estimates: number[];
}

/** One run of a policy on a bandit; the same seed gives the same run. */
export function simulateBandit(options: SimulateBanditOptions): BanditRun {
  const { means, policy, steps, seed, armType = 'bernoulli' } = options;
  if (!Number.isInteger(steps) || steps < 1 || steps > 10_000_000) throw new Error(`steps must be a whole number from 1 to 10,000,000 (got ${steps}).`);
  const bandit = createBandit(means, armType, options.noise ?? 1);
  const agent = createAgent(means.length, policy, bandit, options);
  const regret = runAgent(bandit, agent, steps, createRng(seed));
  return {
    regret,
    counts: Array.from(agent.counts),
    estimates: Array.from(agent.counts, (n, a) => (n > 0 ? agent.sums[a] / n : 0)),
  };
}
