/**
 * The interface every MCTS problem implements: two-player games (tic-tac-toe, Connect Four) and a
 * single-agent planning problem (a maze with coins). States are small Float64Arrays that the search
 * copies and mutates in place, so the hot loop allocates nothing.
 *
 * Values: `outcome(state)` is the result of a finished game for player 0, in [0, 1] (win 1, draw
 * 0.5, loss 0). A single-agent problem has one player (0) and its outcome is its normalised return.
 */
export type GameState = Float64Array;

export interface Game {
  /** Stable id: 'tictactoe', 'connect4', 'maze'. */
  readonly id: string;
  readonly name: string;
  /** 1 for a single-agent planning problem, 2 for a two-player game. */
  readonly players: 1 | 2;
  /** Length of a state array. */
  readonly stateSize: number;
  /** Most legal moves any state can have (the size of a move buffer). */
  readonly maxMoves: number;
  /** Number of distinct move ids (moves are 0..moveCount-1). */
  readonly moveCount: number;
  /** The player to move, 0 or 1 (always 0 when players is 1). */
  toMove(state: GameState): number;
  /** Writes the legal moves into `out` and returns how many there are (0 when the game is over). */
  legalMoves(state: GameState, out: Int32Array): number;
  /** Plays a legal move, in place. */
  play(state: GameState, move: number): void;
  /** -1 while the game goes on; else the result for player 0 in [0, 1]. */
  outcome(state: GameState): number;
  /** Reads a position; throws an Error a student can act on when the text is malformed. */
  fromString(text: string): GameState;
  /** Writes a position in the form fromString reads. */
  toString(state: GameState): string;
  /** A short name for a move, e.g. "column 3" or "b2". */
  moveLabel(move: number): string;
  /** The position a new game starts from. */
  initial(): GameState;
}

/** True when `move` is legal in `state`. */
export function isLegal(game: Game, state: GameState, move: number): boolean {
  const moves = new Int32Array(game.maxMoves);
  const count = game.legalMoves(state, moves);
  for (let i = 0; i < count; i++) if (moves[i] === move) return true;
  return false;
}

/** A copy of `state` with `move` played; throws a readable Error when the move is not legal. */
export function afterMove(game: Game, state: GameState, move: number): GameState {
  if (game.outcome(state) >= 0) throw new Error('The game is over: no more moves can be played.');
  if (!isLegal(game, state, move)) throw new Error(`${game.moveLabel(move)} is not a legal move here.`);
  const next = state.slice();
  game.play(next, move);
  return next;
}

/** Splits a position string into rows, checking shape and alphabet; shared by the games. */
export function parseRows(text: string, rows: number, cols: number, alphabet: string, what: string): string[] {
  if (typeof text !== 'string') throw new Error(`A ${what} position must be text.`);
  const parts = text.trim().split('/').map((r) => r.trim());
  if (parts.length !== rows) {
    throw new Error(`A ${what} position has ${rows} rows separated by "/" (got ${parts.length}).`);
  }
  parts.forEach((row, i) => {
    if (row.length !== cols) throw new Error(`Row ${i + 1} of the ${what} position must have ${cols} characters (got ${row.length}: "${row}").`);
    for (const ch of row) {
      if (!alphabet.includes(ch)) throw new Error(`Row ${i + 1} of the ${what} position has "${ch}"; use only ${[...alphabet].map((c) => `"${c}"`).join(', ')}.`);
    }
  });
  return parts;
}
