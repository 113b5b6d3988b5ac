/**
 * Seeded UCT search (Kocsis & Szepesvári 2006) over any `Game`, with the tree in typed arrays.
 *
 * One iteration: selection (descend while every child of the node has been visited, taking the
 * child with the largest score
 *     Score(s_t) = Q(s_t)/N(s_t) + 2C·sqrt(2 ln N(s_{t-1}) / N(s_t)),
 * Q the sum of the returns through s_t, N its visits, s_{t-1} its parent), expansion (the first
 * visit of a child never tried, drawn at random among the untried moves), evaluation (a rollout
 * with the default policy to the end of the game) and backup (N += 1 and Q += the return seen by
 * the player who moved into the node, at every node from the new leaf up to the root).
 *
 * Conventions (tested):
 * - The root exists before the first iteration and every iteration visits it, so N(root) equals
 *   the number of iterations, and since each iteration passes through exactly one child of a
 *   non-terminal root, the children's visits sum to N(root) exactly (no "minus one").
 * - Returns lie in [0, 1]: 1 a win, 0.5 a draw, 0 a loss for the player who moved into the node
 *   (a single-agent problem's normalised return). So Q/N is in [0, 1] at every visited node.
 * - A node's children are allocated together in the game's legal-move order with N = 0; only
 *   visited ones (N > 0) are part of the tree a student sees. The node first visited in
 *   iteration t is the one "expanded" in iteration t.
 * - The move chosen at the root is the most visited child (ties: larger Q/N, then lower move).
 */
import type { Game, GameState } from './game';

export type RolloutPolicy = 'random' | 'heuristic';

export interface SearchOptions {
  /** The exploration constant C of the score (≥ 0). */
  c: number;
  seed: number;
  rollout?: RolloutPolicy;
}

/** Everything one iteration did, for the four-phase view (only collected when asked). */
export interface IterationTrace {
  iteration: number;
  /** Node ids from the root to the leaf (the new node, or a terminal node reached by selection). */
  path: number[];
  /** At each node on the path above the leaf: its children's numbers before this iteration's backup. */
  choices: SelectionChoice[];
  /** The node visited for the first time (-1 when selection ended in an already visited terminal node). */
  expanded: number;
  /** The moves the default policy played after the leaf. */
  rolloutMoves: number[];
  /** The result for player 0 in [0, 1]. */
  value: number;
}

export interface SelectionChoice {
  node: number;
  /** 'uct': every child visited, the largest score wins; 'expand': an untried child was drawn. */
  kind: 'uct' | 'expand';
  chosen: number;
  children: { node: number; move: number; n: number; q: number; score: number }[];
}

export interface ChildStats {
  node: number;
  move: number;
  /** Visits N. */
  n: number;
  /** Mean return Q/N for the player to move at the root (NaN when unvisited). */
  value: number;
  /** N(child) / N(root). */
  share: number;
  /** The UCT score the next selection would see (Infinity when unvisited). */
  score: number;
}

/** The search's state as plain typed arrays: crosses a worker boundary and restores exactly. */
export interface SearchSnapshot {
  gameId: string;
  root: Float64Array;
  c: number;
  rollout: RolloutPolicy;
  rngCounter: number;
  nodeCount: number;
  parent: Int32Array;
  move: Int32Array;
  mover: Int8Array;
  firstChild: Int32Array;
  childCount: Int32Array;
  visits: Int32Array;
  total: Float64Array;
  born: Int32Array;
  iterations: number;
  leaves: Int32Array;
  values: Float64Array;
}

export const MAX_ITERATIONS = 1_000_000;

export function validateC(c: unknown): number {
  if (typeof c !== 'number' || !Number.isFinite(c)) throw new Error(`The exploration constant C must be a number (got ${String(c)}).`);
  if (c < 0 || c > 100) throw new Error(`The exploration constant C must be between 0 and 100 (got ${c}).`);
  return c;
}

export function validateIterations(n: unknown, max = MAX_ITERATIONS): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(`The budget must be a whole number of iterations from 1 to ${max.toLocaleString('en-US')} (got ${String(n)}).`);
  }
  return n;
}

type TypedColumn = Int32Array | Int8Array | Float64Array;

/** A copy of `a` in a new array of the same type and `capacity` entries, the new tail set to `fill`. */
function grownCopy<T extends TypedColumn>(a: T, capacity: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}

