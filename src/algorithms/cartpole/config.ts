/** Settings of the cart-pole trainers, their ranges and the defaults that solve CartPole-v1. */

export type Algorithm = 'reinforce' | 'actor-critic';
export type ReturnKind = 'trajectory' | 'reward-to-go';
export type Baseline = 'none' | 'mean' | 'value';
export type AdvantageKind = 'gae' | 'nstep';

export interface CartpoleConfig {
  algorithm: Algorithm;
  /** REINFORCE: weight every log-prob by the whole return, or by the reward-to-go. */
  returnKind: ReturnKind;
  /** REINFORCE: subtract nothing, the batch mean, or a learned V(s_t). */
  baseline: Baseline;
  gamma: number;
  /** Rescale advantages to zero mean, unit standard deviation over the batch. */
  normalize: boolean;
  /** Actor-critic: GAE(λ) or n-step advantages. */
  advantage: AdvantageKind;
  lambda: number;
  nSteps: number;
  /** REINFORCE: complete episodes per iteration (one per environment copy). */
  episodesPerBatch: number;
  /** Actor-critic: environment copies, each rolled `rolloutSteps` steps per iteration. */
  envs: number;
  rolloutSteps: number;
  learningRate: number;
  valueLearningRate: number;
  /** Adam steps on the value network per iteration (minibatches of up to 1024 steps). */
  valueSteps: number;
  hidden1: number;
  /** 0 for a single hidden layer. */
  hidden2: number;
}

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
}

export const RANGES = {
  gamma: { min: 0.8, max: 1 },
  lambda: { min: 0, max: 1 },
  nSteps: { min: 1, max: 500, integer: true },
  episodesPerBatch: { min: 2, max: 200, integer: true },
  envs: { min: 1, max: 64, integer: true },
  rolloutSteps: { min: 8, max: 1000, integer: true },
  learningRate: { min: 1e-5, max: 0.1 },
  valueLearningRate: { min: 1e-5, max: 0.1 },
  valueSteps: { min: 1, max: 100, integer: true },
  hidden1: { min: 2, max: 256, integer: true },
  hidden2: { min: 0, max: 256, integer: true },
} satisfies Partial<Record<keyof CartpoleConfig, Range>>;

export const DEFAULT_CONFIG: CartpoleConfig = {
  algorithm: 'reinforce',
  returnKind: 'reward-to-go',
  baseline: 'mean',
  gamma: 0.99,
  normalize: true,
  advantage: 'gae',
  lambda: 0.95,
  nSteps: 5,
  episodesPerBatch: 16,
  envs: 16,
  rolloutSteps: 256,
  learningRate: 0.02,
  valueLearningRate: 0.01,
  valueSteps: 10,
  hidden1: 32,
  hidden2: 0,
};

export const ALGORITHMS: readonly Algorithm[] = ['reinforce', 'actor-critic'];
export const RETURN_KINDS: readonly ReturnKind[] = ['trajectory', 'reward-to-go'];
export const BASELINES: readonly Baseline[] = ['none', 'mean', 'value'];
export const ADVANTAGE_KINDS: readonly AdvantageKind[] = ['gae', 'nstep'];

/** Throws an Error naming the first bad setting. */
export function validateConfig(config: CartpoleConfig): void {
  const choice = <T>(name: string, value: T, options: readonly T[]) => {
    if (!options.includes(value)) throw new Error(`Setting "${name}" must be one of ${options.join(', ')}; got "${String(value)}".`);
  };
  choice('algorithm', config.algorithm, ALGORITHMS);
  choice('returnKind', config.returnKind, RETURN_KINDS);
  choice('baseline', config.baseline, BASELINES);
  choice('advantage', config.advantage, ADVANTAGE_KINDS);
  if (typeof config.normalize !== 'boolean') throw new Error('Setting "normalize" must be true or false.');
  for (const [name, range] of Object.entries(RANGES) as [keyof typeof RANGES, Range][]) {
    const value = config[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Setting "${name}" must be a number; got "${String(value)}".`);
    if (value < range.min || value > range.max) throw new Error(`Setting "${name}" must be between ${range.min} and ${range.max}; got ${value}.`);
    if (range.integer && !Number.isInteger(value)) throw new Error(`Setting "${name}" must be a whole number; got ${value}.`);
  }
}

/** Layer widths of the policy network: [4, h1, (h2), 2]. */
export function policySizes(config: Pick<CartpoleConfig, 'hidden1' | 'hidden2'>): number[] {
  return config.hidden2 > 0 ? [4, config.hidden1, config.hidden2, 2] : [4, config.hidden1, 2];
}

export function usesValue(config: CartpoleConfig): boolean {
  return config.algorithm === 'actor-critic' || config.baseline === 'value';
}

/** Layer widths of the value network: the policy's hidden layers, one output V(s). */
export function valueSizes(config: Pick<CartpoleConfig, 'hidden1' | 'hidden2'>): number[] {
  return [...policySizes(config).slice(0, -1), 1];
}

/** Identifies the downloadable policy weights, e.g. 'cartpole-policy/4-32-2'. */
export const policyModelId = (sizes: number[]) => `cartpole-policy/${sizes.join('-')}`;
