/**
 * A gridworld as a tabular MDP, stored as flat typed arrays so one Bellman sweep is a tight loop.
 *
 * Conventions (Berkeley CS188 / AIMA style):
 * - Cells are indexed row-major, `s = row * cols + col`, row 0 at the top.
 * - Actions 0..3 are N, E, S, W. With probability 1 − noise the intended move happens, with
 *   probability noise / 2 each the move slips to one of the two perpendicular directions.
 * - A move into a wall or off the grid leaves the agent where it is.
 * - A terminal cell has a single "exit" action: it pays the cell's reward and moves to an absorbing
 *   end state (index `rows * cols`, value 0). So V(terminal) = its reward, for any γ.
 * - Every step from a non-terminal cell pays the living reward, whatever the outcome:
 *   Q(s, a) = r_living + γ Σ_{s'} P(s' | s, a) V(s').
 * - Value arrays have length `rows * cols + 1`: the last entry is the end state and stays 0.
 *   Walls are not states; their entries stay 0 and their policy is −1.
 */

export const ACTIONS = ['N', 'E', 'S', 'W'] as const;
export type ActionName = (typeof ACTIONS)[number];
export const ACTION_COUNT = 4;
/** Row and column offsets of the four moves. */
export const ACTION_DELTAS: readonly (readonly [number, number])[] = [[-1, 0], [0, 1], [1, 0], [0, -1]];

export const EMPTY = 0;
export const WALL = 1;
export const TERMINAL = 2;
export type CellKind = typeof EMPTY | typeof WALL | typeof TERMINAL;

export interface GridMdp {
  rows: number;
  cols: number;
  /** EMPTY, WALL or TERMINAL per cell. */
  kind: Uint8Array;
  /** Reward paid on leaving a terminal cell (0 for other cells). */
  terminalReward: Float64Array;
  /** Index of the start cell, or −1 when the grid has none. */
  start: number;
  /** Cell reached by the intended move a from s, at `4 * s + a`; the end state for terminals. */
  next: Int32Array;
  /** Indices of the non-wall cells (the states the sweeps visit). */
  active: Int32Array;
  /** Index of the absorbing end state: `rows * cols`. */
  end: number;
  terminalCount: number;
}

/** Dynamics and reward settings shared by every solver. */
export interface Dynamics {
  /** Discount γ in [0, 1]. */
  gamma: number;
  /** Probability of slipping, split evenly between the two perpendicular moves, in [0, 1]. */
  noise: number;
  /** Reward paid on every step from a non-terminal cell. */
  livingReward: number;
}

/** Builds the transition table for a grid; `kind` and `terminalReward` are used as given (not copied). */
export function buildMdp(rows: number, cols: number, kind: Uint8Array, terminalReward: Float64Array, start: number): GridMdp {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new Error(`A grid needs at least one row and one column (got ${rows} x ${cols}).`);
  }
  const n = rows * cols;
  if (kind.length !== n || terminalReward.length !== n) throw new Error(`Cell arrays must have ${n} entries.`);
  const end = n;
  const next = new Int32Array(4 * n);
  let activeCount = 0;
  let terminalCount = 0;
  for (let s = 0; s < n; s++) {
    if (kind[s] !== WALL) activeCount++;
    if (kind[s] === TERMINAL) {
      terminalCount++;
      if (!Number.isFinite(terminalReward[s])) {
        throw new Error(`The terminal reward at row ${Math.floor(s / cols) + 1}, column ${(s % cols) + 1} is not a finite number.`);
      }
    }
  }
  const active = new Int32Array(activeCount);
  let k = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const s = row * cols + col;
      const cell = kind[s];
      if (cell !== WALL) active[k++] = s;
      for (let a = 0; a < 4; a++) {
        if (cell === TERMINAL) {
          next[4 * s + a] = end;
          continue;
        }
        const r = row + ACTION_DELTAS[a][0];
        const c = col + ACTION_DELTAS[a][1];
        const blocked = r < 0 || r >= rows || c < 0 || c >= cols || kind[r * cols + c] === WALL;
        next[4 * s + a] = blocked ? s : r * cols + c;
      }
    }
  }
  if (start >= 0 && (start >= n || kind[start] !== EMPTY)) {
    throw new Error('The start must be an empty cell (not a wall or a terminal).');
  }
  return { rows, cols, kind, terminalReward, start, next, active, end, terminalCount };
}

