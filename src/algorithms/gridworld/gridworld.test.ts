import { describe, expect, it } from 'vitest';
import {
  ACTIONS, EMPTY, TERMINAL, WALL, bellmanSweep, evaluatePolicy, formatGrid, initialPolicy, openGrid, paintCell, parseGrid,
  policyIteration, PRESETS, qError, qFromValues, qLearning, randomMaze, renderValueImage, softValueIteration, stepRewards,
  validateProblem, valueIteration, valueRgb, canReachTerminal, logRampPosition,
} from './index';

const CLASSIC = '. . . +1\n. # . -1\nS . . .';
const AIMA = { gamma: 1, noise: 0.2, livingReward: -0.04 };

/**
 * Reference dynamics written separately from the library (AIMA 17.1 in (x, y) coordinates,
 * x = column from the left, y = row from the bottom), solved by plain value iteration on a Map:
 *   U(s) = R(s) + γ max_a Σ_{s'} P(s'|s,a) U(s'),  U(terminal) = its reward.
 */
function aimaReference(gamma: number, noise: number, living: number) {
  const walls = new Set(['2,2']);
  const terminals = new Map([['4,3', 1], ['4,2', -1]]);
  const states: [number, number][] = [];
  for (let x = 1; x <= 4; x++) for (let y = 1; y <= 3; y++) if (!walls.has(`${x},${y}`)) states.push([x, y]);
  const moves: Record<string, [number, number]> = { up: [0, 1], right: [1, 0], down: [0, -1], left: [-1, 0] };
  const sideways: Record<string, string[]> = { up: ['left', 'right'], down: ['left', 'right'], left: ['up', 'down'], right: ['up', 'down'] };
  const go = (x: number, y: number, move: string): string => {
    const [dx, dy] = moves[move];
    const nx = x + dx;
    const ny = y + dy;
    if (nx < 1 || nx > 4 || ny < 1 || ny > 3 || walls.has(`${nx},${ny}`)) return `${x},${y}`;
    return `${nx},${ny}`;
  };
  let u = new Map<string, number>(states.map(([x, y]) => [`${x},${y}`, 0]));
  for (let iteration = 0; iteration < 5000; iteration++) {
    const next = new Map<string, number>();
    for (const [x, y] of states) {
      const key = `${x},${y}`;
      if (terminals.has(key)) { next.set(key, terminals.get(key)!); continue; }
      let best = -Infinity;
      for (const move of Object.keys(moves)) {
        const expected = (1 - noise) * u.get(go(x, y, move))! + (noise / 2) * sideways[move].reduce((sum, side) => sum + u.get(go(x, y, side))!, 0);
        best = Math.max(best, expected);
      }
      next.set(key, living + gamma * best);
    }
    u = next;
  }
  return u;
}

/** Library cell index of AIMA's (x, y) in the 3-row text layout. */
const cellOf = (x: number, y: number) => (3 - y) * 4 + (x - 1);

describe('parseGrid', () => {
  it('reads walls, terminals with rewards and the start', () => {
    const mdp = parseGrid(CLASSIC);
    expect([mdp.rows, mdp.cols, mdp.start, mdp.terminalCount]).toEqual([3, 4, 8, 2]);
    expect(Array.from(mdp.kind)).toEqual([0, 0, 0, 2, 0, 1, 0, 2, 0, 0, 0, 0]);
    expect(mdp.terminalReward[3]).toBe(1);
    expect(mdp.terminalReward[7]).toBe(-1);
    expect(formatGrid(mdp)).toBe(CLASSIC);
  });

  it('moves into walls and off the grid leave the agent in place; terminals exit to the end state', () => {
    const mdp = parseGrid(CLASSIC);
    // cell 4 (row 2, col 1): N → 0, E → wall so stays 4, S → 8, W → off grid so stays 4
    expect(Array.from(mdp.next.slice(16, 20))).toEqual([0, 4, 8, 4]);
    expect(Array.from(mdp.next.slice(12, 16))).toEqual([12, 12, 12, 12].map(() => mdp.end));
  });

  it('names the row and column of malformed text', () => {
    expect(() => parseGrid('. . +1\n. x .')).toThrow(/Row 2, column 2: "x" is not a cell/);
    expect(() => parseGrid('. . +1\n. .')).toThrow(/Row 2 has 2 cells but row 1 has 3/);
    expect(() => parseGrid('S . +1\n. S .')).toThrow(/Row 2, column 2: a second start/);
    expect(() => parseGrid('. 1e999')).toThrow(/Row 1, column 2: the reward "1e999" is too large/);
    expect(() => parseGrid('  \n ')).toThrow(/empty/);
    expect(() => parseGrid(Array(40).fill('.').join('\n'))).toThrow(/at most 32 x 32/);
  });

  it('paints cells and keeps one start', () => {
    let mdp = parseGrid(CLASSIC);
    mdp = paintCell(mdp, 0, { kind: 'start' });
    expect(mdp.start).toBe(0);
    expect(formatGrid(mdp).split('\n')[2]).toBe('. . . .');
    mdp = paintCell(mdp, 1, { kind: 'terminal', reward: 0.5 });
    mdp = paintCell(mdp, 2, { kind: 'wall' });
    expect(formatGrid(mdp).split('\n')[0]).toBe('S +0.5 # +1');
    mdp = paintCell(mdp, 0, { kind: 'wall' });
    expect(mdp.start).toBe(-1);
  });
});

