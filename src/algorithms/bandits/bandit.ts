/**
 * K-armed bandits and the exploration rules of the exploration lecture. Each arm a has a mean μ_a;
 * a pull returns a reward (Bernoulli(μ_a) or N(μ_a, σ²)). An agent keeps N(a) (pulls) and S(a)
 * (summed reward), so μ̂_a = S(a)/N(a), and chooses by one of:
 *   greedy          argmax μ̂_a (untried arms count as 0; ties broken uniformly at random)
 *   epsilon-greedy  a uniformly random arm with probability ε, otherwise greedy
 *   epsilon-decay   the same with ε_t = min(1, cK/t) (Auer et al.'s ε_n-greedy, t = pulls so far + 1)
 *   optimistic      greedy on (m·Q₀ + S(a)) / (m + N(a)): every arm starts at Q₀ with m pseudo-pulls
 *   ucb1            argmax μ̂_a + √(2 ln T / N(a)), T = pulls so far; an untried arm first
 *   thompson        argmax of one posterior draw per arm: Beta(1 + S, 1 + N − S) for Bernoulli arms,
 *                   N(S/(N+1), σ²/(N+1)) for Gaussian arms (prior N(0, σ²))
 * Pseudo-regret after t pulls: Σ_s (μ* − μ_{a_s}), the expected regret given the arms pulled.
 */
import type { Rng } from '../common/rng';
import { sampleBeta } from './sampling';

export type PolicyId = 'greedy' | 'epsilon-greedy' | 'epsilon-decay' | 'optimistic' | 'ucb1' | 'thompson';
export const POLICIES: readonly PolicyId[] = ['greedy', 'epsilon-greedy', 'epsilon-decay', 'optimistic', 'ucb1', 'thompson'];
export type ArmType = 'bernoulli' | 'gaussian';

export const POLICY_LABELS: Record<PolicyId, string> = {
  greedy: 'Greedy',
  'epsilon-greedy': 'ε-greedy',
  'epsilon-decay': 'Decaying ε-greedy',
  optimistic: 'Optimistic greedy',
  ucb1: 'UCB1',
  thompson: 'Thompson sampling',
};

export interface PolicyOptions {
  /** Fixed ε of epsilon-greedy (default 0.1). */
  epsilon?: number;
  /** c of the decaying schedule ε_t = min(1, cK/t) (default 5). */
  decay?: number;
  /** Q₀ of optimistic greedy (default 1) and its pseudo-pull count m (default 5). */
  optimism?: number;
  pseudoPulls?: number;
  /** σ of Gaussian arms (default 1); Thompson's Gaussian posterior assumes it is known. */
  noise?: number;
}

export interface Bandit {
  means: Float64Array;
  type: ArmType;
  noise: number;
}

export const MAX_ARMS = 20;

/** Throws a readable Error for means a bandit cannot have. */
export function validateMeans(means: readonly number[], type: ArmType = 'bernoulli'): void {
  if (!Array.isArray(means) || means.length === 0) throw new Error('A bandit needs at least one arm (got none).');
  if (means.length > MAX_ARMS) throw new Error(`At most ${MAX_ARMS} arms (got ${means.length}).`);
  means.forEach((m, i) => {
    if (typeof m !== 'number' || !Number.isFinite(m)) throw new Error(`Arm ${i + 1}'s mean is not a number (got ${String(m)}).`);
    if (type === 'bernoulli' && (m < 0 || m > 1)) {
      throw new Error(`Arm ${i + 1}'s mean ${m} is outside [0, 1]: a Bernoulli arm pays 1 with probability μ.`);
    }
  });
}

export function createBandit(means: readonly number[], type: ArmType = 'bernoulli', noise = 1): Bandit {
  validateMeans(means, type);
  if (!(noise > 0 && Number.isFinite(noise))) throw new Error(`The noise σ must be a positive number (got ${noise}).`);
  return { means: Float64Array.from(means), type, noise };
}

export function pull(bandit: Bandit, arm: number, rng: Rng): number {
  const mu = bandit.means[arm];
  return bandit.type === 'bernoulli' ? (rng.next() < mu ? 1 : 0) : mu + bandit.noise * rng.normal();
}

export function bestMean(means: ArrayLike<number>): number {
  let best = -Infinity;
  for (let i = 0; i < means.length; i++) if (means[i] > best) best = means[i];
  return best;
}

/** The UCB1 bonus of the lecture, √(2 ln T / N(a)); +∞ for an arm never pulled. */
export function ucbBonus(totalPulls: number, armPulls: number): number {
  if (armPulls === 0) return Infinity;
  return Math.sqrt((2 * Math.log(totalPulls)) / armPulls);
}

/** An agent's statistics: pulls N(a) and summed rewards S(a). */
export interface Agent {
  readonly policy: PolicyId;
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  /** Pulls so far (T). */
  total: number;
  /** The arm to pull next (draws from rng when the rule is random or on ties). */
  select(rng: Rng): number;
  update(arm: number, reward: number): void;
  reset(): void;
  /** Puts saved statistics back (a checkpoint): N(a), S(a), and T = Σ N(a). */
  load(counts: ArrayLike<number>, sums: ArrayLike<number>): void;
}

