/** The gridworld's manifest: its parameter table (url.ts), the grid presets, the main settings. */
import { formatGrid, parseGrid, PRESETS } from '../../algorithms/gridworld';
import type { DemoManifest } from '../platform/manifest';
import { gridParamTable, type GridParamTable } from './url';

export const gridworldManifest: DemoManifest<GridParamTable> = {
  id: 'gridworld',
  title: 'Gridworld: value iteration, policy iteration, soft value iteration and Q-learning',
  params: gridParamTable,
  // The store applies presets itself (createGridStore's applyPreset); these are the same settings.
  presets: PRESETS.map((p) => ({
    id: p.id,
    label: p.label,
    values: { layout: formatGrid(parseGrid(p.layout)), gamma: p.dynamics.gamma, noise: p.dynamics.noise, living: p.dynamics.livingReward },
  })),
  primary: ['mode', 'gamma', 'noise'],
};