describe('value iteration', () => {
  it('gives the textbook 4x3 values: start 0.705 (γ = 1, noise 0.2, living −0.04)', () => {
    const result = valueIteration(parseGrid(CLASSIC), { ...AIMA, tolerance: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.values[8].toFixed(3)).toBe('0.705');
    // Against the separately written reference dynamics, every state.
    const reference = aimaReference(1, 0.2, -0.04);
    for (const [key, value] of reference) {
      const [x, y] = key.split(',').map(Number);
      expect(result.values[cellOf(x, y)]).toBeCloseTo(value, 9);
    }
    // AIMA figure 17.3, printed to three places.
    const printed = [0.812, 0.868, 0.918, 1, 0.762, 0, 0.66, -1, 0.705, 0.655, 0.611, 0.388];
    printed.forEach((value, s) => expect(Math.abs(result.values[s] - value)).toBeLessThan(0.0015));
    // AIMA figure 17.2(a): the optimal policy.
    const arrows = Array.from(result.policy).map((a) => (a < 0 ? '.' : ACTIONS[a]));
    expect(arrows.join('')).toBe('EEE.N.N.NWWW');
  });

  it('matches hand-worked sweeps on a 1 x 3 corridor', () => {
    // γ = 0.9, no noise, no living reward: V = [0,0,1] → [0,.9,1] → [.81,.9,1] → unchanged.
    const result = valueIteration(parseGrid('. . +1'), { gamma: 0.9, noise: 0, livingReward: 0, tolerance: 0 });
    expect(result.residuals.map((r) => Number(r.toFixed(12)))).toEqual([1, 0.9, 0.81, 0]);
    expect(Array.from(result.values.slice(0, 3)).map((v) => Number(v.toFixed(12)))).toEqual([0.81, 0.9, 1]);
  });

  it('matches the closed form with noise: V = −0.1 + 0.5 (0.8 · 1 + 0.2 V) ⇒ V = 1/3', () => {
    // From S the east move succeeds w.p. 0.8; the slips north/south hit the edge and stay.
    const result = valueIteration(parseGrid('S +1'), { gamma: 0.5, noise: 0.2, livingReward: -0.1, tolerance: 1e-14 });
    expect(result.values[0]).toBeCloseTo(1 / 3, 12);
    expect(result.policy[0]).toBe(1);
  });

  it('contracts: each synchronous residual is at most γ times the previous one', () => {
    const mdp = parseGrid(PRESETS.find((p) => p.id === 'maze')!.layout);
    const gamma = 0.9;
    const { residuals } = valueIteration(mdp, { gamma, noise: 0.2, livingReward: -0.01, tolerance: 1e-12 });
    for (let k = 1; k < residuals.length; k++) expect(residuals[k]).toBeLessThanOrEqual(gamma * residuals[k - 1] + 1e-15);
  });

  it('in-place sweeps reach the same values in no more sweeps', () => {
    for (const preset of PRESETS) {
      const mdp = parseGrid(preset.layout);
      const settings = { ...preset.dynamics, gamma: Math.min(preset.dynamics.gamma, 0.95), tolerance: 1e-11 };
      const sync = valueIteration(mdp, settings);
      const inPlace = valueIteration(mdp, { ...settings, inPlace: true });
      for (let s = 0; s < mdp.end; s++) expect(inPlace.values[s]).toBeCloseTo(sync.values[s], 8);
      expect(inPlace.sweeps).toBeLessThanOrEqual(sync.sweeps);
    }
  });

  it('stops at maxSweeps without converging instead of hanging', () => {
    const result = valueIteration(parseGrid(CLASSIC), { gamma: 0.999999, noise: 0.2, livingReward: 0, tolerance: 0, maxSweeps: 5 });
    expect(result.sweeps).toBe(5);
    expect(result.converged).toBe(false);
  });

  it('bellmanSweep on Float32Array agrees with Float64Array', () => {
    const mdp = openGrid(20);
    const reward = stepRewards(mdp, -0.01);
    const a64 = new Float64Array(mdp.end + 1);
    const b64 = new Float64Array(mdp.end + 1);
    const a32 = new Float32Array(mdp.end + 1);
    const b32 = new Float32Array(mdp.end + 1);
    for (let k = 0; k < 30; k++) {
      bellmanSweep(mdp, reward, k % 2 ? b64 : a64, k % 2 ? a64 : b64, 0.95, 0.2);
      bellmanSweep(mdp, reward, k % 2 ? b32 : a32, k % 2 ? a32 : b32, 0.95, 0.2);
    }
    for (let s = 0; s < mdp.end; s++) expect(a32[s]).toBeCloseTo(a64[s], 5);
  });
});

describe('bad input', () => {
  it('gives a clear message for each problem', () => {
    const ok = { gamma: 0.9, noise: 0.2, livingReward: 0 };
    expect(() => valueIteration(parseGrid('S . .'), ok)).toThrow(/no terminal cell/);
    expect(() => valueIteration(parseGrid('S . .'), { ...ok, gamma: 1 })).toThrow(/no terminal cell and γ = 1/);
    expect(() => valueIteration(parseGrid('S # +1'), ok)).toThrow(/start \(row 1, column 1\) cannot reach any terminal/);
    expect(() => valueIteration(parseGrid('S . +1\n# # #\n. . #'), { ...ok, gamma: 1 })).toThrow(/row 3, column 1 is walled in/);
    expect(() => valueIteration(parseGrid(CLASSIC), { ...ok, gamma: NaN })).toThrow(/discount γ must be a finite number \(got NaN\)/);
    expect(() => valueIteration(parseGrid(CLASSIC), { ...ok, livingReward: Infinity })).toThrow(/living reward must be a finite/);
    expect(() => valueIteration(parseGrid(CLASSIC), { ...ok, noise: 1.5 })).toThrow(/noise must lie in \[0, 1\]/);
    expect(() => valueIteration(parseGrid(CLASSIC), { ...ok, gamma: 1, livingReward: 0.1 })).toThrow(/diverge/);
    expect(() => valueIteration(parseGrid(CLASSIC), { ...ok, tolerance: NaN })).toThrow(/tolerance/);
    expect(() => softValueIteration(parseGrid(CLASSIC), { ...ok, alpha: 0 })).toThrow(/temperature α/);
    expect(() => qLearning(parseGrid('. . +1'), { ...ok, learningRate: 0.5, exploration: 'epsilon', epsilon: 0.1, temperature: 1, seed: 1, steps: 1 })).toThrow(/start cell/);
  });

  it('γ < 1 tolerates walled-in cells away from the start', () => {
    const mdp = parseGrid('S . +1\n# # #\n. . #');
    expect(() => validateProblem(mdp, { gamma: 0.9, noise: 0, livingReward: -1 })).not.toThrow();
    expect(Array.from(canReachTerminal(mdp))).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });
});

describe('policy iteration', () => {
  it('agrees with value iteration on every preset', () => {
    for (const preset of PRESETS) {
      const mdp = parseGrid(preset.layout);
      const vi = valueIteration(mdp, { ...preset.dynamics, tolerance: 1e-13 });
      const pi = policyIteration(mdp, preset.dynamics);
      expect(pi.converged).toBe(true);
      expect(pi.iterations[pi.iterations.length - 1].policyChanges).toBe(0);
      for (const s of mdp.active) expect(pi.values[s]).toBeCloseTo(vi.values[s], 8);
      // Both policies are greedy for Q* (ties may be broken differently, e.g. in dead ends).
      for (const s of mdp.active) {
        if (mdp.kind[s] === TERMINAL) continue;
        expect(vi.q[4 * s + pi.policy[s]]).toBeCloseTo(vi.values[s], 8);
      }
    }
  });

  it('counts policy changes and evaluates exactly or iteratively to the same values', () => {
    const mdp = parseGrid(CLASSIC);
    const settings = { gamma: 0.9, noise: 0.2, livingReward: -0.04, tolerance: 1e-13 };
    const exact = policyIteration(mdp, { ...settings, evaluation: 'exact' });
    const iterative = policyIteration(mdp, { ...settings, evaluation: 'iterative' });
    expect(exact.iterations.map((i) => i.policyChanges)).toEqual(iterative.iterations.map((i) => i.policyChanges));
    expect(exact.iterations[0].policyChanges).toBeGreaterThan(0);
    expect(exact.iterations.every((i) => i.evaluationSweeps === 0)).toBe(true);
    expect(iterative.iterations[0].evaluationSweeps).toBeGreaterThan(0);
    for (const s of mdp.active) expect(iterative.values[s]).toBeCloseTo(exact.values[s], 9);
  });

  it('evaluates a fixed policy like the hand solution: always east on S . +1', () => {
    // V1 = γ V2, V2 = γ · 1 with γ = 0.5, no noise: V = [0.25, 0.5, 1].
    const mdp = parseGrid('S . +1');
    const policy = initialPolicy(mdp, 1);
    expect(Array.from(policy)).toEqual([1, 1, -1]);
    const { values } = evaluatePolicy(mdp, policy, { gamma: 0.5, noise: 0, livingReward: 0 }, 'exact');
    expect(Array.from(values.slice(0, 3))).toEqual([0.25, 0.5, 1]);
  });
});

describe('soft value iteration', () => {
  it('tends to hard value iteration as α → 0, from above, within α log 4 / (1 − γ)', () => {
    const mdp = parseGrid(PRESETS.find((p) => p.id === 'cliff')!.layout);
    const settings = { gamma: 0.9, noise: 0.2, livingReward: -0.1, tolerance: 1e-12 };
    const hard = valueIteration(mdp, settings);
    let previousGap = Infinity;
    for (const alpha of [1, 0.3, 0.1, 0.01, 0.001]) {
      const soft = softValueIteration(mdp, { ...settings, alpha });
      let gap = 0;
      for (const s of mdp.active) {
        expect(soft.values[s]).toBeGreaterThanOrEqual(hard.values[s] - 1e-9);
        gap = Math.max(gap, soft.values[s] - hard.values[s]);
      }
      expect(gap).toBeLessThanOrEqual((alpha * Math.log(4)) / (1 - settings.gamma) + 1e-9);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
      if (alpha === 0.001) expect(Array.from(soft.policy)).toEqual(Array.from(hard.policy));
    }
    expect(previousGap).toBeLessThan(0.02);
  });

  it('solves a one-state case like an independent bisection, and π sums to 1', () => {
    // S +1, no noise, γ = 0.5, α = 1: V = log(e^{0.5} + 3 e^{0.5 V}) (east exits, the rest stay).
    const f = (v: number) => Math.log(Math.exp(0.5) + 3 * Math.exp(0.5 * v)) - v;
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid; else hi = mid;
    }
    const soft = softValueIteration(parseGrid('S +1'), { gamma: 0.5, noise: 0, livingReward: 0, alpha: 1, tolerance: 1e-14 });
    expect(soft.values[0]).toBeCloseTo(lo, 10);
    expect(soft.values[1]).toBe(1);
    const total = soft.pi[0] + soft.pi[1] + soft.pi[2] + soft.pi[3];
    expect(total).toBeCloseTo(1, 12);
    expect(soft.pi[1]).toBeCloseTo(Math.exp(0.5 - lo), 10);
  });

  it('refuses γ = 1', () => {
    expect(() => softValueIteration(parseGrid(CLASSIC), { ...AIMA, alpha: 0.1 })).toThrow(/needs γ < 1/);
  });
});

