/**
 * The bandit demo's worker session. One iteration is one pull of the live bandit by the chosen
 * policy; the view carries what a student looks at (estimates, UCB upper bounds, Thompson's
 * posteriors, pull counts). Two queries run beside the loop: the many-run regret experiment, in
 * batches so the page can show progress, and the chain MDP's two learners.
 */
import { assertRngState, createRng } from '../common/rng';
import type { Trainer, TrainerDefinition } from '../runtime/trainer';
import { bestMean, createAgent, createBandit, POLICIES, pull, ucbBonus, validateMeans, type ArmType, type PolicyId } from './bandit';
import { runChain, type ChainResult } from './chain';
import { simulateBandit } from './simulate';
import { createRegretAggregator, type RegretExperiment, type RegretSummary } from './regret';

export interface BanditConfig {
  means: number[];
  armType: ArmType;
  policy: PolicyId;
  /** Fixed ε of ε-greedy. */
  epsilon: number;
  /** σ of Gaussian arms. */
  noise: number;
}

export const DEFAULT_MEANS = [0.9, 0.7, 0.6, 0.4, 0.2];
export const DEFAULT_BANDIT: BanditConfig = { means: DEFAULT_MEANS, armType: 'bernoulli', policy: 'ucb1', epsilon: 0.1, noise: 1 };

export function validateBandit(config: BanditConfig): void {
  if (config.armType !== 'bernoulli' && config.armType !== 'gaussian') throw new Error(`Unknown arm type "${String(config.armType)}".`);
  validateMeans(config.means, config.armType);
  if (!POLICIES.includes(config.policy)) throw new Error(`Unknown policy "${String(config.policy)}".`);
  if (!(config.epsilon >= 0 && config.epsilon <= 1)) throw new Error(`ε must be in [0, 1] (got ${config.epsilon}).`);
  if (!(config.noise > 0 && config.noise <= 10)) throw new Error(`The noise σ must be in (0, 10] (got ${config.noise}).`);
}

export interface BanditView {
  means: number[];
  armType: ArmType;
  policy: PolicyId;
  counts: number[];
  /** μ̂_a (NaN before the first pull of a). */
  estimates: number[];
  /** μ̂_a + √(2 ln T / N(a)) (∞ before the first pull). */
  upper: number[];
  /** Thompson's posterior per arm: Beta(alpha, beta) for Bernoulli arms, N(mean, sd²) for Gaussian ones. */
  posterior: { alpha: number; beta: number; mean: number; sd: number }[];
  lastArm: number | null;
  lastReward: number | null;
  pulls: number;
  regret: number;
}

export type BanditQueries = {
  /** Runs the next batch of the many-run regret experiment (a new experiment restarts it). */
  regretBatch(args: { experiment: RegretExperiment; batchRuns: number }): RegretSummary;
  /** Q-learning on the chain, with plain ε-greedy and with the count-based bonus. */
  chain(args: { length: number; episodes: number; seed: number }): { dither: ChainResult; bonus: ChainResult };
  /** Bench: milliseconds for one UCB1 run of `pulls` pulls on `arms` Bernoulli arms, timed in the worker. */
  timeUcbRun(args: { arms: number; pulls: number }): { ms: number; regret: number };
};

