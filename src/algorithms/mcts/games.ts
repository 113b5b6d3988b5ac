/** The problems the demo offers, by id. */
import { connectFour } from './connectFour';
import type { Game } from './game';
import { maze } from './maze';
import { ticTacToe } from './ticTacToe';

export type GameId = 'tictactoe' | 'connect4' | 'maze';
export const GAMES: Record<GameId, Game> = { tictactoe: ticTacToe, connect4: connectFour, maze };

export function gameById(id: string): Game {
  const game = (GAMES as Record<string, Game | undefined>)[id];
  if (!game) throw new Error(`Unknown problem "${id}": choose tictactoe, connect4 or maze.`);
  return game;
}
