/**
 * MCTS as a worker session (pure JS, exposed with workers/runtime/plain.ts): one step is one UCT
 * iteration and the run ends when the budget is spent. The demo mostly asks the `search` query,
 * which runs a whole budget (iterations or milliseconds) at full speed and hands back the tree as
 * typed arrays, so the page can draw it, scrub its timeline and carry on stepping from it.
 */
import type { RunState, Trainer, TrainerDefinition } from '../runtime/trainer';
import { gameById, type GameId } from './games';
import { resultOf, UctSearch, validateC, validateIterations, type ChildStats, type RolloutPolicy, type SearchSnapshot } from './search';

export interface MctsConfig {
  game: GameId;
  /** The root position, as the game's fromString reads it. */
  position: string;
  c: number;
  rollout: RolloutPolicy;
  /** Iterations per run. */
  iterations: number;
}

export interface MctsView {
  move: number;
  children: ChildStats[];
  iterations: number;
}

export interface SearchRequest {
  game: GameId;
  position: string;
  c: number;
  rollout: RolloutPolicy;
  seed: number;
  /** Iterations to run (with timeMs: at most this many). */
  iterations: number;
  /** Stop after this many milliseconds instead (0: no time limit). */
  timeMs?: number;
  /** The root state itself (a maze position carries its step count, which the text does not); wins over `position`. */
  state?: Float64Array;
  /** Continue this search instead of starting afresh (its settings win). */
  from?: SearchSnapshot;
}

export interface SearchReply {
  snapshot: SearchSnapshot;
  elapsedMs: number;
  move: number;
}

export type MctsQueries = {
  search(request: SearchRequest): SearchReply;
  /** Iterations per second of a fresh search from the start position with random rollouts, over ~`ms` milliseconds. */
  bench(args: { game: GameId; ms: number }): { perSecond: number; iterations: number; nodes: number };
};

/** The longest time budget a search may be given. */
export const MAX_TIME_MS = 60_000;

export function runSearchRequest(request: SearchRequest): SearchReply {
  const game = gameById(request.game);
  const t0 = performance.now();
  const search = request.from
    ? UctSearch.restore(game, request.from)
    : new UctSearch(game, request.state ?? game.fromString(request.position), { c: request.c, seed: request.seed, rollout: request.rollout });
  if (search.terminal) throw new Error('The game is already over in this position: there is no move to search for.');
  const budget = validateIterations(request.iterations);
  const timeMs = request.timeMs ?? 0;
  if (!(Number.isFinite(timeMs) && timeMs >= 0 && timeMs <= MAX_TIME_MS)) throw new Error(`The time budget must be from 0 to ${MAX_TIME_MS / 1000} s.`);
  if (timeMs > 0) {
    const end = t0 + timeMs;
    for (let done = 0; done < budget; ) {
      const batch = Math.min(256, budget - done);
      for (let i = 0; i < batch; i++) search.iterate();
      done += batch;
      if (performance.now() >= end) break;
    }
  } else {
    for (let i = 0; i < budget; i++) search.iterate();
  }
  return { snapshot: search.snapshot(), elapsedMs: performance.now() - t0, move: search.bestMove() };
}

/** Iterations per search in the bench: a large per-move budget (the demo allows up to 200,000). */
export const BENCH_SEARCH_ITERATIONS = 50_000;

/**
 * Iterations per second of UCT with random rollouts from the start position: fresh searches of
 * BENCH_SEARCH_ITERATIONS each, back to back for about `ms` milliseconds (after a warm-up search).
 */
export function benchSearch(gameId: GameId, ms: number): { perSecond: number; iterations: number; nodes: number } {
  const game = gameById(gameId);
  const fresh = (seed: number) => new UctSearch(game, game.initial(), { c: 0.5, seed, rollout: 'random' });
  const warm = fresh(0);
  for (let i = 0; i < 5000; i++) warm.iterate(); // warm-up (JIT)
  let iterations = 0;
  let nodes = 0;
  let seed = 1;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    const search = fresh(seed++);
    for (let done = 0; done < BENCH_SEARCH_ITERATIONS; done += 1000) {
      for (let i = 0; i < 1000; i++) search.iterate();
      iterations += 1000;
      if (performance.now() - t0 >= ms) break;
    }
    nodes = search.nodeCount;
    elapsed = performance.now() - t0;
  }
  return { perSecond: iterations / (elapsed / 1000), iterations, nodes };
}

function validateConfig(config: MctsConfig): void {
  const game = gameById(config.game);
  const state = game.fromString(config.position);
  if (game.outcome(state) >= 0) throw new Error('The game is already over in this position: there is no move to search for.');
  validateC(config.c);
  validateIterations(config.iterations);
}

export const mctsSession: TrainerDefinition<MctsConfig, MctsView, MctsQueries> = {
  id: 'mcts',
  validate: validateConfig,
  create: async (config, seed) => {
    validateConfig(config);
    const game = gameById(config.game);
    let search = new UctSearch(game, game.fromString(config.position), { c: config.c, seed, rollout: config.rollout });
    const modelId = `mcts/${config.game}`;
    const trainer: Trainer<MctsView, MctsQueries> = {
      step() {
        const value = search.iterate();
        return { metrics: { value }, watch: ['value'], done: search.iterations >= config.iterations };
      },
      queries: {
        search: runSearchRequest,
        bench: ({ game: id, ms }) => benchSearch(id, Math.min(Math.max(ms, 50), 10_000)),
      },
      getWeights: async () => ({ modelId, tensors: [] }),
      setWeights: () => {},
      checkpoint: async (): Promise<RunState> => {
        const { gameId, rollout, ...arrays } = search.snapshot();
        return { modelId, tensors: [], data: { gameId, rollout, ...arrays } };
      },
      restore(state) {
        if (state.modelId !== modelId) throw new Error(`This checkpoint is for "${state.modelId}", not "${modelId}".`);
        search = UctSearch.restore(game, state.data as unknown as SearchSnapshot);
      },
      snapshotForView: () => {
        const result = resultOf(search);
        return { move: result.move, children: result.children, iterations: result.iterations };
      },
      dispose: () => {},
    };
    return trainer;
  },
};
