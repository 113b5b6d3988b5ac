/** The random-walk demo's manifest: settings, presets, the settings shown beside the stage. */
import { num, seedParam } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';

export function randomWalkParams() {
  return {
    states: { ...num(5, 3, 99, true), label: 'States in the walk (odd)' },
    alpha: { ...num(0.1, 0.001, 1), label: 'Step size α' },
    initialValue: { ...num(0.5, -1, 2), label: 'Initial estimate V₀' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}

export type RandomWalkParams = ReturnType<typeof randomWalkParams>;

export const randomWalkManifest: DemoManifest<RandomWalkParams> = {
  id: 'random-walk',
  title: 'TD(0) prediction on a random walk',
  params: randomWalkParams,
  presets: [
    { id: 'classic', label: 'Five states, α = 0.1', values: { states: 5, alpha: 0.1, initialValue: 0.5 } },
    { id: 'small-steps', label: 'Five states, α = 0.02 (slower, less noisy)', values: { states: 5, alpha: 0.02, initialValue: 0.5 } },
    { id: 'long', label: 'Nineteen states, α = 0.1', values: { states: 19, alpha: 0.1, initialValue: 0.5 } },
  ],
  primary: ['alpha', 'states'],
};
