import { describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import {
  bellmanSweep, createQLearner, parseGrid, PRESETS, Q_TOLERANCE_FRACTION, qErrorDetail, qScale, randomMaze, reachableFromStart,
  softQFromValues, softValueIteration, stepRewards, stepSize, transitionModel, valueIteration, WALL, TERMINAL, type GridMdp,
} from './index';

const presetMdp = (id: string) => parseGrid(PRESETS.find((p) => p.id === id)!.layout);

describe('transition model', () => {
  it('gives the slip distribution: intended 1 − noise, each side noise / 2, blocked moves stay', () => {
    // Classic 4x3, cell 4 (row 2, column 1): N → 0, E → wall (stay 4), S → 8, W → edge (stay 4).
    const mdp = parseGrid('. . . +1\n. # . -1\nS . . .');
    const model = transitionModel(mdp, 0.2);
    expect(model.probs).toEqual([0.8, 0.1, 0.1]);
    const sorted = (pairs: [number, number][]) => pairs.map(([c, p]) => [c, Number(p.toFixed(12))]).sort((a, b) => a[0] - b[0]);
    // North: intended 0 (0.8), slips E (stay 4) and W (stay 4) merge to 0.2.
    expect(sorted(model.outcomes(4, 0))).toEqual([[0, 0.8], [4, 0.2]]);
    // East: intended stays (0.8), slips S → 8 and N → 0.
    expect(sorted(model.outcomes(4, 1))).toEqual([[0, 0.1], [4, 0.8], [8, 0.1]]);
    expect(model.outcomes(3, 2)).toEqual([[mdp.end, 1]]);
    const values = [5, 0, 0, 0, 7, 0, 0, 0, 11, 0, 0, 0, 0];
    expect(model.expectedValue(values, 4, 1)).toBeCloseTo(0.1 * 5 + 0.8 * 7 + 0.1 * 11, 12);
    expect(transitionModel(mdp, 0).outcomes(4, 1)).toEqual([[4, 1]]);
    expect(() => transitionModel(mdp, 1.5)).toThrow(/noise must lie in \[0, 1\]/);
  });

  it('samples each outcome with its probability', () => {
    const mdp = parseGrid('. . .\n. S .\n. . +1');
    const model = transitionModel(mdp, 0.3);
    const rng = createRng(4);
    const counts = new Map<number, number>();
    const draws = 200_000;
    for (let k = 0; k < draws; k++) {
      const to = model.sample(4, 1, rng.next());
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    // East from the centre: 5 w.p. 0.7, south 7 and north 1 w.p. 0.15 each (5 standard errors).
    expect(Math.abs(counts.get(5)! / draws - 0.7)).toBeLessThan(5 * Math.sqrt(0.21 / draws));
    expect(Math.abs(counts.get(7)! / draws - 0.15)).toBeLessThan(5 * Math.sqrt(0.1275 / draws));
    expect(Math.abs(counts.get(1)! / draws - 0.15)).toBeLessThan(5 * Math.sqrt(0.1275 / draws));
  });

  it("value iteration's inlined sweep equals a sweep through the model", () => {
    const grids: GridMdp[] = [...PRESETS.map((p) => parseGrid(p.layout)), randomMaze(41, 3)];
    for (const mdp of grids) {
      const model = transitionModel(mdp, 0.3);
      const reward = stepRewards(mdp, -0.02);
      const rng = createRng(9);
      const from = Float64Array.from({ length: mdp.end + 1 }, (_, s) => (s === mdp.end ? 0 : rng.next() * 4 - 2));
      const fast = new Float64Array(mdp.end + 1);
      bellmanSweep(mdp, reward, from, fast, 0.9, 0.3);
      for (const s of mdp.active) {
        const best = Math.max(...[0, 1, 2, 3].map((a) => model.expectedValue(from, s, a)));
        expect(fast[s]).toBeCloseTo(reward[s] + 0.9 * best, 12);
      }
    }
  });
});

describe('soft backups, worked by hand', () => {
  // S (cell 4) is surrounded by terminals: +1 north, −10 south (a cliff), 0 east and west, so every
  // outcome ends the episode and V(S) follows from the terminal values alone.
  const PLUS = '# +1 #\n0 S 0\n# -10 #';
  const settings = { gamma: 0.9, noise: 0.2, livingReward: 0, tolerance: 1e-14 };

  it('variational: Q = γ E[V(s′)], V = α log Σ exp(Q / α)', () => {
    const result = softValueIteration(parseGrid(PLUS), { ...settings, alpha: 1, backup: 'variational' });
    // N: 0.9 (0.8 · 1 + 0.1 · 0 + 0.1 · 0) = 0.72;  S: 0.9 (0.8 · (−10)) = −7.2;
    // E, W: 0.9 (0.8 · 0 + 0.1 · 1 + 0.1 · (−10)) = −0.81.
    expect(Array.from(result.q.slice(16, 20)).map((x) => Number(x.toFixed(10)))).toEqual([0.72, -0.81, -7.2, -0.81]);
    // log(e^0.72 + e^−0.81 + e^−7.2 + e^−0.81) = log(2.944896…) = 1.080073…
    expect(result.values[4]).toBeCloseTo(1.0800735, 6);
    expect(result.values[1]).toBe(1);
    expect(result.values[7]).toBe(-10);
  });

  it('exact: Q = α log E[exp(γ V(s′) / α)], optimistic about the slip into the cliff', () => {
    const result = softValueIteration(parseGrid(PLUS), { ...settings, alpha: 1, backup: 'exact' });
    // N: log(0.8 e^0.9 + 0.2) = 0.773659;  S: log(0.8 e^−9 + 0.2) = −1.608944 (not −7.2);
    // E, W: log(0.8 + 0.1 e^0.9 + 0.1 e^−9) = 0.044947.
    const q = Array.from(result.q.slice(16, 20));
    [0.7736586, 0.0449472, -1.6089444, 0.0449472].forEach((x, a) => expect(q[a]).toBeCloseTo(x, 6));
    expect(result.values[4]).toBeCloseTo(1.4950874, 6);
    // With α = 0.5 the temperature enters both logs: Q_S = 0.5 log(0.8 e^−18 + 0.2) = −0.804719.
    const half = softValueIteration(parseGrid(PLUS), { ...settings, alpha: 0.5, backup: 'exact' });
    [0.8086751, 0.1700061, -0.8047189, 0.1700061].forEach((x, a) => expect(half.q[16 + a]).toBeCloseTo(x, 6));
    expect(half.values[4]).toBeCloseTo(1.0428141, 6);
  });

  it('exact ≥ variational everywhere (Jensen), equal with no noise', () => {
    for (const preset of PRESETS) {
      const mdp = parseGrid(preset.layout);
      const dynamics = { ...preset.dynamics, gamma: Math.min(preset.dynamics.gamma, 0.95), tolerance: 1e-12 };
      for (const alpha of [0.1, 1]) {
        const variational = softValueIteration(mdp, { ...dynamics, alpha, backup: 'variational' });
        const exact = softValueIteration(mdp, { ...dynamics, alpha, backup: 'exact' });
        for (const s of mdp.active) expect(exact.values[s]).toBeGreaterThanOrEqual(variational.values[s] - 1e-9);
        const qExact = softQFromValues(mdp, variational.values, dynamics, alpha, 'exact');
        for (let i = 0; i < variational.q.length; i++) expect(qExact[i]).toBeGreaterThanOrEqual(variational.q[i] - 1e-9);
        const calm = { ...dynamics, noise: 0 };
        const a = softValueIteration(mdp, { ...calm, alpha, backup: 'variational' });
        const b = softValueIteration(mdp, { ...calm, alpha, backup: 'exact' });
        for (const s of mdp.active) expect(b.values[s]).toBeCloseTo(a.values[s], 9);
      }
    }
  });

  it('the risky preset shows the optimism: values beside the cliff differ by more than 0.5', () => {
    const preset = PRESETS.find((p) => p.id === 'risky')!;
    const mdp = parseGrid(preset.layout);
    const dynamics = { ...preset.dynamics, alpha: 0.1, tolerance: 1e-10 };
    const variational = softValueIteration(mdp, { ...dynamics, backup: 'variational' });
    const exact = softValueIteration(mdp, { ...dynamics, backup: 'exact' });
    const edge = mdp.start + 1 - mdp.cols; // the cell above the first cliff cell
    expect(mdp.kind[edge + mdp.cols]).toBe(TERMINAL);
    expect(exact.values[edge] - variational.values[edge]).toBeGreaterThan(0.5);
  });
});

describe('Q-learning on every preset', () => {
  it('finds the cells the agent can reach: on Maze two cells lie behind the +1 terminal', () => {
    const mdp = presetMdp('maze');
    const reach = reachableFromStart(mdp);
    const unreachable = Array.from(mdp.active).filter((s) => !reach[s]);
    // Row 5, column 9 and row 6, column 9 (cells 44 and 53) open only onto the +1 at row 7, column 9.
    expect(unreachable).toEqual([44, 53]);
    expect(mdp.kind[62]).toBe(TERMINAL);
    for (let s = 0; s < mdp.end; s++) if (mdp.kind[s] === WALL) expect(reach[s]).toBe(0);
    expect(Array.from(reachableFromStart(parseGrid('S +1 .')))).toEqual([1, 1, 0]);
  });

  it('decays the step as 1 / (1 + n)^ω', () => {
    expect(stepSize({ learningRate: 0.3, schedule: 'constant' }, 50)).toBe(0.3);
    expect(stepSize({ learningRate: 0.3, schedule: 'decaying', decay: 1 }, 3)).toBe(0.25);
    expect(stepSize({ learningRate: 0.3, schedule: 'decaying', decay: 0.5 }, 8)).toBeCloseTo(1 / 3, 12);
    expect(() => createQLearner(presetMdp('classic'), {
      gamma: 0.9, noise: 0.2, livingReward: 0, learningRate: 0.5, schedule: 'decaying', decay: 0.4, exploration: 'epsilon', epsilon: 0.8, temperature: 1, seed: 1,
    })).toThrow(/ω must lie in \(0.5, 1\]/);
  });

  it('reaches Q ≈ Q* (within 5% of max |Q*| on the reachable cells) with the decaying step within 1,000,000 steps', () => {
    for (const preset of PRESETS) {
      const mdp = parseGrid(preset.layout);
      const qStar = valueIteration(mdp, { ...preset.dynamics, tolerance: 1e-12, maxSweeps: 100_000 }).q;
      const reach = reachableFromStart(mdp);
      const target = Q_TOLERANCE_FRACTION * qScale(mdp, qStar, reach);
      const learner = createQLearner(mdp, {
        ...preset.dynamics, learningRate: 0.5, schedule: 'decaying', decay: 0.7, exploration: 'epsilon', epsilon: 0.8, temperature: 1, seed: 1,
      });
      let reachedAt = -1;
      while (learner.steps < 1_000_000 && reachedAt < 0) {
        for (let k = 0; k < 250; k++) learner.step();
        if (qErrorDetail(mdp, learner.q, qStar, reach).error <= target) reachedAt = learner.steps;
      }
      expect({ preset: preset.id, reached: reachedAt > 0 }).toEqual({ preset: preset.id, reached: true });
    }
  }, 60_000);
});
