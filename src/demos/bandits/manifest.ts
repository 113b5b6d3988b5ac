/** The bandit demo's manifest: settings, presets, the settings shown beside the stage. */
import { POLICIES, MAX_ARMS, type PolicyId } from '../../algorithms/bandits/bandit';
import { bool, choice, num, seedParam, text } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';

/** "0.9, 0.7 0.5" → [0.9, 0.7, 0.5], or a message saying what is wrong. */
export function parseMeans(raw: string): { means: number[] } | { error: string } {
  const parts = raw.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return { error: 'give at least one arm mean (a bandit with zero arms has nothing to pull)' };
  if (parts.length > MAX_ARMS) return { error: `at most ${MAX_ARMS} arms (got ${parts.length})` };
  const means: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { error: `"${part}" is not a number` };
    if (value < 0 || value > 1) return { error: `arm mean ${value} is outside [0, 1]` };
    means.push(value);
  }
  return { means };
}

const checkMeans = (raw: string) => {
  const parsed = parseMeans(raw);
  return 'error' in parsed ? parsed.error : null;
};

export function banditParams() {
  return {
    means: { ...text('0.9, 0.7, 0.6, 0.4, 0.2', 200, checkMeans), label: 'Arm means (comma-separated, each in [0, 1])', hideable: false },
    armType: { ...choice('bernoulli', ['bernoulli', 'gaussian'] as const), label: 'Rewards' },
    policy: { ...choice<PolicyId>('ucb1', POLICIES), label: 'Policy' },
    epsilon: { ...num(0.1, 0, 1), label: 'ε of ε-greedy' },
    noise: { ...num(0.5, 0.05, 10), label: 'σ of Gaussian arms' },
    runs: { ...num(200, 10, 2000, true), label: 'Runs averaged in the regret chart' },
    horizon: { ...num(10000, 100, 100000, true), label: 'Pulls per run' },
    chainLength: { ...num(20, 3, 60, true), label: 'States in the chain' },
    showMeans: { ...bool(false), label: 'Show the true means' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}

export type BanditParams = ReturnType<typeof banditParams>;

export const banditManifest: DemoManifest<BanditParams> = {
  id: 'bandits',
  title: 'Multi-armed bandits',
  params: banditParams,
  presets: [
    { id: 'five', label: 'Five Bernoulli arms', values: { means: '0.9, 0.7, 0.6, 0.4, 0.2', armType: 'bernoulli' } },
    { id: 'close', label: 'Two close arms (0.5 vs 0.45)', values: { means: '0.5, 0.45', armType: 'bernoulli' } },
    { id: 'ten', label: 'Ten arms, one best', values: { means: '0.8, 0.7, 0.7, 0.6, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2', armType: 'bernoulli' } },
    { id: 'gaussian', label: 'Five Gaussian arms (σ = 0.5)', values: { means: '0.9, 0.7, 0.6, 0.4, 0.2', armType: 'gaussian', noise: 0.5 } },
  ],
  primary: ['policy', 'armType'],
};
