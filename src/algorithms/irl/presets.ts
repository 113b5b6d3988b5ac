/**
 * True rewards for the IRL demo, one number per cell paid on each step spent there. Each is a
 * function of the grid size so the same preset works on 8 × 8 and on 16 × 16.
 */
export interface RewardPreset {
  id: string;
  label: string;
  reward(rows: number, cols: number): Float64Array;
}

const fill = (rows: number, cols: number, f: (r: number, c: number) => number) =>
  Float64Array.from({ length: rows * cols }, (_, s) => f(Math.floor(s / cols), s % cols));

export const REWARD_PRESETS: readonly RewardPreset[] = [
  {
    id: 'corner',
    label: 'One goal in a corner',
    reward: (rows, cols) => fill(rows, cols, (r, c) => (r === rows - 1 && c === cols - 1 ? 1 : -0.1)),
  },
  {
    id: 'two-goals',
    label: 'A large and a small goal',
    reward: (rows, cols) => fill(rows, cols, (r, c) => (r === 0 && c === cols - 1 ? 1 : r === rows - 1 && c === 0 ? 0.5 : -0.1)),
  },
  {
    id: 'lava',
    label: 'Goal behind a lava strip',
    reward: (rows, cols) => {
      const lavaRow = Math.floor(rows / 2);
      return fill(rows, cols, (r, c) => (r === rows - 1 && c === Math.floor(cols / 2) ? 1 : r === lavaRow && c > 0 && c < cols - 1 ? -1 : -0.1));
    },
  },
  {
    id: 'ring',
    label: 'A ring of good cells',
    reward: (rows, cols) => {
      const cr = (rows - 1) / 2, cc = (cols - 1) / 2, radius = Math.min(rows, cols) / 3;
      return fill(rows, cols, (r, c) => (Math.abs(Math.hypot(r - cr, c - cc) - radius) < 0.75 ? 0.5 : -0.2));
    },
  },
];

export function presetReward(id: string, rows: number, cols: number): Float64Array {
  const preset = REWARD_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`There is no reward preset "${id}".`);
  return preset.reward(rows, cols);
}
