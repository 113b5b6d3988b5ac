/**
 * Connect Four (7 columns x 6 rows) behind the Game interface; a move is a column 0..6.
 * State: [0..41] cells row-major from the top (0 empty, 1 x, 2 o), [42..48] pieces in each
 * column, [49] pieces on the board, [50] outcome for x (-1 ongoing, 1 x won, 0 o won, 0.5 draw).
 */
import { parseRows, type Game, type GameState } from './game';

const COLS = 7;
const ROWS = 6;
const CELLS = COLS * ROWS;
const HEIGHT = 42;
const COUNT = 49;
const OUTCOME = 50;
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];

/** Length of the run of `piece` through (row, col) along (dr, dc), both ways. */
function runThrough(state: GameState, row: number, col: number, dr: number, dc: number, piece: number): number {
  let n = 1;
  for (let r = row + dr, c = col + dc; r >= 0 && r < ROWS && c >= 0 && c < COLS && state[r * COLS + c] === piece; r += dr, c += dc) n++;
  for (let r = row - dr, c = col - dc; r >= 0 && r < ROWS && c >= 0 && c < COLS && state[r * COLS + c] === piece; r -= dr, c -= dc) n++;
  return n;
}

function fourThrough(state: GameState, row: number, col: number, piece: number): boolean {
  for (const [dr, dc] of DIRECTIONS) if (runThrough(state, row, col, dr, dc, piece) >= 4) return true;
  return false;
}

function hasFour(state: GameState, piece: number): boolean {
  for (let i = 0; i < CELLS; i++) if (state[i] === piece && fourThrough(state, Math.floor(i / COLS), i % COLS, piece)) return true;
  return false;
}

export const connectFour: Game = {
  id: 'connect4',
  name: 'Connect Four',
  players: 2,
  stateSize: 51,
  maxMoves: 7,
  moveCount: 7,
  toMove: (state) => state[COUNT] & 1,
  legalMoves(state, out) {
    if (state[OUTCOME] >= 0) return 0;
    let n = 0;
    for (let c = 0; c < COLS; c++) if (state[HEIGHT + c] < ROWS) out[n++] = c;
    return n;
  },
  play(state, move) {
    const piece = (state[COUNT] & 1) + 1;
    const row = ROWS - 1 - state[HEIGHT + move];
    state[row * COLS + move] = piece;
    state[HEIGHT + move]++;
    const count = ++state[COUNT];
    if (count >= 7 && fourThrough(state, row, move, piece)) state[OUTCOME] = piece === 1 ? 1 : 0;
    else if (count === CELLS) state[OUTCOME] = 0.5;
  },
  outcome: (state) => state[OUTCOME],
  fromString(text) {
    const rows = parseRows(String(text).toLowerCase(), ROWS, COLS, 'xo.', 'Connect Four');
    const state = new Float64Array(51);
    let xs = 0;
    let os = 0;
    rows.forEach((row, r) => {
      for (let c = 0; c < COLS; c++) {
        const ch = row[c];
        if (ch === '.') continue;
        if (r < ROWS - 1 && rows[r + 1][c] === '.') {
          throw new Error(`The piece in row ${r + 1}, column ${c + 1} floats: pieces fall to the bottom of their column.`);
        }
        state[r * COLS + c] = ch === 'x' ? 1 : 2;
        state[HEIGHT + c]++;
        if (ch === 'x') xs++;
        else os++;
      }
    });
    if (xs !== os && xs !== os + 1) {
      throw new Error(`x moves first, so x has as many pieces as o or one more (got ${xs} x and ${os} o).`);
    }
    state[COUNT] = xs + os;
    const xWon = hasFour(state, 1);
    const oWon = hasFour(state, 2);
    if (xWon && oWon) throw new Error('Both x and o have four in a row: that cannot happen in a game.');
    if (xWon && xs !== os + 1) throw new Error('x has four in a row, so x made the last move and must have one piece more than o.');
    if (oWon && xs !== os) throw new Error('o has four in a row, so o made the last move and must have as many pieces as x.');
    state[OUTCOME] = xWon ? 1 : oWon ? 0 : xs + os === CELLS ? 0.5 : -1;
    return state;
  },
  toString(state) {
    const rows: string[] = [];
    for (let r = 0; r < ROWS; r++) {
      let row = '';
      for (let c = 0; c < COLS; c++) {
        const v = state[r * COLS + c];
        row += v === 1 ? 'x' : v === 2 ? 'o' : '.';
      }
      rows.push(row);
    }
    return rows.join('/');
  },
  moveLabel: (move) => `column ${move + 1}`,
  initial() {
    const state = new Float64Array(51);
    state[OUTCOME] = -1;
    return state;
  },
};
