/**
 * The MCTS demo's state and actions (one zustand store per demo instance). The search lives on the
 * main thread for teaching (phases, slow speeds: each iteration takes microseconds) and goes to the
 * worker for full-speed budgets; the worker's tree comes back as a snapshot and the page carries on
 * from it. Every bad input (C, budget, position, an illegal move) leaves the state as it was and
 * sets `error`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  afterMove,
  gameById,
  isLegal,
  MAX_TIME_MS,
  UctSearch,
  validateC,
  type Game,
  type GameId,
  type GameState,
  type IterationTrace,
  type RolloutPolicy,
} from '../../algorithms/mcts';
import { MctsWorker, messageOf } from './client';

export const PHASES = ['selection', 'expansion', 'rollout', 'backup'] as const;
export type Phase = (typeof PHASES)[number];

/** The most iterations one budget may ask for in the demo. */
export const MAX_BUDGET = 200_000;

export const SPEEDS = [
  { id: 'phases', label: 'One phase at a time (0.9 s each, teaching pace)', perSecond: 0 },
  { id: '2', label: '2 iterations/s', perSecond: 2 },
  { id: '20', label: '20 iterations/s', perSecond: 20 },
  { id: '200', label: '200 iterations/s', perSecond: 200 },
  { id: '5000', label: '5,000 iterations/s', perSecond: 5000 },
  { id: 'fastest', label: 'As fast as possible (in a worker)', perSecond: Infinity },
] as const;
export type SpeedId = (typeof SPEEDS)[number]['id'];
const PHASE_MS = 900;

export const START_POSITIONS: Record<GameId, string> = {
  tictactoe: '.../.../...',
  connect4: '......./......./......./......./......./.......',
  maze: gameById('maze').toString(gameById('maze').initial()),
};

export interface PhaseView {
  trace: IterationTrace;
  /** Index into PHASES. */
  index: number;
}

export interface MctsDemoState {
  gameId: GameId;
  game: Game;
  /** The root position as text, and as a state. */
  position: string;
  root: GameState;
  c: number;
  rollout: RolloutPolicy;
  budget: number;
  /** Time budget in ms for "Search for a time" (0: iteration budget only). */
  timeMs: number;
  seed: number;
  speed: SpeedId;
  search: UctSearch;
  /** Bumped whenever the search changes (the tree and charts redraw). */
  version: number;
  /** The iteration whose tree is shown (the timeline); search.iterations when live. */
  cursor: number;
  phase: PhaseView | null;
  playing: boolean;
  /** "Searching in the worker…" while a worker search runs. */
  busy: string | null;
  error: string | null;
  /** Plain-words news: the last worker search, a move played, the game's end. */
  note: string | null;
  selected: number | null;
  collapsed: ReadonlySet<number>;
  /** The side the student plays in play mode (0 x, 1 o); MCTS plays the other. */
  selfPlay: boolean;
  lastSearchMs: number | null;

  setGame(id: string): void;
  setPosition(text: string): void;
  setC(value: string | number): void;
  setRollout(value: string): void;
  setBudget(value: string | number): void;
  setTimeMs(value: string | number): void;
  setSeed(value: string | number): void;
  setSpeed(id: string): void;
  reset(): void;
  play(): void;
  pause(): void;
  /** One whole iteration (finishing a phase walk in progress). */
  stepIteration(): void;
  /** The next phase of the current iteration (starting a new one after backup). */
  stepPhase(): void;
  scrub(t: number): void;
  select(node: number | null): void;
  toggleCollapse(node: number): void;
  /** The student's move (a click on the board or typed). */
  humanMove(move: number): void;
  /** Plays the search's chosen move at the root (after searching the budget if nothing was searched). */
  mctsMove(): Promise<void>;
  setSelfPlay(on: boolean): void;
  /** Runs the budget (or the time budget) in the worker. */
  searchInWorker(useTime?: boolean): Promise<void>;
  dismissError(): void;
  dispose(): void;
}

export type MctsStoreApi = StoreApi<MctsDemoState>;

export interface MctsInit {
  gameId?: GameId;
  position?: string;
  c?: number;
  rollout?: RolloutPolicy;
  budget?: number;
  seed?: number;
}

function parseNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const text = value.trim();
  return text === '' ? NaN : Number(text);
}

export function validateBudget(value: string | number): number {
  const n = parseNumber(value);
  if (!Number.isFinite(n)) throw new Error(`The budget must be a number of iterations (got "${String(value)}").`);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BUDGET) {
    throw new Error(`The budget must be a whole number of iterations from 1 to ${MAX_BUDGET.toLocaleString('en-US')} (got ${String(value)}).`);
  }
  return n;
}