export class UctSearch {
  readonly game: Game;
  readonly root: GameState;
  readonly c: number;
  readonly rollout: RolloutPolicy;
  nodeCount = 1;
  iterations = 0;
  parent: Int32Array;
  move: Int32Array;
  /** The player who made the move into the node (root: the other player, or 0 alone). */
  mover: Int8Array;
  /** Index of the first child; -1 until the node's children are allocated. */
  firstChild: Int32Array;
  childCount: Int32Array;
  /** N: visits. */
  visits: Int32Array;
  /** Q: the sum of returns for `mover`. */
  total: Float64Array;
  /** The iteration in which the node was first visited (root: 0), -1 before. */
  born: Int32Array;
  /** Per iteration: the leaf it backed up from and the result for player 0. */
  leaves: Int32Array;
  values: Float64Array;
  private rngCounter: number;
  private readonly scratch: GameState;
  private readonly probe: GameState;
  private readonly moves: Int32Array;
  private readonly moves2: Int32Array;
  private pathBuf: Int32Array;

  constructor(game: Game, root: GameState, options: SearchOptions) {
    if (root.length !== game.stateSize) throw new Error(`That state is not a ${game.name} position.`);
    this.game = game;
    this.root = root.slice();
    this.c = validateC(options.c);
    this.rollout = options.rollout ?? 'random';
    if (this.rollout !== 'random' && this.rollout !== 'heuristic') throw new Error(`The rollout policy must be "random" or "heuristic" (got ${String(options.rollout)}).`);
    if (!Number.isFinite(options.seed)) throw new Error(`The seed must be a number (got ${String(options.seed)}).`);
    this.rngCounter = options.seed >>> 0;
    const capacity = 1024;
    this.parent = new Int32Array(capacity);
    this.move = new Int32Array(capacity);
    this.mover = new Int8Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.childCount = new Int32Array(capacity);
    this.visits = new Int32Array(capacity);
    this.total = new Float64Array(capacity);
    this.born = new Int32Array(capacity).fill(-1);
    this.leaves = new Int32Array(1024);
    this.values = new Float64Array(1024);
    this.parent[0] = -1;
    this.move[0] = -1;
    this.mover[0] = game.players === 1 ? 0 : 1 - game.toMove(this.root);
    this.born[0] = 0;
    this.scratch = new Float64Array(game.stateSize);
    this.probe = new Float64Array(game.stateSize);
    this.moves = new Int32Array(game.maxMoves);
    this.moves2 = new Int32Array(game.maxMoves);
    this.pathBuf = new Int32Array(1024);
  }

