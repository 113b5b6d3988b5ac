/**
 * Large grids for the large-grid mode and the bench, built straight into typed arrays.
 * A maze is carved by a randomised depth-first search on the odd coordinates, then "braided"
 * (a few extra walls knocked out) so there are loops and the values are worth looking at.
 */
import { createRng } from '../common/rng';
import { buildMdp, EMPTY, TERMINAL, WALL, type GridMdp } from './mdp';

export const MAX_LARGE_SIDE = 1024;

function checkSide(side: number) {
  if (!Number.isInteger(side) || side < 3 || side > MAX_LARGE_SIDE) {
    throw new Error(`The large grid's side must be an integer from 3 to ${MAX_LARGE_SIDE} (got ${side}).`);
  }
}

/** A side x side grid with no walls, the start top-left and a +1 terminal bottom-right. */
export function openGrid(side: number): GridMdp {
  checkSide(side);
  const n = side * side;
  const kind = new Uint8Array(n);
  const reward = new Float64Array(n);
  kind[n - 1] = TERMINAL;
  reward[n - 1] = 1;
  return buildMdp(side, side, kind, reward, 0);
}

/** A random braided maze, start at (1, 1), +1 at the far corner and a few −1 pits. */
export function randomMaze(side: number, seed: number, braid = 0.08): GridMdp {
  checkSide(side);
  const rng = createRng(seed);
  const n = side * side;
  const kind = new Uint8Array(n).fill(WALL);
  const reward = new Float64Array(n);
  const cellsPerSide = Math.floor((side - 1) / 2); // maze cells at odd coordinates 1, 3, …
  const at = (i: number, j: number) => (2 * i + 1) * side + (2 * j + 1);
  const visited = new Uint8Array(cellsPerSide * cellsPerSide);
  const stack = new Int32Array(cellsPerSide * cellsPerSide);
  let top = 0;
  stack[top++] = 0;
  visited[0] = 1;
  kind[at(0, 0)] = EMPTY;
  const options = new Int32Array(4);
  while (top > 0) {
    const cell = stack[top - 1];
    const i = Math.floor(cell / cellsPerSide);
    const j = cell % cellsPerSide;
    let count = 0;
    if (i > 0 && !visited[cell - cellsPerSide]) options[count++] = cell - cellsPerSide;
    if (j < cellsPerSide - 1 && !visited[cell + 1]) options[count++] = cell + 1;
    if (i < cellsPerSide - 1 && !visited[cell + cellsPerSide]) options[count++] = cell + cellsPerSide;
    if (j > 0 && !visited[cell - 1]) options[count++] = cell - 1;
    if (count === 0) { top--; continue; }
    const chosen = options[rng.int(count)];
    const ci = Math.floor(chosen / cellsPerSide);
    const cj = chosen % cellsPerSide;
    kind[at(ci, cj)] = EMPTY;
    kind[(i + ci + 1) * side + (j + cj + 1)] = EMPTY; // the wall between the two cells
    visited[chosen] = 1;
    stack[top++] = chosen;
  }
  // Braid: open some walls that sit between two open cells.
  for (let r = 1; r < side - 1; r++) {
    for (let c = 1; c < side - 1; c++) {
      const s = r * side + c;
      if (kind[s] !== WALL || rng.next() >= braid) continue;
      const horizontal = kind[s - 1] === EMPTY && kind[s + 1] === EMPTY;
      const vertical = kind[s - side] === EMPTY && kind[s + side] === EMPTY;
      if (horizontal !== vertical) kind[s] = EMPTY;
    }
  }
  const goal = at(cellsPerSide - 1, cellsPerSide - 1);
  kind[goal] = TERMINAL;
  reward[goal] = 1;
  const pits = Math.max(1, Math.floor(side / 16));
  for (let k = 0; k < pits; k++) {
    const s = at(rng.int(cellsPerSide), rng.int(cellsPerSide));
    if (s !== goal && s !== at(0, 0)) { kind[s] = TERMINAL; reward[s] = -1; }
  }
  return buildMdp(side, side, kind, reward, at(0, 0));
}
