/**
 * Regret over many independent runs, and the Lai–Robbins lower bound.
 *
 * Each run r draws its own seed; every policy uses the same run seeds (common random numbers), so
 * the curves differ by the rule, not by luck. The cumulative pseudo-regret of each run is recorded
 * at log-spaced times; the summary per time is the mean over runs, its standard error, and the
 * 10th–90th percentile band of single runs.
 *
 * Lai & Robbins (1985): any consistent policy has, for every suboptimal arm i,
 *   liminf E[N_i(T)] / ln T ≥ 1 / KL(μ_i, μ*),  so  regret(T) ≳ ln T · Σ_{i: Δ_i > 0} Δ_i / KL(μ_i, μ*),
 * with KL(p, q) = p ln(p/q) + (1 − p) ln((1 − p)/(1 − q)) for Bernoulli arms and Δ²/(2σ²) for
 * Gaussian arms of known σ.
 */
import { createRng } from '../common/rng';
import { bestMean, createAgent, createBandit, runAgent, type ArmType, type PolicyId, type PolicyOptions } from './bandit';

export const MAX_STEPS = 100_000;
export const MAX_RUNS = 2000;

/** KL divergence between Bernoulli(p) and Bernoulli(q), with 0 ln 0 = 0 (∞ when q is 0 or 1 and p is not). */
export function bernoulliKl(p: number, q: number): number {
  const term = (a: number, b: number) => (a === 0 ? 0 : b === 0 ? Infinity : a * Math.log(a / b));
  return term(p, q) + term(1 - p, 1 - q);
}

/** Σ_{i: Δ_i > 0} Δ_i / KL(μ_i, μ*): the slope of the bound against ln T. */
export function laiRobbinsConstant(means: readonly number[], type: ArmType = 'bernoulli', noise = 1): number {
  const best = bestMean(means);
  let sum = 0;
  for (const mu of means) {
    const gap = best - mu;
    if (gap <= 0) continue;
    const kl = type === 'bernoulli' ? bernoulliKl(mu, best) : (gap * gap) / (2 * noise * noise);
    if (Number.isFinite(kl) && kl > 0) sum += gap / kl;
  }
  return sum;
}

/** About `count` distinct whole numbers from 1 to `steps`, evenly spaced in log t, always ending at `steps`. */
export function logTimes(steps: number, count = 120): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const t = Math.round(Math.exp((Math.log(steps) * k) / Math.max(1, count - 1)));
    if (t >= 1 && t <= steps && t !== out[out.length - 1]) out.push(t);
  }
  if (out[out.length - 1] !== steps) out.push(steps);
  return Int32Array.from(out);
}

export interface RegretExperiment {
  means: number[];
  type?: ArmType;
  noise?: number;
  policies: PolicyId[];
  runs: number;
  steps: number;
  seed: number;
  options?: PolicyOptions;
}

export interface RegretCurve {
  policy: PolicyId;
  mean: number[];
  stderr: number[];
  p10: number[];
  p90: number[];
}

export interface RegretSummary {
  /** Pull counts t at which the curves are sampled (log-spaced, 1..steps). */
  times: number[];
  curves: RegretCurve[];
  /** Lai–Robbins bound C·ln t at `times` (null when every arm is optimal). */
  laiRobbins: number[] | null;
  runsDone: number;
  runs: number;
  steps: number;
}

export function validateExperiment(e: RegretExperiment): void {
  if (!Number.isInteger(e.steps) || e.steps < 1 || e.steps > MAX_STEPS) {
    throw new Error(`The number of pulls per run must be a whole number from 1 to ${MAX_STEPS.toLocaleString('en')} (got ${e.steps}).`);
  }
  if (!Number.isInteger(e.runs) || e.runs < 1 || e.runs > MAX_RUNS) {
    throw new Error(`The number of runs must be a whole number from 1 to ${MAX_RUNS} (got ${e.runs}).`);
  }
  if (e.policies.length === 0) throw new Error('Choose at least one policy to compare.');
}

/** Percentile q in [0, 1] of the first n entries of a sorted array (linear interpolation). */
function percentile(sorted: Float64Array, n: number, q: number): number {
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Runs the experiment in batches (so a worker can report progress between them). */
export function createRegretAggregator(e: RegretExperiment) {
  validateExperiment(e);
  const bandit = createBandit(e.means, e.type ?? 'bernoulli', e.noise ?? 1);
  const times = logTimes(e.steps);
  const master = createRng(e.seed);
  const runSeeds = Uint32Array.from({ length: e.runs }, () => master.fork());
  const agents = e.policies.map((p) => createAgent(bandit.means.length, p, bandit, e.options));
  /** recorded[p][r * times.length + k]: regret of run r of policy p at times[k]. */
  const recorded = e.policies.map(() => new Float64Array(e.runs * times.length));
  const scratch = new Float64Array(e.steps);
  let runsDone = 0;

  return {
    get runsDone() {
      return runsDone;
    },
    get done() {
      return runsDone >= e.runs;
    },
    /** Runs up to `count` more runs of every policy; returns how many were run. */
    runBatch(count: number): number {
      const end = Math.min(e.runs, runsDone + Math.max(1, Math.floor(count)));
      const from = runsDone;
      for (let r = from; r < end; r++) {
        agents.forEach((agent, p) => {
          runAgent(bandit, agent, e.steps, createRng(runSeeds[r]), scratch);
          const row = recorded[p];
          for (let k = 0; k < times.length; k++) row[r * times.length + k] = scratch[times[k] - 1];
        });
      }
      runsDone = end;
      return end - from;
    },
    summary(): RegretSummary {
      const n = runsDone;
      const column = new Float64Array(Math.max(1, n));
      const curves = e.policies.map((policy, p): RegretCurve => {
        const mean: number[] = [], stderr: number[] = [], p10: number[] = [], p90: number[] = [];
        for (let k = 0; k < times.length; k++) {
          let sum = 0, sumSq = 0;
          for (let r = 0; r < n; r++) {
            const v = recorded[p][r * times.length + k];
            column[r] = v;
            sum += v;
            sumSq += v * v;
          }
          const m = n ? sum / n : 0;
          mean.push(m);
          stderr.push(n > 1 ? Math.sqrt(Math.max(0, sumSq / n - m * m) / (n - 1)) : 0);
          const sorted = column.subarray(0, n).sort();
          p10.push(n ? percentile(sorted, n, 0.1) : 0);
          p90.push(n ? percentile(sorted, n, 0.9) : 0);
        }
        return { policy, mean, stderr, p10, p90 };
      });
      const c = laiRobbinsConstant(e.means, e.type ?? 'bernoulli', e.noise ?? 1);
      return {
        times: Array.from(times),
        curves,
        laiRobbins: c > 0 ? Array.from(times, (t) => c * Math.log(t)) : null,
        runsDone: n,
        runs: e.runs,
        steps: e.steps,
      };
    },
  };
}

/** The whole experiment at once (tests, bench). */
export function regretExperiment(e: RegretExperiment): RegretSummary {
  const aggregator = createRegretAggregator(e);
  aggregator.runBatch(e.runs);
  return aggregator.summary();
}
