/**
 * Tic-tac-toe behind the Game interface. Cells 0..8 row-major; a move is the cell index.
 * State: [0..8] cells (0 empty, 1 x, 2 o), [9] pieces on the board, [10] outcome for x
 * (-1 while the game goes on, 1 x won, 0 o won, 0.5 draw). x moves first.
 */
import { parseRows, type Game, type GameState } from './game';

const CELLS = 9;
const COUNT = 9;
const OUTCOME = 10;
const LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
/** For each cell, the lines through it (flattened triples). */
const LINES_THROUGH: number[][] = Array.from({ length: CELLS }, (_, cell) => LINES.filter((l) => l.includes(cell)).flat());

function wins(state: GameState, piece: number): boolean {
  return LINES.some(([a, b, c]) => state[a] === piece && state[b] === piece && state[c] === piece);
}

export const ticTacToe: Game = {
  id: 'tictactoe',
  name: 'Tic-tac-toe',
  players: 2,
  stateSize: 11,
  maxMoves: 9,
  moveCount: 9,
  toMove: (state) => state[COUNT] & 1,
  legalMoves(state, out) {
    if (state[OUTCOME] >= 0) return 0;
    let n = 0;
    for (let i = 0; i < CELLS; i++) if (state[i] === 0) out[n++] = i;
    return n;
  },
  play(state, move) {
    const piece = (state[COUNT] & 1) + 1;
    state[move] = piece;
    const count = ++state[COUNT];
    // Only lines through the new piece can have been completed.
    const lines = LINES_THROUGH[move];
    for (let k = 0; k < lines.length; k += 3) {
      if (state[lines[k]] === piece && state[lines[k + 1]] === piece && state[lines[k + 2]] === piece) {
        state[OUTCOME] = piece === 1 ? 1 : 0;
        return;
      }
    }
    if (count === CELLS) state[OUTCOME] = 0.5;
  },
  outcome: (state) => state[OUTCOME],
  fromString(text) {
    const rows = parseRows(String(text).toLowerCase(), 3, 3, 'xo.', 'tic-tac-toe');
    const state = new Float64Array(11);
    let xs = 0;
    let os = 0;
    rows.join('').split('').forEach((ch, i) => {
      if (ch === 'x') { state[i] = 1; xs++; }
      if (ch === 'o') { state[i] = 2; os++; }
    });
    if (xs !== os && xs !== os + 1) {
      throw new Error(`x moves first, so x has as many pieces as o or one more (got ${xs} x and ${os} o).`);
    }
    state[COUNT] = xs + os;
    const xWon = wins(state, 1);
    const oWon = wins(state, 2);
    if (xWon && oWon) throw new Error('Both x and o have three in a row: that cannot happen in a game.');
    if (xWon && xs !== os + 1) throw new Error('x has three in a row, so x made the last move and must have one piece more than o.');
    if (oWon && xs !== os) throw new Error('o has three in a row, so o made the last move and must have as many pieces as x.');
    state[OUTCOME] = xWon ? 1 : oWon ? 0 : xs + os === CELLS ? 0.5 : -1;
    return state;
  },
  toString(state) {
    const ch = (i: number) => (state[i] === 1 ? 'x' : state[i] === 2 ? 'o' : '.');
    return [0, 3, 6].map((r) => ch(r) + ch(r + 1) + ch(r + 2)).join('/');
  },
  moveLabel: (move) => `${'abc'[move % 3] ?? '?'}${3 - Math.floor(move / 3)} (cell ${move})`,
  initial() {
    const state = new Float64Array(11);
    state[OUTCOME] = -1;
    return state;
  },
};