describe('Q-learning', () => {
  const grid = parseGrid('. . . +1\n. # . -1\nS . . .');
  const dynamics = { gamma: 0.9, noise: 0, livingReward: -0.04 };

  it('converges to the value-iteration Q* on a small deterministic grid (fixed seed)', () => {
    const vi = valueIteration(grid, { ...dynamics, tolerance: 1e-13 });
    const qStar = qFromValues(grid, vi.values, dynamics);
    const learner = qLearning(grid, { ...dynamics, learningRate: 0.5, exploration: 'epsilon', epsilon: 0.5, temperature: 1, seed: 7, steps: 40_000 });
    expect(qError(grid, learner.q, qStar)).toBeLessThan(1e-3);
    expect(learner.episodes).toBeGreaterThan(100);
  });

  it('is reproducible for a seed and learns the greedy path with Boltzmann exploration', () => {
    const options = { ...dynamics, learningRate: 0.5, exploration: 'boltzmann' as const, epsilon: 0, temperature: 0.2, seed: 3, steps: 20_000 };
    const a = qLearning(grid, options);
    const b = qLearning(grid, options);
    expect(Array.from(a.q)).toEqual(Array.from(b.q));
    const vi = valueIteration(grid, { ...dynamics, tolerance: 1e-13 });
    // Along the optimal path from the start the greedy actions match value iteration.
    let s = grid.start;
    for (let k = 0; k < 10 && grid.kind[s] !== TERMINAL; k++) {
      const greedy = [0, 1, 2, 3].reduce((best, act) => (a.q[4 * s + act] > a.q[4 * s + best] ? act : best), 0);
      expect(vi.q[4 * s + greedy]).toBeCloseTo(vi.values[s], 9);
      s = grid.next[4 * s + greedy];
    }
    expect(grid.kind[s]).toBe(TERMINAL);
    expect(grid.terminalReward[s]).toBe(1);
  });
});