export function createBanditSession(config: BanditConfig, seed: number): Trainer<BanditView, BanditQueries> & { snapshotForView(): BanditView } {
  validateBandit(config);
  const bandit = createBandit(config.means, config.armType, config.noise);
  const arms = config.means.length;
  const agent = createAgent(arms, config.policy, bandit, { epsilon: config.epsilon, noise: config.noise });
  const rng = createRng(seed);
  const best = bestMean(bandit.means);
  const modelId = `bandit/${config.armType}/${arms}`;
  let regret = 0;
  let lastArm: number | null = null;
  let lastReward: number | null = null;
  let experiment: { key: string; aggregator: ReturnType<typeof createRegretAggregator> } | null = null;

  const session: Trainer<BanditView, BanditQueries> & { snapshotForView(): BanditView } = {
    step() {
      const arm = agent.select(rng);
      const reward = pull(bandit, arm, rng);
      agent.update(arm, reward);
      regret += best - bandit.means[arm];
      lastArm = arm;
      lastReward = reward;
      return { metrics: { regret, arm, reward, pulls: agent.total }, watch: ['regret'] };
    },
    async getWeights() {
      return { modelId, tensors: [{ name: 'counts', shape: [arms], values: Float32Array.from(agent.counts) }, { name: 'sums', shape: [arms], values: Float32Array.from(agent.sums) }] };
    },
    setWeights(snapshot) {
      const [counts, sums] = snapshot.tensors;
      if (snapshot.modelId !== modelId || counts?.values.length !== arms || sums?.values.length !== arms) {
        throw new Error(`These statistics are for "${snapshot.modelId}", this bandit is "${modelId}".`);
      }
      agent.load(counts.values, sums.values);
    },
    async checkpoint() {
      const { counter, spareNormal } = rng.getState();
      return {
        modelId,
        tensors: [],
        data: { counts: Float64Array.from(agent.counts), sums: Float64Array.from(agent.sums), regret, lastArm: lastArm ?? -1, lastReward: lastReward ?? 0, rng: { counter, spareNormal } },
      };
    },
    restore(state) {
      if (state.modelId !== modelId) throw new Error(`This checkpoint is for "${state.modelId}", this bandit is "${modelId}".`);
      const { counts, sums, regret: r, lastArm: a, lastReward: w, rng: saved } = state.data;
      if (!(counts instanceof Float64Array) || !(sums instanceof Float64Array) || counts.length !== arms || sums.length !== arms) {
        throw new Error('The checkpoint\'s pull counts are missing or of another length.');
      }
      if (typeof r !== 'number' || typeof a !== 'number' || typeof w !== 'number') throw new Error('The checkpoint\'s regret is damaged.');
      assertRngState(saved, 'checkpoint\'s RNG state');
      agent.load(counts, sums);
      regret = r;
      lastArm = a < 0 ? null : a;
      lastReward = a < 0 ? null : w;
      rng.setState(saved);
    },
    snapshotForView() {
      const counts = Array.from(agent.counts);
      const estimates = counts.map((n, a) => (n > 0 ? agent.sums[a] / n : Number.NaN));
      return {
        means: Array.from(bandit.means),
        armType: bandit.type,
        policy: config.policy,
        counts,
        estimates,
        upper: counts.map((n, a) => (n > 0 ? estimates[a] + ucbBonus(agent.total, n) : Infinity)),
        posterior: counts.map((n, a) => ({
          alpha: 1 + agent.sums[a],
          beta: 1 + n - agent.sums[a],
          mean: agent.sums[a] / (n + 1),
          sd: config.noise / Math.sqrt(n + 1),
        })),
        lastArm,
        lastReward,
        pulls: agent.total,
        regret,
      };
    },
    queries: {
      regretBatch({ experiment: e, batchRuns }) {
        const key = JSON.stringify(e);
        if (!experiment || experiment.key !== key) experiment = { key, aggregator: createRegretAggregator(e) };
        if (!experiment.aggregator.done) experiment.aggregator.runBatch(batchRuns);
        return experiment.aggregator.summary();
      },
      chain({ length, episodes, seed: chainSeed }) {
        return {
          dither: runChain({ length, episodes, seed: chainSeed, method: 'epsilon-greedy', frames: 30 }),
          bonus: runChain({ length, episodes, seed: chainSeed, method: 'count-bonus', frames: 30 }),
        };
      },
      timeUcbRun({ arms: k, pulls }) {
        if (!Number.isInteger(k) || k < 1 || k > 20 || !Number.isInteger(pulls) || pulls < 1 || pulls > 1e8) throw new Error('Bench: 1–20 arms, 1–10⁸ pulls.');
        const means = Array.from({ length: k }, (_, i) => (i + 1) / (k + 1));
        const start = performance.now();
        const run = simulateBandit({ means, policy: 'ucb1', steps: pulls, seed: 1 });
        return { ms: performance.now() - start, regret: run.regret[pulls - 1] };
      },
    },
    dispose() {},
  };
  return session;
}

export const banditSession: TrainerDefinition<BanditConfig, BanditView, BanditQueries> = {
  id: 'bandits',
  validate: validateBandit,
  create: async (config, seed) => createBanditSession(config, seed),
};
