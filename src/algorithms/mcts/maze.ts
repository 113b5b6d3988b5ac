/**
 * A single-agent planning problem in the lecture's setting: a small deterministic MDP with rewards.
 * An agent walks a maze (moves 0 up, 1 right, 2 down, 3 left; walking into a wall is not a move),
 * picking up coins (+1 each) on the way to the exit (+2, ends the episode); the episode also ends
 * after `horizon` steps. The return is discounted, G = Σ_t γ^t r_t, and the search sees it
 * normalised to [0, 1] as G / (coins + 2), the largest return any episode could collect.
 *
 * Positions are written like the games': rows top to bottom separated by '/', with '#' wall,
 * '.' floor, 'a' the agent, 'c' a coin still lying there, 'e' the exit. Positions always start a
 * fresh episode from the agent's square (step 0, nothing collected yet).
 * State: [0] agent cell, [1] steps taken, [2] discounted return so far, [3] outcome (-1 while
 * running), [4 + k] 1 while coin k is still there.
 */
import type { Game, GameState } from './game';

const AGENT = 0;
const STEPS = 1;
const RETURN = 2;
const OUTCOME = 3;
const COINS = 4;

export interface MazeOptions {
  horizon: number;
  gamma: number;
}

export const DEFAULT_MAZE_LAYOUT = '#########/#a..#..c#/#.#.#.#.#/#c#...#.#/#.###.#e#/#.......#/#########';

export function createMaze(layout: string = DEFAULT_MAZE_LAYOUT, options: MazeOptions = { horizon: 24, gamma: 0.95 }): Game & { layout: string; coinCells: number[]; width: number; height: number; horizon: number; gamma: number } {
  const rows = layout.trim().split('/');
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  if (height < 3 || width < 3 || rows.some((r) => r.length !== width)) throw new Error('A maze layout has rows of equal length separated by "/".');
  const walls: boolean[] = [];
  const coinCells: number[] = [];
  let start = -1;
  let exit = -1;
  rows.join('').split('').forEach((ch, i) => {
    walls.push(ch === '#');
    if (ch === 'c') coinCells.push(i);
    if (ch === 'a') start = i;
    if (ch === 'e') exit = i;
  });
  if (start < 0 || exit < 0) throw new Error('A maze layout needs an agent "a" and an exit "e".');
  const coinIndex = new Map(coinCells.map((cell, k) => [cell, k]));
  const { horizon, gamma } = options;
  const scale = coinCells.length + 2;
  const cellCount = width * height;
  /** neighbour[cell * 4 + move]: the cell the move leads to, -1 for a wall. */
  const neighbour = new Int32Array(cellCount * 4).fill(-1);
  for (let cell = 0; cell < cellCount; cell++) {
    if (walls[cell]) continue;
    const r = Math.floor(cell / width);
    const c = cell % width;
    const targets = [[r - 1, c], [r, c + 1], [r + 1, c], [r, c - 1]];
    targets.forEach(([tr, tc], move) => {
      if (tr >= 0 && tr < height && tc >= 0 && tc < width && !walls[tr * width + tc]) neighbour[cell * 4 + move] = tr * width + tc;
    });
  }
  const stateSize = COINS + coinCells.length;
  const fresh = (agent: number, coinsLeft: boolean[]): GameState => {
    const state = new Float64Array(stateSize);
    state[AGENT] = agent;
    state[OUTCOME] = -1;
    coinsLeft.forEach((left, k) => { state[COINS + k] = left ? 1 : 0; });
    return state;
  };
  return {
    id: 'maze',
    name: 'Maze with coins',
    players: 1,
    stateSize,
    maxMoves: 4,
    moveCount: 4,
    layout: rows.join('/'),
    coinCells,
    width,
    height,
    horizon,
    gamma,
    toMove: () => 0,
    legalMoves(state, out) {
      if (state[OUTCOME] >= 0) return 0;
      const base = state[AGENT] * 4;
      let n = 0;
      for (let m = 0; m < 4; m++) if (neighbour[base + m] >= 0) out[n++] = m;
      return n;
    },
    play(state, move) {
      const to = neighbour[state[AGENT] * 4 + move];
      const discount = gamma ** state[STEPS];
      state[AGENT] = to;
      state[STEPS]++;
      const k = coinIndex.get(to);
      if (k !== undefined && state[COINS + k] === 1) {
        state[COINS + k] = 0;
        state[RETURN] += discount;
      }
      if (to === exit) {
        state[RETURN] += 2 * discount;
        state[OUTCOME] = state[RETURN] / scale;
      } else if (state[STEPS] >= horizon) {
        state[OUTCOME] = state[RETURN] / scale;
      }
    },
    outcome: (state) => state[OUTCOME],
    fromString(text) {
      const given = String(text).trim().split('/');
      if (given.length !== height) throw new Error(`This maze has ${height} rows separated by "/" (got ${given.length}).`);
      let agent = -1;
      const coinsLeft = coinCells.map(() => false);
      given.forEach((row, r) => {
        if (row.length !== width) throw new Error(`Row ${r + 1} of the maze must have ${width} characters (got ${row.length}).`);
        for (let c = 0; c < width; c++) {
          const ch = row[c];
          const cell = r * width + c;
          if (!'#.ace'.includes(ch)) throw new Error(`Row ${r + 1} of the maze has "${ch}"; use "#", ".", "a", "c" or "e".`);
          if ((ch === '#') !== walls[cell]) throw new Error(`Row ${r + 1}, column ${c + 1}: the walls must stay where the maze has them.`);
          if ((ch === 'e') !== (cell === exit)) throw new Error(`Row ${r + 1}, column ${c + 1}: the exit must stay where the maze has it.`);
          if (ch === 'c') {
            const k = coinIndex.get(cell);
            if (k === undefined) throw new Error(`Row ${r + 1}, column ${c + 1}: coins can only lie where the maze has them.`);
            coinsLeft[k] = true;
          }
          if (ch === 'a') {
            if (agent >= 0) throw new Error('The maze has more than one agent "a".');
            agent = cell;
          }
        }
      });
      if (agent < 0) throw new Error('The maze needs an agent "a" (not on the exit).');
      return fresh(agent, coinsLeft);
    },
    toString(state) {
      const chars = rows.join('').split('').map((ch) => (ch === 'a' || ch === 'c' ? '.' : ch));
      coinCells.forEach((cell, k) => { if (state[COINS + k] === 1) chars[cell] = 'c'; });
      if (state[AGENT] !== exit) chars[state[AGENT]] = 'a';
      const out: string[] = [];
      for (let r = 0; r < height; r++) out.push(chars.slice(r * width, (r + 1) * width).join(''));
      return out.join('/');
    },
    moveLabel: (move) => ['up', 'right', 'down', 'left'][move] ?? `move ${move}`,
    initial: () => fresh(start, coinCells.map(() => true)),
  };
}

export type Maze = ReturnType<typeof createMaze>;
export const maze: Maze = createMaze();
/** Where the agent stands in a maze state. */
export const mazeAgent = (state: GameState): number => state[AGENT];