export function createMctsStore(init: MctsInit = {}): MctsStoreApi {
  const worker = new MctsWorker();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let generation = 0;

  const stopLoop = () => {
    if (timer !== null) clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
    timer = null;
    frame = null;
  };

  const store = createStore<MctsDemoState>()((set, get) => {
    const gameId: GameId = init.gameId ?? 'tictactoe';
    const game = gameById(gameId);
    const position = init.position ?? START_POSITIONS[gameId];
    const root = game.fromString(position);
    const c = init.c ?? 0.5;
    const rollout = init.rollout ?? 'random';
    const seed = init.seed ?? 1;

    /** A fresh search from the current root and settings (iteration 0). */
    const freshSearch = (s: Pick<MctsDemoState, 'game' | 'root' | 'c' | 'seed' | 'rollout'>) =>
      new UctSearch(s.game, s.root, { c: s.c, seed: s.seed, rollout: s.rollout });

    /** Stop everything in flight and install a new search. */
    const restart = (patch: Partial<MctsDemoState>) => {
      generation++;
      stopLoop();
      if (get().busy) worker.cancel();
      const next = { ...get(), ...patch };
      set({
        ...patch,
        search: freshSearch(next),
        version: get().version + 1,
        cursor: 0,
        phase: null,
        playing: false,
        busy: null,
        selected: null,
        collapsed: new Set(),
        error: null,
      });
    };

    const gameOverNote = (g: Game, state: GameState): string | null => {
      const o = g.outcome(state);
      if (o < 0) return null;
      if (g.players === 1) return `The episode is over: normalised return ${o.toFixed(3)}.`;
      return o === 0.5 ? 'The game is over: a draw.' : `The game is over: ${o === 1 ? 'x' : 'o'} won.`;
    };

    const budgetLeft = () => get().budget - get().search.iterations;

    /** Finish any phase walk: the tree shows the full last iteration. */
    const settlePhase = () => {
      const s = get();
      if (s.phase) set({ phase: null, cursor: s.search.iterations, version: s.version + 1 });
    };

    const iterateLive = (n: number) => {
      const s = get();
      const count = Math.min(n, budgetLeft());
      for (let i = 0; i < count; i++) s.search.iterate();
      set({ cursor: s.search.iterations, version: s.version + 1, phase: null });
    };

    /** Begins a new iteration in phase mode: runs it (recording its trace) and shows its selection. */
    const beginPhases = () => {
      const s = get();
      const trace = UctSearch.emptyTrace();
      s.search.iterate(trace);
      set({ phase: { trace, index: 0 }, cursor: s.search.iterations - 1, version: s.version + 1 });
    };

    const nextPhase = (): boolean => {
      const s = get();
      if (s.search.terminal) return false;
      if (s.cursor !== s.search.iterations && !s.phase) set({ cursor: s.search.iterations });
      if (!s.phase || s.phase.index === PHASES.length - 1) {
        if (budgetLeft() <= 0) {
          settlePhase();
          return false;
        }
        beginPhases();
        return true;
      }
      const index = s.phase.index + 1;
      // Expansion of an already visited terminal node does nothing new: skip straight on.
      const skipExpansion = index === 1 && s.phase.trace.expanded < 0;
      const to = skipExpansion ? 2 : index;
      set({ phase: { trace: s.phase.trace, index: to }, cursor: to === 3 ? s.search.iterations : s.search.iterations - 1, version: s.version + 1 });
      return true;
    };

    const finishRun = () => {
      stopLoop();
      set({ playing: false });
      settlePhase();
    };

    const loop = (gen: number) => {
      const s = get();
      if (gen !== generation || !s.playing) return;
      const speed = SPEEDS.find((v) => v.id === s.speed) ?? SPEEDS[0];
      if (speed.id === 'phases') {
        if (!nextPhase()) return finishRun();
        timer = setTimeout(() => loop(gen), PHASE_MS);
        return;
      }
      if (speed.id === 'fastest') {
        void get().searchInWorker().then(() => {
          if (gen === generation) set({ playing: false });
        });
        return;
      }
      let last = performance.now();
      let owed = 0;
      const tick = (now: number) => {
        if (gen !== generation || !get().playing) return;
        owed += ((now - last) / 1000) * speed.perSecond;
        last = now;
        const whole = Math.floor(owed);
        if (whole > 0) {
          owed -= whole;
          iterateLive(Math.min(whole, 20_000));
        }
        if (budgetLeft() <= 0 || get().search.terminal) return finishRun();
        frame = requestAnimationFrame(tick);
      };
      // The first iteration shows at once, then the pace takes over.
      iterateLive(1);
      if (budgetLeft() <= 0) return finishRun();
      frame = requestAnimationFrame(tick);
    };

    const guard = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        set({ error: messageOf(error) });
      }
    };

    /** Replace the root position after a move (keeps settings, fresh search). */
    const moveRoot = (move: number, who: string) => {
      const s = get();
      const next = afterMove(s.game, s.root, move); // throws on an illegal move: nothing changed
      const text = s.game.toString(next);
      restart({ root: next, position: text, note: `${who} played ${s.game.moveLabel(move)}.${gameOverNote(s.game, next) ? ' ' + gameOverNote(s.game, next) : ''}` });
    };

    return {
      gameId,
      game,
      position,
      root,
      c,
      rollout,
      budget: init.budget ?? 1000,
      timeMs: 200,
      seed,
      speed: 'phases',
      search: new UctSearch(game, root, { c, seed, rollout }),
      version: 0,
      cursor: 0,
      phase: null,
      playing: false,
      busy: null,
      error: null,
      note: null,
      selected: null,
      collapsed: new Set(),
      selfPlay: false,
      lastSearchMs: null,

      setGame(id) {
        guard(() => {
          const g = gameById(id);
          restart({ gameId: g.id as GameId, game: g, root: g.fromString(START_POSITIONS[g.id as GameId]), position: START_POSITIONS[g.id as GameId], note: null, selfPlay: false });
        });
      },
      setPosition(text) {
        guard(() => {
          const s = get();
          const state = s.game.fromString(text); // throws a readable Error: nothing changed
          restart({ root: state, position: s.game.toString(state), note: gameOverNote(s.game, state) });
        });
      },
      setC(value) {
        guard(() => {
          const n = parseNumber(value);
          if (!Number.isFinite(n)) throw new Error(`The exploration constant C must be a number (got "${String(value)}").`);
          restart({ c: validateC(n) });
        });
      },
      setRollout(value) {
        guard(() => {
          if (value !== 'random' && value !== 'heuristic') throw new Error(`The rollout policy must be random or heuristic (got "${value}").`);
          restart({ rollout: value });
        });
      },
      setBudget(value) {
        guard(() => {
          const budget = validateBudget(value);
          set({ budget, error: null });
        });
      },
      setTimeMs(value) {
        guard(() => {
          const n = parseNumber(value);
          if (!Number.isFinite(n) || n < 10 || n > MAX_TIME_MS) throw new Error(`The time budget must be from 10 ms to ${MAX_TIME_MS / 1000} s (got "${String(value)}").`);
          set({ timeMs: Math.round(n), error: null });
        });
      },
      setSeed(value) {
        guard(() => {
          const n = parseNumber(value);
          if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`The seed must be a whole number from 0 to 4294967295 (got "${String(value)}").`);
          restart({ seed: n });
        });
      },
      setSpeed(id) {
        if (!SPEEDS.some((v) => v.id === id)) return set({ error: `Unknown speed "${id}".` });
        const wasPlaying = get().playing;
        generation++;
        stopLoop();
        set({ speed: id as SpeedId, playing: false });
        if (id !== 'phases') settlePhase();
        if (wasPlaying) get().play();
      },
      reset() {
        restart({ note: null });
      },
      play() {
        const s = get();
        if (s.playing || s.busy) return;
        if (s.search.terminal) return set({ error: gameOverNote(s.game, s.root) ?? 'The game is over.' });
        if (budgetLeft() <= 0 && !(s.phase && s.phase.index < 3)) {
          return set({ note: `The budget of ${s.budget.toLocaleString('en-US')} iterations is spent: raise it, or Reset.` });
        }
        const gen = ++generation;
        set({ playing: true, error: null, cursor: s.phase ? s.cursor : s.search.iterations });
        loop(gen);
      },
      pause() {
        generation++;
        stopLoop();
        set({ playing: false });
      },
      stepIteration() {
        const s = get();
        if (s.busy) return;
        if (s.playing) get().pause();
        if (s.search.terminal) return set({ error: gameOverNote(s.game, s.root) ?? 'The game is over.' });
        if (s.phase && s.phase.index < 3) return settlePhase();
        if (budgetLeft() <= 0) return set({ note: `The budget of ${s.budget.toLocaleString('en-US')} iterations is spent: raise it, or Reset.` });
        iterateLive(1);
      },
      stepPhase() {
        const s = get();
        if (s.busy) return;
        if (s.playing) get().pause();
        if (s.search.terminal) return set({ error: gameOverNote(s.game, s.root) ?? 'The game is over.' });
        if (!nextPhase() && budgetLeft() <= 0) set({ note: `The budget of ${s.budget.toLocaleString('en-US')} iterations is spent: raise it, or Reset.` });
      },
      scrub(t) {
        const s = get();
        if (!Number.isFinite(t)) return;
        if (s.playing) get().pause();
        set({ cursor: Math.max(0, Math.min(s.search.iterations, Math.round(t))), phase: null, version: s.version + 1 });
      },
      select(node) {
        set({ selected: node });
      },
      toggleCollapse(node) {
        const collapsed = new Set(get().collapsed);
        if (collapsed.has(node)) collapsed.delete(node);
        else if (node !== 0) collapsed.add(node);
        set({ collapsed, version: get().version + 1 });
      },
      humanMove(move) {
        guard(() => {
          const s = get();
          if (s.busy) throw new Error('Wait for the search to finish before moving.');
          if (s.game.outcome(s.root) >= 0) throw new Error(gameOverNote(s.game, s.root) ?? 'The game is over.');
          if (!Number.isInteger(move) || !isLegal(s.game, s.root, move)) {
            throw new Error(`${Number.isInteger(move) && move >= 0 && move < s.game.moveCount ? s.game.moveLabel(move) : `Move ${String(move)}`} is not a legal move here.`);
          }
          moveRoot(move, 'You');
        });
      },
      async mctsMove() {
        const s = get();
        if (s.busy) return;
        if (s.game.outcome(s.root) >= 0) return set({ error: gameOverNote(s.game, s.root) ?? 'The game is over.' });
        if (s.search.iterations < s.budget) await get().searchInWorker();
        const after = get();
        if (after.error || after.search.iterations === 0) return;
        const move = after.search.bestMove();
        guard(() => moveRoot(move, 'MCTS'));
      },
      setSelfPlay(on) {
        set({ selfPlay: on });
        if (!on) return;
        const next = async () => {
          const s = get();
          if (!s.selfPlay || s.game.outcome(s.root) >= 0) return set({ selfPlay: false });
          await get().mctsMove();
          if (get().error) return set({ selfPlay: false });
          timer = setTimeout(() => void next(), 600);
        };
        void next();
      },
      async searchInWorker(useTime = false) {
        const s = get();
        if (s.busy) return;
        if (s.search.terminal) return set({ error: gameOverNote(s.game, s.root) ?? 'The game is over.' });
        settlePhase();
        const remaining = useTime ? MAX_BUDGET - s.search.iterations : s.budget - s.search.iterations;
        if (remaining <= 0) {
          return set({ note: useTime ? 'The tree is at the largest size the demo keeps: Reset to search again.' : `The budget of ${s.budget.toLocaleString('en-US')} iterations is spent: raise it, or Reset.` });
        }
        const gen = generation;
        set({ busy: useTime ? `Searching for ${s.timeMs} ms in the worker…` : `Searching ${remaining.toLocaleString('en-US')} iterations in the worker…`, error: null });
        try {
          const reply = await worker.search({
            game: s.gameId, position: s.position, state: s.root, c: s.c, rollout: s.rollout, seed: s.seed,
            iterations: remaining, timeMs: useTime ? s.timeMs : 0,
            from: s.search.iterations > 0 ? s.search.snapshot() : undefined,
          });
          if (gen !== generation) return;
          const search = UctSearch.restore(s.game, reply.snapshot);
          const done = search.iterations - s.search.iterations;
          set({
            search, cursor: search.iterations, version: get().version + 1, busy: null, lastSearchMs: reply.elapsedMs,
            budget: useTime ? Math.max(get().budget, search.iterations) : get().budget,
            note: `Searched ${done.toLocaleString('en-US')} iterations in ${reply.elapsedMs.toFixed(0)} ms (${Math.round(done / Math.max(reply.elapsedMs, 1e-3) * 1000).toLocaleString('en-US')}/s) in the worker.`,
          });
        } catch (error) {
          if (gen !== generation) return;
          set({ busy: null, error: `The search failed: ${messageOf(error)}` });
        }
      },
      dismissError() {
        set({ error: null });
      },
      dispose() {
        generation++;
        stopLoop();
        worker.dispose();
        set({ playing: false, selfPlay: false });
      },
    };
  });
  return store;
}

/** The status line, in words. */
export function statusSummary(s: MctsDemoState): string {
  if (s.busy) return s.busy;
  const it = s.search.iterations;
  const parts: string[] = [];
  if (s.playing) parts.push('Searching');
  else parts.push(it === 0 ? 'Ready' : 'Paused');
  if (s.phase) parts.push(`iteration ${s.phase.trace.iteration} · phase ${s.phase.index + 1} of 4: ${PHASES[s.phase.index]}`);
  else parts.push(`iteration ${it.toLocaleString('en-US')} of ${s.budget.toLocaleString('en-US')}`);
  if (s.cursor !== it && !s.phase) parts.push(`showing the tree after iteration ${s.cursor.toLocaleString('en-US')}`);
  const best = s.search.bestMove();
  if (best >= 0) parts.push(`best move so far ${s.game.moveLabel(best)}`);
  return parts.join(' · ');
}