/** Reward of each state's step: the living reward, or the exit reward for terminals (length n + 1). */
export function stepRewards(mdp: GridMdp, livingReward: number): Float64Array {
  const reward = new Float64Array(mdp.end + 1);
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    reward[s] = mdp.kind[s] === TERMINAL ? mdp.terminalReward[s] : livingReward;
  }
  return reward;
}

export function cellLabel(mdp: Pick<GridMdp, 'cols'>, s: number): string {
  return `row ${Math.floor(s / mdp.cols) + 1}, column ${(s % mdp.cols) + 1}`;
}

/**
 * Moves needed from each cell to the nearest terminal, by breadth-first search backwards over the
 * moves: 0 on terminals, −1 where no terminal can be reached (and on walls).
 */
export function distanceToTerminal(mdp: GridMdp): Int32Array {
  const n = mdp.end;
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (mdp.kind[s] === TERMINAL) {
      distance[s] = 0;
      queue[tail++] = s;
    }
  }
  while (head < tail) {
    const s = queue[head++];
    const row = Math.floor(s / mdp.cols);
    const col = s % mdp.cols;
    // A non-terminal neighbour p reaches s if p's move toward s is not blocked (s is not a wall).
    for (let a = 0; a < 4; a++) {
      const r = row + ACTION_DELTAS[a][0];
      const c = col + ACTION_DELTAS[a][1];
      if (r < 0 || r >= mdp.rows || c < 0 || c >= mdp.cols) continue;
      const p = r * mdp.cols + c;
      if (distance[p] >= 0 || mdp.kind[p] !== EMPTY) continue;
      distance[p] = distance[s] + 1;
      queue[tail++] = p;
    }
  }
  return distance;
}

/**
 * Cells from which some terminal can be reached. With noise < 1 the intended move has positive
 * probability; with noise = 1 the perpendicular moves of the four actions still cover all four
 * directions, so reachability is the same.
 */
export function canReachTerminal(mdp: GridMdp): Uint8Array {
  return Uint8Array.from(distanceToTerminal(mdp), (d) => (d >= 0 ? 1 : 0));
}

function checkFinite(name: string, value: number) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number (got ${String(value)}).`);
  }
}

/**
 * Throws an Error a student can act on when the grid and settings cannot give finite values:
 * non-finite or out-of-range settings, no terminal, a start that cannot reach a terminal, or
 * γ = 1 where some cell can never leave (values would drift forever).
 */
export function validateProblem(mdp: GridMdp, dynamics: Dynamics): void {
  checkFinite('The discount γ', dynamics.gamma);
  checkFinite('The noise', dynamics.noise);
  checkFinite('The living reward', dynamics.livingReward);
  if (dynamics.gamma < 0 || dynamics.gamma > 1) throw new Error(`The discount γ must lie in [0, 1] (got ${dynamics.gamma}).`);
  if (dynamics.noise < 0 || dynamics.noise > 1) throw new Error(`The noise must lie in [0, 1] (got ${dynamics.noise}).`);
  if (mdp.terminalCount === 0) {
    throw new Error(
      dynamics.gamma >= 1
        ? 'The grid has no terminal cell and γ = 1: episodes never end and the values cannot converge. Add a terminal (a number such as +1) or lower γ.'
        : 'The grid has no terminal cell: add one (a number such as +1) so episodes can end.',
    );
  }
  const reach = canReachTerminal(mdp);
  if (mdp.start >= 0 && !reach[mdp.start]) {
    throw new Error(`The start (${cellLabel(mdp, mdp.start)}) cannot reach any terminal cell: walls block every path.`);
  }
  if (dynamics.gamma >= 1) {
    for (let i = 0; i < mdp.active.length; i++) {
      const s = mdp.active[i];
      if (!reach[s]) {
        throw new Error(`With γ = 1 every open cell must reach a terminal, but ${cellLabel(mdp, s)} is walled in: lower γ or open a path.`);
      }
    }
    if (dynamics.livingReward > 0) {
      throw new Error('With γ = 1 and a positive living reward the agent gains forever by never leaving, so the values diverge: lower γ or make the living reward ≤ 0.');
    }
  }
}
