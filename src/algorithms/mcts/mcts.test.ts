import { describe, expect, it } from 'vitest';
import { afterMove, connectFour, createMaze, maze, runSearch, ticTacToe, uctSearch, UctSearch, type Game } from './index';

const search = (game: Game, position: string, iterations: number, seed = 1, c = 0.5) =>
  runSearch(game, game.fromString(position), { iterations, c, seed });

describe('positions as text', () => {
  it('round-trips tic-tac-toe and Connect Four positions', () => {
    for (const text of ['.../.../...', 'xo./.x./..o', 'xox/oxo/oxx']) expect(ticTacToe.toString(ticTacToe.fromString(text))).toBe(text);
    const c4 = '......./......./......./...o.../..xo.../.xxoxo.';
    expect(connectFour.toString(connectFour.fromString(c4))).toBe(c4);
    expect(maze.toString(maze.fromString(maze.toString(maze.initial())))).toBe(maze.toString(maze.initial()));
  });

  it('knows whose move it is from the counts (x first)', () => {
    expect(ticTacToe.toMove(ticTacToe.fromString('.../.../...'))).toBe(0);
    expect(ticTacToe.toMove(ticTacToe.fromString('x../.../...'))).toBe(1);
    expect(connectFour.toMove(connectFour.fromString('......./......./......./......./......./xo.....'))).toBe(0);
  });

  it('rejects malformed positions with a message that says what is wrong', () => {
    expect(() => ticTacToe.fromString('xx/.../...')).toThrow(/Row 1 .* 3 characters/);
    expect(() => ticTacToe.fromString('.../...')).toThrow(/3 rows/);
    expect(() => ticTacToe.fromString('x?./.../...')).toThrow(/"\?"/);
    expect(() => ticTacToe.fromString('xx./.../...')).toThrow(/x moves first/);
    expect(() => ticTacToe.fromString('o../.../...')).toThrow(/x moves first/);
    expect(() => ticTacToe.fromString('xxx/ooo/x..')).toThrow(/Both/);
    expect(() => connectFour.fromString('x....../......./......./......./......./o......')).toThrow(/floats/);
    expect(() => connectFour.fromString('......./......./......./......./.......')).toThrow(/6 rows/);
    expect(() => maze.fromString(maze.toString(maze.initial()).replace('#', '.'))).toThrow(/walls/);
  });

  it('scores finished games for x: win 1, loss 0, draw 0.5', () => {
    expect(ticTacToe.outcome(ticTacToe.fromString('xxx/oo./...'))).toBe(1);
    expect(ticTacToe.outcome(ticTacToe.fromString('ooo/xx./x..'))).toBe(0);
    expect(ticTacToe.outcome(ticTacToe.fromString('xox/xox/oxo'))).toBe(0.5);
    expect(ticTacToe.outcome(ticTacToe.fromString('xx./oo./...'))).toBe(-1);
    const won = afterMove(connectFour, connectFour.fromString('......./......./......./......./ooo..../xxx....'), 3);
    expect(connectFour.outcome(won)).toBe(1);
  });

  it('refuses illegal moves and leaves the position alone', () => {
    const state = ticTacToe.fromString('x../.../...');
    expect(() => afterMove(ticTacToe, state, 0)).toThrow(/not a legal move/);
    expect(ticTacToe.toString(state)).toBe('x../.../...');
    const full = connectFour.fromString('x....../o....../x....../o....../x....../o......');
    expect(() => afterMove(connectFour, full, 0)).toThrow(/column 1 is not a legal move/);
  });
});

describe('the maze', () => {
  it('pays coins and the exit with discount, normalised by coins + 2', () => {
    const tiny = createMaze('#####/#ace#/#####', { horizon: 10, gamma: 0.9 });
    const state = tiny.initial();
    tiny.play(state, 1); // onto the coin: +1 at t = 0
    expect(tiny.outcome(state)).toBe(-1);
    tiny.play(state, 1); // onto the exit: +2 γ at t = 1
    expect(tiny.outcome(state)).toBeCloseTo((1 + 2 * 0.9) / 3, 12);
  });

  it('ends the episode at the horizon with what was collected', () => {
    const tiny = createMaze('######/#a.ce#/######', { horizon: 2, gamma: 0.5 });
    const state = tiny.initial();
    tiny.play(state, 1);
    tiny.play(state, 1); // coin at t = 1: 0.5; horizon reached
    expect(tiny.outcome(state)).toBeCloseTo(0.5 / 3, 12);
  });

  it('plans the path that collects the coin before the exit', () => {
    // Straight to the exit: 2γ = 1.9; via the coin below (down, up, right, right): 1·γ + 2γ³.
    const m = createMaze('#####/#a.e#/#c###/#####', { horizon: 8, gamma: 0.95 });
    const result = runSearch(m, m.initial(), { iterations: 3000, c: 0.5, seed: 3 });
    const viaCoin = (0.95 + 2 * 0.95 ** 3) / 3;
    const direct = (2 * 0.95) / 3;
    expect(viaCoin).toBeGreaterThan(direct);
    expect(result.move).toBe(2);
  });
});

