/** The MaxEnt IRL demo's manifest. */
import { REWARD_PRESETS } from '../../algorithms/irl/presets';
import { choice, num, seedParam } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';

const PRESET_IDS = [...REWARD_PRESETS.map((p) => p.id), 'custom'] as const;

export function irlParams() {
  return {
    preset: { ...choice<string>('lava', PRESET_IDS), label: 'True reward' },
    size: { ...num(8, 4, 16, true), label: 'Grid side' },
    demonstrations: { ...num(50, 0, 2000, true), label: 'Demonstrations' },
    horizon: { ...num(16, 2, 64, true), label: 'Steps per demonstration T' },
    noise: { ...num(0.1, 0, 0.5), label: 'Slip probability' },
    rate: { ...num(0.5, 0.01, 10), label: 'Step size η' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}

export type IrlParams = ReturnType<typeof irlParams>;

export const irlManifest: DemoManifest<IrlParams> = {
  id: 'maxent-irl',
  title: 'Maximum-entropy inverse RL',
  params: irlParams,
  presets: REWARD_PRESETS.map((p) => ({ id: p.id, label: p.label, values: { preset: p.id } })),
  primary: ['preset', 'demonstrations'],
};