export function createAgent(arms: number, policy: PolicyId, bandit: Pick<Bandit, 'type' | 'noise'>, options: PolicyOptions = {}): Agent {
  if (!POLICIES.includes(policy)) throw new Error(`Unknown policy "${String(policy)}"; use one of ${POLICIES.join(', ')}.`);
  const epsilon = options.epsilon ?? 0.1;
  if (!(epsilon >= 0 && epsilon <= 1)) throw new Error(`ε must be in [0, 1] (got ${epsilon}).`);
  const decay = options.decay ?? 5;
  const q0 = options.optimism ?? 1;
  const m = options.pseudoPulls ?? 5;
  const sigma = bandit.noise;
  const counts = new Float64Array(arms);
  const sums = new Float64Array(arms);
  /** 1/√N(a), kept per arm so a UCB step costs no square roots (∞ while N(a) = 0). */
  const invSqrt = new Float64Array(arms).fill(Infinity);
  const scores = new Float64Array(arms);

  /** argmax of scores, ties uniformly at random (reservoir over the tied arms). */
  const argmax = (rng: Rng) => {
    let best = -Infinity;
    let arg = 0;
    let ties = 0;
    for (let a = 0; a < arms; a++) {
      const s = scores[a];
      if (s > best) {
        best = s;
        arg = a;
        ties = 1;
      } else if (s === best) {
        ties++;
        if (rng.next() * ties < 1) arg = a;
      }
    }
    return arg;
  };
  const greedyScores = () => {
    for (let a = 0; a < arms; a++) scores[a] = counts[a] > 0 ? sums[a] / counts[a] : 0;
  };

  const agent: Agent = {
    policy,
    counts,
    sums,
    total: 0,
    select(rng) {
      switch (policy) {
        case 'greedy':
          greedyScores();
          return argmax(rng);
        case 'epsilon-greedy':
        case 'epsilon-decay': {
          const eps = policy === 'epsilon-greedy' ? epsilon : Math.min(1, (decay * arms) / (agent.total + 1));
          if (rng.next() < eps) return rng.int(arms);
          greedyScores();
          return argmax(rng);
        }
        case 'optimistic':
          for (let a = 0; a < arms; a++) scores[a] = (m * q0 + sums[a]) / (m + counts[a]);
          return argmax(rng);
        case 'ucb1': {
          const c = Math.sqrt(2 * Math.log(agent.total));
          for (let a = 0; a < arms; a++) scores[a] = counts[a] > 0 ? sums[a] / counts[a] + c * invSqrt[a] : Infinity;
          return argmax(rng);
        }
        case 'thompson':
          if (bandit.type === 'bernoulli') {
            for (let a = 0; a < arms; a++) scores[a] = sampleBeta(rng, 1 + sums[a], 1 + counts[a] - sums[a]);
          } else {
            for (let a = 0; a < arms; a++) scores[a] = sums[a] / (counts[a] + 1) + (sigma / Math.sqrt(counts[a] + 1)) * rng.normal();
          }
          return argmax(rng);
      }
    },
    update(arm, reward) {
      counts[arm] += 1;
      sums[arm] += reward;
      invSqrt[arm] = 1 / Math.sqrt(counts[arm]);
      agent.total += 1;
    },
    reset() {
      counts.fill(0);
      sums.fill(0);
      invSqrt.fill(Infinity);
      agent.total = 0;
    },
    load(savedCounts, savedSums) {
      agent.reset();
      for (let a = 0; a < arms; a++) {
        counts[a] = savedCounts[a];
        sums[a] = savedSums[a];
        invSqrt[a] = counts[a] > 0 ? 1 / Math.sqrt(counts[a]) : Infinity;
        agent.total += counts[a];
      }
    },
  };
  return agent;
}

/**
 * One run of `steps` pulls; writes the cumulative pseudo-regret after each pull into `regret`
 * (allocated when absent) and returns it. The agent is reset first.
 */
export function runAgent(bandit: Bandit, agent: Agent, steps: number, rng: Rng, regret = new Float64Array(steps)): Float64Array {
  agent.reset();
  const best = bestMean(bandit.means);
  let cumulative = 0;
  for (let t = 0; t < steps; t++) {
    const arm = agent.select(rng);
    agent.update(arm, pull(bandit, arm, rng));
    cumulative += best - bandit.means[arm];
    regret[t] = cumulative;
  }
  return regret;
}

/** Thompson's Beta posterior of a Bernoulli arm under a uniform prior: Beta(1 + S(a), 1 + N(a) − S(a)). */
export function betaPosterior(agent: Pick<Agent, 'counts' | 'sums'>, arm: number): { alpha: number; beta: number } {
  return { alpha: 1 + agent.sums[arm], beta: 1 + agent.counts[arm] - agent.sums[arm] };
}