  /** Uniform in [0, 1): mulberry32, inline so the hot loop makes no closure call. */
  private random(): number {
    this.rngCounter = (this.rngCounter + 0x6d2b79f5) >>> 0;
    let t = this.rngCounter;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  get terminal(): boolean {
    return this.game.outcome(this.root) >= 0;
  }

  /** The UCT score of `node` under a parent visited `parentVisits` times (Infinity when unvisited). */
  score(node: number, parentVisits: number): number {
    const n = this.visits[node];
    if (n === 0) return Infinity;
    return this.total[node] / n + 2 * this.c * Math.sqrt((2 * Math.log(parentVisits)) / n);
  }

  private grow(): void {
    const capacity = this.parent.length * 2;
    this.parent = grownCopy(this.parent, capacity);
    this.move = grownCopy(this.move, capacity);
    this.mover = grownCopy(this.mover, capacity);
    this.firstChild = grownCopy(this.firstChild, capacity, -1);
    this.childCount = grownCopy(this.childCount, capacity);
    this.visits = grownCopy(this.visits, capacity);
    this.total = grownCopy(this.total, capacity);
    this.born = grownCopy(this.born, capacity, -1);
  }

  /** Allocates the children of `node` whose position is in `state` (non-terminal). */
  private expand(node: number, state: GameState): void {
    const game = this.game;
    const count = game.legalMoves(state, this.moves);
    while (this.nodeCount + count > this.parent.length) this.grow();
    const first = this.nodeCount;
    const player = game.toMove(state);
    for (let i = 0; i < count; i++) {
      const child = first + i;
      this.parent[child] = node;
      this.move[child] = this.moves[i];
      this.mover[child] = player;
    }
    this.firstChild[node] = first;
    this.childCount[node] = count;
    this.nodeCount += count;
  }

  /** One full iteration; with `trace`, records what each phase did. Returns the result for player 0. */
  iterate(trace?: IterationTrace): number {
    const game = this.game;
    const state = this.scratch;
    state.set(this.root);
    const iteration = ++this.iterations;
    let node = 0;
    let depth = 0;
    this.pathBuf[0] = 0;
    let expanded = -1;
    let value: number;
    for (;;) {
      const outcome = game.outcome(state);
      if (outcome >= 0) {
        value = outcome;
        break;
      }
      if (this.firstChild[node] < 0) this.expand(node, state);
      const first = this.firstChild[node];
      const count = this.childCount[node];
      const visits = this.visits;
      const total = this.total;
      // Untried children first: draw one of them uniformly.
      let untried = 0;
      for (let i = 0; i < count; i++) if (visits[first + i] === 0) untried++;
      let child: number;
      if (untried > 0) {
        let pick = Math.floor(this.random() * untried);
        child = first;
        for (let i = 0; i < count; i++) {
          if (visits[first + i] === 0 && pick-- === 0) {
            child = first + i;
            break;
          }
        }
      } else {
        const twoLogN = 2 * Math.log(visits[node]);
        const k = 2 * this.c;
        let best = -Infinity;
        child = first;
        for (let i = 0; i < count; i++) {
          const n = visits[first + i];
          const s = total[first + i] / n + k * Math.sqrt(twoLogN / n);
          if (s > best) {
            best = s;
            child = first + i;
          }
        }
      }
      if (trace) trace.choices.push(this.describeChoice(node, child, untried > 0 ? 'expand' : 'uct'));
      game.play(state, this.move[child]);
      node = child;
      if (++depth >= this.pathBuf.length) {
        const bigger = new Int32Array(this.pathBuf.length * 2);
        bigger.set(this.pathBuf);
        this.pathBuf = bigger;
      }
      this.pathBuf[depth] = node;
      if (untried > 0) {
        expanded = node;
        this.born[node] = iteration;
        value = this.playOut(state, trace ? trace.rolloutMoves : null);
        break;
      }
    }
    // Backup: every node on the path gains a visit and the return for the player who moved into it.
    for (let d = depth; d >= 0; d--) {
      const n = this.pathBuf[d];
      this.visits[n]++;
      this.total[n] += this.mover[n] === 0 ? value : 1 - value;
    }
    if (iteration >= this.leaves.length) {
      const leaves = new Int32Array(this.leaves.length * 2);
      leaves.set(this.leaves);
      this.leaves = leaves;
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.leaves[iteration] = node;
    this.values[iteration] = value;
    if (trace) {
      trace.iteration = iteration;
      trace.path = Array.from(this.pathBuf.subarray(0, depth + 1));
      trace.expanded = expanded;
      trace.value = value;
    }
    return value;
  }

  /** A fresh trace to pass to `iterate`. */
  static emptyTrace(): IterationTrace {
    return { iteration: 0, path: [], choices: [], expanded: -1, rolloutMoves: [], value: NaN };
  }

  private describeChoice(node: number, chosen: number, kind: 'uct' | 'expand'): SelectionChoice {
    const first = this.firstChild[node];
    const children = [];
    for (let i = 0; i < this.childCount[node]; i++) {
      const child = first + i;
      const n = this.visits[child];
      children.push({ node: child, move: this.move[child], n, q: n ? this.total[child] / n : NaN, score: this.score(child, this.visits[node]) });
    }
    return { node, kind, chosen, children };
  }

  /** The default policy from `state` (mutated) to the end; returns the result for player 0. */
  private playOut(state: GameState, record: number[] | null): number {
    const game = this.game;
    const moves = this.moves;
    let outcome = game.outcome(state);
    if (this.rollout === 'random' && !record) {
      // The hot path: mulberry32 inline, no per-move branches.
      let counter = this.rngCounter;
      while (outcome < 0) {
        const count = game.legalMoves(state, moves);
        counter = (counter + 0x6d2b79f5) >>> 0;
        let t = counter;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        game.play(state, moves[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * count)]);
        outcome = game.outcome(state);
      }
      this.rngCounter = counter;
      return outcome;
    }
    while (outcome < 0) {
      const count = game.legalMoves(state, moves);
      const move = this.rollout === 'heuristic' ? this.heuristicMove(state, count) : moves[Math.floor(this.random() * count)];
      if (record) record.push(move);
      game.play(state, move);
      outcome = game.outcome(state);
    }
    return outcome;
  }

  /**
   * The "simple heuristic" default policy: take a move that wins at once; else (two players) avoid
   * moves that hand the opponent a win at once, which blocks an immediate threat; else random.
   * In a single-agent problem "wins at once" means ends the episode with the best return on offer.
   */
  private heuristicMove(state: GameState, count: number): number {
    const game = this.game;
    const moves = this.moves;
    const probe = this.probe;
    const me = game.toMove(state);
    let bestEnd = -1;
    let bestEndMove = -1;
    for (let i = 0; i < count; i++) {
      probe.set(state);
      game.play(probe, moves[i]);
      const o = game.outcome(probe);
      if (o >= 0) {
        const mine = me === 0 ? o : 1 - o;
        if (mine === 1 || (game.players === 1 && mine > bestEnd)) {
          if (game.players === 2) return moves[i];
          bestEnd = mine;
          bestEndMove = moves[i];
        }
      }
    }
    // Single agent: take the ending move with the best return (e.g. the exit when it is next door).
    if (game.players === 1) return bestEndMove >= 0 ? bestEndMove : moves[Math.floor(this.random() * count)];
    // Two players: keep the moves after which the opponent has no immediate win.
    let safe = 0;
    const safeMoves = this.moves2;
    const reply = new Int32Array(game.maxMoves);
    for (let i = 0; i < count; i++) {
      probe.set(state);
      game.play(probe, moves[i]);
      if (game.outcome(probe) >= 0) { safeMoves[safe++] = moves[i]; continue; }
      const replies = game.legalMoves(probe, reply);
      const after = new Float64Array(probe);
      let loses = false;
      for (let j = 0; j < replies && !loses; j++) {
        after.set(probe);
        game.play(after, reply[j]);
        const o = game.outcome(after);
        if (o >= 0 && (me === 0 ? o : 1 - o) === 0) loses = true;
      }
      if (!loses) safeMoves[safe++] = moves[i];
    }
    if (safe > 0) return safeMoves[Math.floor(this.random() * safe)];
    return moves[Math.floor(this.random() * count)];
  }

  /** Statistics of the root's children, in legal-move order. */
  rootChildren(): ChildStats[] {
    const first = this.firstChild[0];
    const out: ChildStats[] = [];
    if (first < 0) return out;
    const rootN = this.visits[0];
    for (let i = 0; i < this.childCount[0]; i++) {
      const node = first + i;
      const n = this.visits[node];
      out.push({ node, move: this.move[node], n, value: n ? this.total[node] / n : NaN, share: rootN ? n / rootN : 0, score: this.score(node, rootN) });
    }
    return out;
  }

  /** The most visited root move (ties: larger mean value, then the lower move); -1 before any iteration. */
  bestMove(): number {
    let best = -1;
    let bestN = -1;
    let bestQ = -Infinity;
    for (const child of this.rootChildren()) {
      const q = child.n ? child.value : -Infinity;
      if (child.n > bestN || (child.n === bestN && q > bestQ)) {
        best = child.move;
        bestN = child.n;
        bestQ = q;
      }
    }
    return bestN > 0 ? best : -1;
  }

  /** The game state at `node` (replays the moves from the root). */
  stateAt(node: number): GameState {
    const moves: number[] = [];
    for (let n = node; n > 0; n = this.parent[n]) moves.push(this.move[n]);
    const state = this.root.slice();
    for (let i = moves.length - 1; i >= 0; i--) this.game.play(state, moves[i]);
    return state;
  }

  /** Depth of `node` (root 0). */
  depth(node: number): number {
    let d = 0;
    for (let n = node; n > 0; n = this.parent[n]) d++;
    return d;
  }

  /**
   * Visits and returns as they were after iteration `t` (0 ≤ t ≤ iterations), replayed from the
   * per-iteration records: the timeline. O(t · depth).
   */
  statsAt(t: number): { visits: Int32Array; total: Float64Array } {
    const limit = Math.max(0, Math.min(this.iterations, Math.floor(t)));
    if (limit === this.iterations) return { visits: this.visits.slice(0, this.nodeCount), total: this.total.slice(0, this.nodeCount) };
    const visits = new Int32Array(this.nodeCount);
    const total = new Float64Array(this.nodeCount);
    for (let i = 1; i <= limit; i++) {
      const value = this.values[i];
      for (let n = this.leaves[i]; n >= 0; n = this.parent[n]) {
        visits[n]++;
        total[n] += this.mover[n] === 0 ? value : 1 - value;
      }
    }
    return { visits, total };
  }

  snapshot(): SearchSnapshot {
    const n = this.nodeCount;
    return {
      gameId: this.game.id,
      root: this.root.slice(),
      c: this.c,
      rollout: this.rollout,
      rngCounter: this.rngCounter,
      nodeCount: n,
      parent: this.parent.slice(0, n),
      move: this.move.slice(0, n),
      mover: this.mover.slice(0, n),
      firstChild: this.firstChild.slice(0, n),
      childCount: this.childCount.slice(0, n),
      visits: this.visits.slice(0, n),
      total: this.total.slice(0, n),
      born: this.born.slice(0, n),
      iterations: this.iterations,
      leaves: this.leaves.slice(0, this.iterations + 1),
      values: this.values.slice(0, this.iterations + 1),
    };
  }

  /** A search that continues exactly where `snapshot` left off. */
  static restore(game: Game, snapshot: SearchSnapshot): UctSearch {
    if (snapshot.gameId !== game.id) throw new Error(`This search is for ${snapshot.gameId}, not ${game.name}.`);
    const search = new UctSearch(game, snapshot.root, { c: snapshot.c, seed: 0, rollout: snapshot.rollout });
    search.rngCounter = snapshot.rngCounter;
    search.nodeCount = snapshot.nodeCount;
    search.iterations = snapshot.iterations;
    const grow = <T extends TypedColumn>(a: T, fill = 0): T => grownCopy(a, Math.max(1024, a.length * 2), fill);
    search.parent = grow(snapshot.parent);
    search.move = grow(snapshot.move);
    search.mover = grow(snapshot.mover);
    search.firstChild = grow(snapshot.firstChild, -1);
    search.childCount = grow(snapshot.childCount);
    search.visits = grow(snapshot.visits);
    search.total = grow(snapshot.total);
    search.born = grow(snapshot.born, -1);
    search.leaves = grow(snapshot.leaves);
    search.values = grow(snapshot.values);
    return search;
  }
}

export interface UctResult {
  /** The chosen move: a cell 0-8 for tic-tac-toe, a column 0-6 for Connect Four, a direction for the maze. */
  move: number;
  children: ChildStats[];
  iterations: number;
  /** Visited nodes, root included. */
  nodes: number;
  /** Per iteration t (index t, 1..iterations): the leaf it backed up from and the result for player 0. */
  records: { leaves: Int32Array; values: Float64Array };
  /** The search itself, to continue or draw. */
  search: UctSearch;
}

export interface UctSearchOptions extends SearchOptions {
  /** Iterations to run (1 to MAX_ITERATIONS). */
  iterations: number;
}

/** Runs `iterations` UCT iterations from `state` and resolves with the chosen move and the tree's numbers. */
export async function uctSearch(game: Game, state: GameState, options: UctSearchOptions): Promise<UctResult> {
  return runSearch(game, state, options);
}

/** The synchronous core of uctSearch. */
export function runSearch(game: Game, state: GameState, options: UctSearchOptions): UctResult {
  const iterations = validateIterations(options.iterations);
  const search = new UctSearch(game, state, options);
  if (search.terminal) throw new Error('The game is already over in this position: there is no move to search for.');
  for (let i = 0; i < iterations; i++) search.iterate();
  return resultOf(search);
}

export function resultOf(search: UctSearch): UctResult {
  let nodes = 0;
  for (let i = 0; i < search.nodeCount; i++) if (search.visits[i] > 0) nodes++;
  return {
    move: search.bestMove(),
    children: search.rootChildren(),
    iterations: search.iterations,
    nodes,
    records: { leaves: search.leaves.subarray(0, search.iterations + 1), values: search.values.subarray(0, search.iterations + 1) },
    search,
  };
}