describe('UCT search', () => {
  it('computes the lecture example score: A about 0.84, B about 0.98 with C = 1/(2√2)', () => {
    const s = new UctSearch(ticTacToe, ticTacToe.initial(), { c: 1 / (2 * Math.sqrt(2)), seed: 1 });
    s.visits[1] = 80;
    s.total[1] = 48;
    s.visits[2] = 20;
    s.total[2] = 10;
    expect(s.score(1, 100)).toBeCloseTo(0.6 + Math.sqrt(Math.log(100) / 80), 12);
    expect(s.score(1, 100)).toBeCloseTo(0.84, 2);
    expect(s.score(2, 100)).toBeCloseTo(0.98, 2);
  });

  it('takes an immediate win (tic-tac-toe, Connect Four)', async () => {
    expect((await uctSearch(ticTacToe, ticTacToe.fromString('xx./oo./...'), { iterations: 2000, c: 0.5, seed: 1 })).move).toBe(2);
    expect((await uctSearch(ticTacToe, ticTacToe.fromString('x.x/.o./o..'), { iterations: 2000, c: 0.5, seed: 7 })).move).toBe(1);
    expect(search(connectFour, '......./......./......./......./ooo..../xxx....', 5000).move).toBe(3);
  });

  it('blocks an immediate loss (tic-tac-toe, Connect Four)', () => {
    expect(search(ticTacToe, 'x../oo./x..', 3000).move).toBe(5);
    expect(search(connectFour, '......./......./......./......./xx...../ooo.x..', 8000).move).toBe(3);
    expect(search(ticTacToe, 'x../oo./x..', 3000, 1, 0.5).children.length).toBe(5);
  });

  it('children visits sum to the root visits, which equal the iterations', () => {
    for (const [game, position] of [[ticTacToe, '.../.../...'], [connectFour, '......./......./......./......./......./.......'], [maze, maze.toString(maze.initial())]] as const) {
      const result = search(game, position, 1234, 5);
      const sum = result.children.reduce((a, ch) => a + ch.n, 0);
      expect(result.search.visits[0]).toBe(1234);
      expect(sum).toBe(1234);
      // Every visited node's children sum to its visits minus the ones that ended there.
      const s = result.search;
      for (let node = 0; node < s.nodeCount; node++) {
        if (s.firstChild[node] < 0) continue;
        let childSum = 0;
        for (let i = 0; i < s.childCount[node]; i++) childSum += s.visits[s.firstChild[node] + i];
        // The root was there before the first iteration; any other node was first visited by the
        // iteration that stopped at it (its rollout started there), so one of its visits passed no child.
        expect(childSum).toBe(node === 0 ? s.visits[node] : s.visits[node] - 1);
      }
    }
  });

  it('keeps every value in [0, 1] and every Q ≤ N', () => {
    const { search: s } = search(connectFour, '......./......./......./......./......./.......', 3000, 9);
    for (let node = 0; node < s.nodeCount; node++) {
      expect(s.total[node]).toBeGreaterThanOrEqual(0);
      expect(s.total[node]).toBeLessThanOrEqual(s.visits[node]);
    }
    for (const child of search(ticTacToe, '.../.../...', 500).children) {
      expect(child.value).toBeGreaterThanOrEqual(0);
      expect(child.value).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same tree for the same seed and another for another seed', () => {
    const a = search(connectFour, '......./......./......./......./......./.......', 2000, 42).search.snapshot();
    const b = search(connectFour, '......./......./......./......./......./.......', 2000, 42).search.snapshot();
    const c = search(connectFour, '......./......./......./......./......./.......', 2000, 43).search.snapshot();
    expect(b).toEqual(a);
    expect(Array.from(c.visits)).not.toEqual(Array.from(a.visits));
  });

  it('replays the tree as it was after any iteration (the timeline)', () => {
    const full = search(ticTacToe, '.../.../...', 800, 11).search;
    const early = search(ticTacToe, '.../.../...', 300, 11).search;
    const at300 = full.statsAt(300);
    expect(Array.from(at300.visits.subarray(0, early.nodeCount))).toEqual(Array.from(early.visits.subarray(0, early.nodeCount)));
    at300.total.subarray(0, early.nodeCount).forEach((q, i) => expect(q).toBeCloseTo(early.total[i], 9));
    expect(Array.from(full.statsAt(800).visits)).toEqual(Array.from(full.visits.subarray(0, full.nodeCount)));
  });

  it('continues exactly after a snapshot is restored', () => {
    const a = search(connectFour, '......./......./......./......./......./.......', 500, 2).search;
    const b = UctSearch.restore(connectFour, a.snapshot());
    for (let i = 0; i < 500; i++) { a.iterate(); b.iterate(); }
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('traces the four phases of an iteration consistently', () => {
    const s = new UctSearch(ticTacToe, ticTacToe.initial(), { c: 0.5, seed: 4 });
    for (let i = 0; i < 20; i++) s.iterate();
    const trace = UctSearch.emptyTrace();
    s.iterate(trace);
    expect(trace.path[0]).toBe(0);
    expect(trace.choices.length).toBe(trace.path.length - 1);
    trace.choices.forEach((choice, d) => expect(choice.chosen).toBe(trace.path[d + 1]));
    expect(trace.choices[0].kind).toBe('uct'); // all 9 root children were visited in the first 9 iterations
    const best = Math.max(...trace.choices[0].children.map((ch) => ch.score));
    expect(trace.choices[0].children.find((ch) => ch.node === trace.path[1])?.score).toBe(best);
    // Replaying the rollout from the new node ends in the traced result.
    const state = s.stateAt(trace.expanded);
    for (const m of trace.rolloutMoves) ticTacToe.play(state, m);
    expect(ticTacToe.outcome(state)).toBe(trace.value);
  });

  it('rejects bad settings and finished games with clear messages', () => {
    const state = ticTacToe.initial();
    expect(() => runSearch(ticTacToe, state, { iterations: 0, c: 0.5, seed: 1 })).toThrow(/budget/);
    expect(() => runSearch(ticTacToe, state, { iterations: 1e9, c: 0.5, seed: 1 })).toThrow(/budget/);
    expect(() => runSearch(ticTacToe, state, { iterations: 10, c: Number.NaN, seed: 1 })).toThrow(/C must be a number/);
    expect(() => runSearch(ticTacToe, ticTacToe.fromString('xxx/oo./...'), { iterations: 10, c: 0.5, seed: 1 })).toThrow(/already over/);
  });

  it('with the heuristic rollout still finds the win and the block', () => {
    const opts = { iterations: 1500, c: 0.5, seed: 1, rollout: 'heuristic' as const };
    expect(runSearch(ticTacToe, ticTacToe.fromString('x../oo./x..'), opts).move).toBe(5);
    expect(runSearch(connectFour, connectFour.fromString('......./......./......./......./xx...../ooo.x..'), opts).move).toBe(3);
  });

  it('is fast enough (informational)', () => {
    const t0 = performance.now();
    const r = runSearch(ticTacToe, ticTacToe.initial(), { iterations: 200_000, c: 0.5, seed: 1 });
    const t1 = performance.now();
    const r4 = runSearch(connectFour, connectFour.initial(), { iterations: 50_000, c: 0.5, seed: 1 });
    const t2 = performance.now();
    console.log(`ttt ${Math.round(200_000 / ((t1 - t0) / 1000))}/s, c4 ${Math.round(50_000 / ((t2 - t1) / 1000))}/s`);
    expect(r.iterations + r4.iterations).toBe(250_000);
  });
});

describe('the worker session', () => {
  it('runs a search request and continues it from a snapshot exactly as one search would', async () => {
    const { runSearchRequest } = await import('./session');
    const base = { game: 'connect4' as const, position: '......./......./......./......./......./.......', c: 0.5, rollout: 'random' as const, seed: 5 };
    const first = runSearchRequest({ ...base, iterations: 300 });
    const second = runSearchRequest({ ...base, iterations: 200, from: first.snapshot });
    const direct = runSearchRequest({ ...base, iterations: 500 });
    expect(second.snapshot).toEqual(direct.snapshot);
    expect(() => runSearchRequest({ ...base, iterations: 0 })).toThrow(/budget/);
    expect(() => runSearchRequest({ ...base, position: 'x', iterations: 10 })).toThrow(/6 rows/);
  });

  it('searches a maze state that carries its step count', async () => {
    const { runSearchRequest } = await import('./session');
    const state = maze.initial();
    maze.play(state, 1);
    const reply = runSearchRequest({ game: 'maze', position: maze.toString(state), state, c: 0.5, rollout: 'random', seed: 1, iterations: 50 });
    expect(Array.from(reply.snapshot.root)).toEqual(Array.from(state));
  });
});
