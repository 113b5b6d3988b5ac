/**
 * Text layouts of gridworlds: rows separated by newlines, cells by whitespace.
 * `.` empty, `#` wall, `S` the start (an empty cell), a number such as `+1`, `-1` or `0.5` a
 * terminal cell whose reward is received on leaving it (see mdp.ts for the conventions).
 */
import { buildMdp, EMPTY, TERMINAL, WALL, type GridMdp } from './mdp';

/** The largest text grid accepted (per side); the large-grid mode builds its mazes directly. */
export const MAX_TEXT_GRID_SIDE = 32;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Builds a tabular MDP from a text layout; malformed text throws an Error naming row and column. */
export function parseGrid(text: string): GridMdp {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length === 0) throw new Error('The grid is empty: write rows of cells such as ". . +1".');
  const rows = lines.map((line) => (line === '' ? [] : line.split(/\s+/)));
  const cols = rows[0].length;
  if (rows.length > MAX_TEXT_GRID_SIDE || cols > MAX_TEXT_GRID_SIDE) {
    throw new Error(`The grid is ${rows.length} x ${cols}; at most ${MAX_TEXT_GRID_SIDE} x ${MAX_TEXT_GRID_SIDE} cells fit here (use the large-grid mode for more).`);
  }
  const n = rows.length * cols;
  const kind = new Uint8Array(n);
  const reward = new Float64Array(n);
  let start = -1;
  rows.forEach((cells, r) => {
    if (cells.length !== cols) {
      throw new Error(`Row ${r + 1} has ${cells.length} cells but row 1 has ${cols}: every row needs the same number of cells.`);
    }
    cells.forEach((token, c) => {
      const s = r * cols + c;
      const where = `Row ${r + 1}, column ${c + 1}`;
      if (token === '.') kind[s] = EMPTY;
      else if (token === '#') kind[s] = WALL;
      else if (token === 'S' || token === 's') {
        if (start >= 0) throw new Error(`${where}: a second start "S"; a grid has one start.`);
        kind[s] = EMPTY;
        start = s;
      } else if (NUMBER.test(token)) {
        const value = Number(token);
        if (!Number.isFinite(value) || Math.abs(value) > 1e6) throw new Error(`${where}: the reward "${token}" is too large (at most 1e6 in size).`);
        kind[s] = TERMINAL;
        reward[s] = value;
      } else {
        throw new Error(`${where}: "${token}" is not a cell; use . (empty), # (wall), S (start) or a number such as +1 (terminal reward).`);
      }
    });
  });
  return buildMdp(rows.length, cols, kind, reward, start);
}

function formatReward(value: number): string {
  const text = String(Number(value.toPrecision(6)));
  return value > 0 ? `+${text}` : text === '-0' ? '0' : text;
}

/** The inverse of parseGrid (one space between cells). */
export function formatGrid(mdp: GridMdp): string {
  const lines: string[] = [];
  for (let r = 0; r < mdp.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < mdp.cols; c++) {
      const s = r * mdp.cols + c;
      if (s === mdp.start) cells.push('S');
      else if (mdp.kind[s] === WALL) cells.push('#');
      else if (mdp.kind[s] === TERMINAL) cells.push(formatReward(mdp.terminalReward[s]));
      else cells.push('.');
    }
    lines.push(cells.join(' '));
  }
  return lines.join('\n');
}

/** What a painted cell becomes. */
export type Brush = { kind: 'empty' } | { kind: 'wall' } | { kind: 'terminal'; reward: number } | { kind: 'start' };

/** A copy of the grid with one cell repainted (painting a start moves the start). */
export function paintCell(mdp: GridMdp, s: number, brush: Brush): GridMdp {
  const kind = mdp.kind.slice();
  const reward = mdp.terminalReward.slice();
  let start = mdp.start;
  if (s === start) start = -1;
  reward[s] = 0;
  switch (brush.kind) {
    case 'empty':
      kind[s] = EMPTY;
      break;
    case 'wall':
      kind[s] = WALL;
      break;
    case 'terminal':
      if (!Number.isFinite(brush.reward)) throw new Error('The terminal reward must be a finite number.');
      kind[s] = TERMINAL;
      reward[s] = brush.reward;
      break;
    case 'start':
      kind[s] = EMPTY;
      start = s;
      break;
  }
  return buildMdp(mdp.rows, mdp.cols, kind, reward, start);
}

export interface Preset {
  id: string;
  label: string;
  layout: string;
  /** Settings the preset is known for (e.g. the textbook's). */
  dynamics: { gamma: number; noise: number; livingReward: number };
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'classic',
    label: 'Classic 4x3 (γ = 1, noise 0.2, living −0.04)',
    layout: '. . . +1\n. # . -1\nS . . .',
    dynamics: { gamma: 1, noise: 0.2, livingReward: -0.04 },
  },
  {
    id: 'bridge',
    label: 'Bridge (narrow path between cliffs)',
    layout: '# -100 -100 -100 -100 -100 #\n+1 S . . . . +10\n# -100 -100 -100 -100 -100 #',
    dynamics: { gamma: 0.9, noise: 0.2, livingReward: 0 },
  },
  {
    id: 'cliff',
    label: 'Cliff (short risky path or long safe one)',
    layout: '. . . . .\n. # . . .\n. # +1 # +10\nS . . . .\n-10 -10 -10 -10 -10',
    dynamics: { gamma: 0.9, noise: 0.2, livingReward: 0 },
  },
  {
    id: 'risky',
    label: 'Risky cliff walk (slips: soft backups disagree)',
    layout: '. . . . . .\n. . . . . .\nS -10 -10 -10 -10 +10',
    dynamics: { gamma: 0.9, noise: 0.2, livingReward: 0 },
  },
  {
    id: 'maze',
    label: 'Maze',
    layout: [
      'S . . # . . . . .',
      '# # . # . # # # .',
      '. . . . . # . . .',
      '. # # # . # . # #',
      '. # . . . . . # .',
      '. # . # # # . # .',
      '. . . # -1 . . . +1',
    ].join('\n'),
    dynamics: { gamma: 0.95, noise: 0.1, livingReward: 0 },
  },
];