describe('large grids', () => {
  it('builds reproducible mazes whose start reaches the goal', () => {
    const a = randomMaze(63, 5);
    const b = randomMaze(63, 5);
    expect(Array.from(a.kind)).toEqual(Array.from(b.kind));
    expect(Array.from(a.kind)).not.toEqual(Array.from(randomMaze(63, 6).kind));
    expect(a.kind[a.start]).toBe(EMPTY);
    expect(() => validateProblem(a, { gamma: 0.99, noise: 0.1, livingReward: 0 })).not.toThrow();
    const walls = a.kind.reduce((sum, k) => sum + (k === WALL ? 1 : 0), 0);
    expect(walls / a.end).toBeGreaterThan(0.3);
  });

  it('builds a 1024 x 1024 maze and sweeps it', () => {
    const mdp = randomMaze(1024, 1);
    expect(mdp.end).toBe(1024 * 1024);
    const reward = stepRewards(mdp, 0);
    const values = new Float32Array(mdp.end + 1);
    const out = new Float32Array(mdp.end + 1);
    expect(bellmanSweep(mdp, reward, values, out, 0.99, 0.1)).toBe(1);
  });

  it('draws values with the diverging colour map', () => {
    expect(valueRgb(0, 1)).toEqual([247, 247, 247]);
    expect(valueRgb(1, 1)).toEqual([33, 102, 172]);
    expect(valueRgb(-5, 1)).toEqual([179, 88, 6]);
    const mdp = parseGrid('# +1 -1');
    const image = renderValueImage(mdp, [0, 1, -1, 0], 1, new Uint8ClampedArray(12));
    expect(Array.from(image)).toEqual([45, 50, 58, 255, 33, 102, 172, 255, 179, 88, 6, 255]);
    // The image's ramp is logarithmic: 1/1000 of the scale sits at log 2 / log 1001 ≈ 0.10 of the way,
    // 1/10 at log 101 / log 1001 ≈ 0.67.
    expect(logRampPosition(0.001, 1)).toBeCloseTo(Math.log(2) / Math.log(1001), 12);
    expect(logRampPosition(-0.1, 1)).toBeCloseTo(-Math.log(101) / Math.log(1001), 12);
    const faint = renderValueImage(parseGrid('+1 .'), [1, 0.01, 0], 1, new Uint8ClampedArray(8));
    expect(faint[4]).toBeLessThan(200); // visibly blue, where a linear ramp gives 245
    expect(valueRgb(0.01, 1)[0]).toBeGreaterThan(240);
  });
});
