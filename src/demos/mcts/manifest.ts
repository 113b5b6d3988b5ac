/**
 * The MCTS demo's manifest: its settings in the link (`?mcts.gameId=connect4&mcts.c=0.7…`), so a
 * shared link opens the same problem, position and search. The store keeps the same names.
 */
import { GAMES, type GameId } from '../../algorithms/mcts';
import { choice, num, seedParam, text } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';
import { MAX_BUDGET, START_POSITIONS } from './store';

const GAME_IDS = Object.keys(GAMES) as GameId[];

/** A position must read as a board of one of the problems (the store checks it against the chosen one). */
function checkPosition(value: string): string | null {
  if (value === '') return null;
  for (const game of Object.values(GAMES)) {
    try {
      game.fromString(value);
      return null;
    } catch {
      // try the next problem
    }
  }
  return 'not a board of tic-tac-toe, Connect Four or the maze';
}

export function mctsParamTable() {
  return {
    gameId: { ...choice<GameId>('tictactoe', GAME_IDS), label: 'Problem' },
    /** Rows top to bottom separated by '/'; empty: the problem's start. */
    position: { ...text('', 200, checkPosition), label: 'Position' },
    c: { ...num(0.5, 0, 100), label: 'Exploration constant C' },
    rollout: { ...choice<'random' | 'heuristic'>('random', ['random', 'heuristic']), label: 'Rollout policy' },
    budget: { ...num(1000, 1, MAX_BUDGET, true), label: 'Budget (iterations)' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}
export type MctsParamTable = ReturnType<typeof mctsParamTable>;

export const mctsManifest: DemoManifest<MctsParamTable> = {
  id: 'mcts',
  title: 'Monte Carlo tree search',
  params: mctsParamTable,
  presets: GAME_IDS.map((id) => ({ id, label: GAMES[id].name, values: { gameId: id, position: START_POSITIONS[id] } })),
  primary: ['gameId', 'c', 'rollout', 'budget'],
};
