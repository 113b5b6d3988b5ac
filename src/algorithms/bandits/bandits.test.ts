import { describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import {
  bernoulliKl, betaDensity, betaPosterior, createAgent, createBandit, createRegretAggregator, laiRobbinsConstant, logGamma,
  logTimes, regretExperiment, runChain, sampleBeta, simulateBandit, ucbBonus, validateMeans,
} from '.';

describe('UCB1', () => {
  it('has the lecture\'s bonus √(2 ln T / N): the worked example after T = 10 pulls', () => {
    // by hand: 2 ln 10 = 4.605170; /8 = 0.575646 → 0.758713; /2 = 2.302585 → 1.517427
    expect(ucbBonus(10, 8)).toBeCloseTo(0.758713, 5);
    expect(ucbBonus(10, 2)).toBeCloseTo(1.517427, 5);
    expect(ucbBonus(10, 0)).toBe(Infinity);
    // A: 8 pulls, mean 0.625 (score ≈ 1.38); B: 2 pulls, mean 0.5 (score ≈ 2.02) → UCB1 pulls B, greedy A
    const bandit = createBandit([0.5, 0.5]);
    for (const [policy, expected] of [['ucb1', 1], ['greedy', 0]] as const) {
      const agent = createAgent(2, policy, bandit);
      [1, 1, 1, 1, 1, 0, 0, 0].forEach((r) => agent.update(0, r));
      [1, 0].forEach((r) => agent.update(1, r));
      expect(agent.total).toBe(10);
      expect(agent.select(createRng(1))).toBe(expected);
    }
  });

  it('tries every arm once before using the bonus', () => {
    const bandit = createBandit([0.1, 0.2, 0.3, 0.4]);
    const agent = createAgent(4, 'ucb1', bandit);
    const rng = createRng(3);
    const first = Array.from({ length: 4 }, () => {
      const a = agent.select(rng);
      agent.update(a, 0);
      return a;
    });
    expect([...first].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('Thompson sampling', () => {
  it('updates the Beta posterior exactly: Beta(1 + successes, 1 + failures)', () => {
    const agent = createAgent(2, 'thompson', createBandit([0.5, 0.5]));
    expect(betaPosterior(agent, 0)).toEqual({ alpha: 1, beta: 1 });
    [1, 0, 1, 1].forEach((r) => agent.update(0, r));
    agent.update(1, 0);
    expect(betaPosterior(agent, 0)).toEqual({ alpha: 4, beta: 2 });
    expect(betaPosterior(agent, 1)).toEqual({ alpha: 1, beta: 2 });
  });

  it('draws Beta(a, b) with the right mean and variance, and its density integrates to 1', () => {
    const rng = createRng(7);
    for (const [a, b] of [[4, 2], [0.5, 0.5], [30, 70]]) {
      const n = 40000;
      let sum = 0, sumSq = 0;
      for (let i = 0; i < n; i++) {
        const x = sampleBeta(rng, a, b);
        sum += x;
        sumSq += x * x;
      }
      const mean = a / (a + b);
      const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
      expect(Math.abs(sum / n - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
      expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(variance, 3);
      // midpoint rule on (0, 1)
      const m = 20000;
      let integral = 0;
      for (let i = 0; i < m; i++) integral += betaDensity((i + 0.5) / m, a, b) / m;
      expect(integral).toBeCloseTo(1, a < 1 ? 1 : 4);
    }
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
});

describe('regret', () => {
  it('greedy on a deterministic two-arm bandit (means 0 and 1): E[regret(t)] = 1 − 2^(−t)', () => {
    // Both estimates start at 0, so greedy picks at random until it pulls the paying arm; pulling the
    // other one leaves its estimate at 0 and the tie in place: each pull before that is bad w.p. 1/2.
    const seeds = 6000;
    const t = [1, 2, 3, 10, 50];
    const sums = t.map(() => 0);
    for (let seed = 0; seed < seeds; seed++) {
      const { regret } = simulateBandit({ means: [0, 1], policy: 'greedy', steps: 50, seed });
      t.forEach((k, i) => (sums[i] += regret[k - 1]));
    }
    t.forEach((k, i) => {
      const expected = 1 - 2 ** -k;
      // the bad pulls G have P(G ≥ j) = 2^(−j): Var G = 2 uncapped, an upper bound for the capped count
      expect(Math.abs(sums[i] / seeds - expected)).toBeLessThan((4 * Math.SQRT2) / Math.sqrt(seeds));
    });
  });

  it('fixed ε-greedy on that bandit pays ε/2 per pull forever: slope εΔ/2', () => {
    const seeds = 300;
    let slope = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const { regret } = simulateBandit({ means: [1, 0], policy: 'epsilon-greedy', epsilon: 0.2, steps: 2000, seed });
      slope += (regret[1999] - regret[999]) / 1000 / seeds;
    }
    // each pull after the first success is random w.p. 0.2 and then bad w.p. 1/2: 0.1 per pull;
    // sd of one run's slope ≈ √(0.1·0.9/1000) ≈ 0.0095, over 300 runs ≈ 0.00055
    expect(slope).toBeGreaterThan(0.1 - 0.003);
    expect(slope).toBeLessThan(0.1 + 0.003);
  });

  it('orders the policies as theory says on a standard bandit, with linear against logarithmic growth', () => {
    const summary = regretExperiment({
      means: [0.9, 0.7, 0.6, 0.4, 0.2], policies: ['epsilon-greedy', 'ucb1', 'thompson'], runs: 200, steps: 10000, seed: 11,
    });
    const at = (p: number, t: number) => summary.curves[p].mean[summary.times.indexOf(t)];
    const [eps, ucb, ts] = [0, 1, 2].map((p) => at(p, 10000));
    expect(eps).toBeGreaterThan(ucb);
    expect(ucb).toBeGreaterThan(ts);
    // linear: doubling T doubles the regret; logarithmic: it adds about C ln 2
    const half = summary.times.reduce((best, t) => (Math.abs(t - 5000) < Math.abs(best - 5000) ? t : best));
    expect(eps / at(0, half)).toBeGreaterThan(1.7 * (10000 / half) / 2);
    expect(ucb / at(1, half)).toBeLessThan(1.25);
    expect(ts / at(2, half)).toBeLessThan(1.25);
    // the bands hold the mean
    summary.curves.forEach((c) => c.p10.forEach((low, k) => expect(low).toBeLessThanOrEqual(c.p90[k])));
  });

  it('gives the same run for the same seed and another for another seed', () => {
    const a = simulateBandit({ means: [0.3, 0.5, 0.7], policy: 'thompson', steps: 500, seed: 42 });
    const b = simulateBandit({ means: [0.3, 0.5, 0.7], policy: 'thompson', steps: 500, seed: 42 });
    const c = simulateBandit({ means: [0.3, 0.5, 0.7], policy: 'thompson', steps: 500, seed: 43 });
    expect(Array.from(a.regret)).toEqual(Array.from(b.regret));
    expect(Array.from(a.regret)).not.toEqual(Array.from(c.regret));
    expect(a.regret.length).toBe(500);
    expect(a.counts.reduce((s, n) => s + n, 0)).toBe(500);
  });

  it('batches of runs give the same summary as one pass', () => {
    const e = { means: [0.2, 0.5], policies: ['ucb1' as const, 'epsilon-decay' as const], runs: 12, steps: 300, seed: 5 };
    const aggregator = createRegretAggregator(e);
    while (!aggregator.done) aggregator.runBatch(5);
    expect(aggregator.summary()).toEqual(regretExperiment(e));
  });

  it('has the Lai–Robbins constant Σ Δ/KL', () => {
    // KL(0.25, 0.5) = 0.25 ln 0.5 + 0.75 ln 1.5 = 0.130812; Δ/KL = 0.25 / 0.130812 = 1.911138
    expect(bernoulliKl(0.25, 0.5)).toBeCloseTo(0.130812, 5);
    expect(laiRobbinsConstant([0.5, 0.25])).toBeCloseTo(1.911138, 4);
    expect(laiRobbinsConstant([0.5, 0.5])).toBe(0);
    // Gaussian arms of σ = 1: Δ / (Δ²/2) = 2/Δ
    expect(laiRobbinsConstant([1, 0.5], 'gaussian', 1)).toBeCloseTo(4, 10);
  });

  it('samples log-spaced times from 1 to T', () => {
    const t = Array.from(logTimes(10000));
    expect(t[0]).toBe(1);
    expect(t[t.length - 1]).toBe(10000);
    t.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(t[i]));
  });

  it('refuses means a bandit cannot have, with a message', () => {
    expect(() => validateMeans([])).toThrow(/at least one arm/);
    expect(() => validateMeans([0.5, 1.2])).toThrow(/outside \[0, 1\]/);
    expect(() => validateMeans([Number.NaN])).toThrow(/not a number/);
    expect(() => validateMeans([-3, 2], 'gaussian')).not.toThrow();
    expect(() => simulateBandit({ means: [0.5], policy: 'ucb1', steps: 0, seed: 1 })).toThrow(/whole number/);
  });
});

describe('deep exploration on a chain', () => {
  it('ε-greedy Q-learning never reaches the far end of a 20-state chain; the count bonus does', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const dither = runChain({ length: 20, episodes: 300, method: 'epsilon-greedy', seed });
      const bonus = runChain({ length: 20, episodes: 300, method: 'count-bonus', seed });
      expect(dither.goals).toBe(0);
      // it stops at the exit: state 0 is visited, the far half almost never
      const last = dither.frames[dither.frames.length - 1];
      expect(last.slice(10).reduce((s, v) => s + v, 0)).toBeLessThan(last[0] / 100);
      expect(bonus.firstGoal).not.toBeNull();
      expect(bonus.goals).toBeGreaterThan(50);
      // and it has learned to walk right from the start
      expect(bonus.greedy[0]).toBe(1);
    }
  });
});

describe('the demo session', () => {
  it('resumes from a checkpoint exactly as if never stopped', async () => {
    const { createBanditSession, DEFAULT_BANDIT } = await import('./session');
    const a = createBanditSession({ ...DEFAULT_BANDIT, policy: 'thompson' }, 9);
    for (let i = 0; i < 50; i++) a.step();
    const saved = await a.checkpoint!();
    const b = createBanditSession({ ...DEFAULT_BANDIT, policy: 'thompson' }, 1234);
    await b.restore!(saved);
    for (let i = 0; i < 50; i++) expect(b.step()).toEqual(a.step());
    expect(b.snapshotForView!()).toEqual(a.snapshotForView!());
    expect(() => createBanditSession({ ...DEFAULT_BANDIT, means: [0.2, 1.5] }, 1)).toThrow(/outside \[0, 1\]/);
  });
});
