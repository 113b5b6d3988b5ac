/** Monte Carlo tree search (UCT) over games and a small planning problem. */
export { afterMove, isLegal, type Game, type GameState } from './game';
export { ticTacToe } from './ticTacToe';
export { connectFour } from './connectFour';
export { createMaze, maze, mazeAgent, DEFAULT_MAZE_LAYOUT, type Maze, type MazeOptions } from './maze';
export {
  MAX_ITERATIONS,
  UctSearch,
  resultOf,
  runSearch,
  uctSearch,
  validateC,
  validateIterations,
  type ChildStats,
  type IterationTrace,
  type RolloutPolicy,
  type SearchOptions,
  type SearchSnapshot,
  type SelectionChoice,
  type UctResult,
  type UctSearchOptions,
} from './search';
export { GAMES, gameById, type GameId } from './games';
export { benchSearch, MAX_TIME_MS, mctsSession, runSearchRequest, type MctsConfig, type MctsQueries, type MctsView, type SearchReply, type SearchRequest } from './session';
