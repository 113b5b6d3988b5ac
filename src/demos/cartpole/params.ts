/** The cart-pole demo's settings in the URL (`?pg.lr=0.02&pg.baseline=value`), one typed table. */
import { bool, choice, num, seedParam, type ParamValues } from '../../components/url/params';
import { ADVANTAGE_KINDS, ALGORITHMS, BASELINES, DEFAULT_CONFIG, RANGES, RETURN_KINDS, type CartpoleConfig } from '../../algorithms/cartpole/config';

const range = (key: keyof typeof RANGES, value: number) => {
  const r: { min: number; max: number; integer?: boolean } = RANGES[key];
  return num(value, r.min, r.max, r.integer ?? false);
};

/** Defaults follow the lecture's variant: 'actor-critic' starts with the critic on. */
export function cartpoleParamTable(variant?: string) {
  const d = DEFAULT_CONFIG;
  return {
    algorithm: choice(variant === 'actor-critic' ? 'actor-critic' : 'reinforce', ALGORITHMS),
    returnKind: choice(d.returnKind, RETURN_KINDS),
    baseline: choice(d.baseline, BASELINES),
    gamma: range('gamma', d.gamma),
    normalize: bool(d.normalize),
    advantage: choice(d.advantage, ADVANTAGE_KINDS),
    lambda: range('lambda', d.lambda),
    nSteps: range('nSteps', d.nSteps),
    episodesPerBatch: range('episodesPerBatch', d.episodesPerBatch),
    envs: range('envs', d.envs),
    rolloutSteps: range('rolloutSteps', d.rolloutSteps),
    learningRate: range('learningRate', d.learningRate),
    valueLearningRate: range('valueLearningRate', d.valueLearningRate),
    valueSteps: range('valueSteps', d.valueSteps),
    hidden1: range('hidden1', d.hidden1),
    hidden2: range('hidden2', d.hidden2),
    seed: seedParam(1),
  };
}

export type CartpoleParams = ParamValues<ReturnType<typeof cartpoleParamTable>>;

export function configOf(params: CartpoleParams): CartpoleConfig {
  const { seed: _seed, ...config } = params;
  return config;
}
