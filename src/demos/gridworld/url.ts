/** The gridworld's URL state: one typed table, namespaced by the slot id (`?vi.gamma=0.95`). */
import { bool, choice, num, seedParam, text, type ParamValues } from '../../components/url/params';
import { DEFAULT_DECAY, parseGrid, PRESETS, SOFT_BACKUPS, type SoftBackup, type StepSchedule } from '../../algorithms/gridworld';

export const MODES = ['vi', 'pi', 'soft', 'q'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = {
  vi: 'Value iteration',
  pi: 'Policy iteration',
  soft: 'Soft value iteration',
  q: 'Q-learning',
};

export const DEFAULT_LAYOUT = PRESETS[0].layout;

function checkLayout(value: string): string | null {
  try {
    parseGrid(value);
    return null;
  } catch (error) {
    return `bad layout (${(error as Error).message})`;
  }
}

export function gridParamTable(variant?: string) {
  return {
    mode: choice<Mode>(variant === 'soft' ? 'soft' : 'vi', MODES),
    layout: text(DEFAULT_LAYOUT, 3000, checkLayout),
    gamma: num(0.9, 0, 1),
    noise: num(0.2, 0, 1),
    living: num(0, -2, 2),
    alpha: num(0.1, 0.001, 10),
    inPlace: bool(false),
    showQ: bool(false),
    softBackup: choice<SoftBackup>('variational', SOFT_BACKUPS),
    schedule: choice<StepSchedule>('decaying', ['decaying', 'constant']),
    decay: num(DEFAULT_DECAY, 0.55, 1),
    lr: num(0.5, 0.01, 1),
    exploration: choice<'epsilon' | 'boltzmann'>('epsilon', ['epsilon', 'boltzmann']),
    // Q-learning is off-policy: a mostly random walker covers every reachable pair, so Q → Q*.
    epsilon: num(0.8, 0, 1),
    tau: num(0.2, 0.01, 10),
    seed: seedParam(1),
  };
}

export type GridParamTable = ReturnType<typeof gridParamTable>;
export type GridParams = ParamValues<GridParamTable>;
