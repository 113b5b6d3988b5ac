/** The cart-pole demo's manifest: its parameter table, its presets and its main settings. */
import type { DemoManifest, DemoPreset } from '../platform/manifest';
import { cartpoleParamTable, type CartpoleParams } from './params';

export type CartpoleTable = ReturnType<typeof cartpoleParamTable>;

/**
 * Four settings that tell the lecture's story: no baseline (high variance), the batch mean, a
 * learned V(s), and actor-critic with GAE. Each lists every setting it depends on.
 */
export const CARTPOLE_PRESETS: readonly DemoPreset<CartpoleTable>[] = [
  {
    id: 'reinforce-plain',
    label: 'REINFORCE, whole return, no baseline',
    values: { algorithm: 'reinforce', returnKind: 'trajectory', baseline: 'none', normalize: false },
  },
  {
    id: 'reinforce-mean',
    label: 'REINFORCE, reward-to-go, batch-mean baseline',
    values: { algorithm: 'reinforce', returnKind: 'reward-to-go', baseline: 'mean', normalize: true },
  },
  {
    id: 'reinforce-value',
    label: 'REINFORCE, reward-to-go, learned baseline V(s)',
    values: { algorithm: 'reinforce', returnKind: 'reward-to-go', baseline: 'value', normalize: true },
  },
  {
    id: 'actor-critic-gae',
    label: 'Actor-critic, GAE(λ = 0.95)',
    values: { algorithm: 'actor-critic', advantage: 'gae', lambda: 0.95, normalize: true },
  },
];

export const cartpoleManifest: DemoManifest<CartpoleTable> = {
  id: 'cartpole',
  title: 'Cart-pole: REINFORCE and actor-critic',
  params: cartpoleParamTable,
  presets: CARTPOLE_PRESETS,
  // 'baseline' is shown as the advantage estimator when the algorithm is actor-critic.
  primary: ['algorithm', 'baseline', 'learningRate'],
};

/** The preset whose every value the settings match, or null ("custom"). */
export function matchingPreset(params: CartpoleParams): DemoPreset<CartpoleTable> | null {
  return CARTPOLE_PRESETS.find((p) => Object.entries(p.values).every(([k, v]) => params[k as keyof CartpoleParams] === v)) ?? null;
}

/** The settings with a preset applied; everything the preset does not name stays. */
export function withPreset(params: CartpoleParams, preset: DemoPreset<CartpoleTable>): CartpoleParams {
  return { ...params, ...preset.values };
}
