import { describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import {
  backwardPass, createWorld, demoStatistics, forwardPass, irlStep, logLikelihood, presetReward, sampleDemonstrations, uniformStart,
  validateReward, type IrlWorld,
} from '.';

/** Runs MaxEnt IRL from ψ = 0 on demonstrations of `truth`; returns the recovered reward and the last step. */
function recover(world: IrlWorld, truth: Float64Array, demoCount: number, iterations: number, seed = 1) {
  const rng = createRng(seed);
  const start = uniformStart(world);
  const demos = sampleDemonstrations(world, backwardPass(world, truth).pi, start, demoCount, rng);
  const expert = demoStatistics(world, demos);
  const state = { reward: new Float64Array(world.rows * world.cols), iteration: 0 };
  const lls: number[] = [];
  let last = irlStep(world, state, expert, demos, 0.5);
  for (let i = 1; i < iterations; i++) {
    last = irlStep(world, state, expert, demos, 0.5);
    lls.push(last.logLikelihood);
  }
  return { state, last, lls, expert, demos, start };
}

/** Total variation distance between two visit vectors, each normalised to a distribution. */
function tv(a: ArrayLike<number>, b: ArrayLike<number>) {
  let sa = 0, sb = 0, d = 0;
  for (let i = 0; i < a.length; i++) { sa += a[i]; sb += b[i]; }
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i] / sa - b[i] / sb);
  return d / 2;
}

describe('MaxEnt IRL', () => {
  it('forward pass: expected visitation equals Monte Carlo rollouts of the soft policy (slip 0.2)', () => {
    const world = createWorld(5, 6, 0.2, 8);
    const reward = presetReward('two-goals', 5, 6);
    const { pi } = backwardPass(world, reward);
    // the soft policy sums to 1 in every cell and step
    for (let i = 0; i < pi.length; i += 4) expect(pi[i] + pi[i + 1] + pi[i + 2] + pi[i + 3]).toBeCloseTo(1, 12);
    const start = new Float64Array(30);
    start[0] = 0.5;
    start[14] = 0.5;
    const { visits, perStep } = forwardPass(world, pi, start);
    const n = 40000;
    const demos = sampleDemonstrations(world, pi, start, n, createRng(3));
    const mc = new Float64Array(30);
    const mcLast = new Float64Array(30);
    for (const d of demos) {
      d.states.forEach((s) => (mc[s] += 1 / n));
      mcLast[d.states[7]] += 1 / n;
    }
    expect(visits.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 10);
    for (let s = 0; s < 30; s++) {
      // a count of at most 8 visits per rollout: sd ≤ √(8 · visits / n) (binomial-like), 5 sd
      expect(Math.abs(mc[s] - visits[s])).toBeLessThan(5 * Math.sqrt((8 * Math.max(visits[s], 1e-3)) / n) + 1e-3);
      expect(Math.abs(mcLast[s] - perStep[7 * 30 + s])).toBeLessThan(5 * Math.sqrt(Math.max(perStep[7 * 30 + s], 1e-3) / n) + 1e-3);
    }
  });

  it('a one-step problem has the closed form of the lecture\'s worked example', () => {
    // horizon 1: π(a|s) is uniform whatever ψ (the reward is paid for s, not a); the gradient is
    // expert frequency − model probability over start cells: check the forward pass alone
    const world = createWorld(2, 2, 0, 1);
    const { pi } = backwardPass(world, [0.3, -1, 2, 0]);
    for (let i = 0; i < pi.length; i++) expect(pi[i]).toBeCloseTo(0.25, 12);
    const { visits } = forwardPass(world, pi, [0.7, 0.2, 0.1, 0]);
    expect(Array.from(visits)).toEqual([0.7, 0.2, 0.1, 0]);
  });

  it('at convergence, expert and expected feature counts match, and the log-likelihood rose', () => {
    const world = createWorld(6, 6, 0.1, 12);
    const { last, lls } = recover(world, presetReward('corner', 6, 6), 200, 400);
    // counts per trajectory over 12 steps; a tolerance of 0.02 visits per cell
    expect(last.gradientNorm).toBeLessThan(0.02);
    expect(lls[lls.length - 1]).toBeGreaterThan(lls[0]);
    // gradient ascent: it ends (within 10⁻³) at the best likelihood it saw
    expect(lls[lls.length - 1]).toBeGreaterThan(Math.max(...lls) - 1e-3);
  });

  it('on a held-out preset, the recovered reward\'s soft policy reproduces the expert\'s visitation', () => {
    const world = createWorld(8, 8, 0.1, 16);
    const truth = presetReward('lava', 8, 8);
    const { state, start, expert } = recover(world, truth, 300, 300, 7);
    const expertVisits = forwardPass(world, backwardPass(world, truth).pi, start).visits;
    const learnedVisits = forwardPass(world, backwardPass(world, state.reward).pi, start).visits;
    // the recovered policy is as close to the expert's as the samples themselves are
    expect(tv(learnedVisits, expertVisits)).toBeLessThan(Math.max(0.1, 1.5 * tv(expert.visits, expertVisits)));
    // the lava row ends up below the goal
    const goal = 7 * 8 + 4;
    expect(state.reward[goal]).toBeGreaterThan(state.reward[4 * 8 + 3]);
  });

  it('refuses empty demonstrations and non-number rewards with a message', () => {
    const world = createWorld(3, 3, 0, 4);
    expect(() => demoStatistics(world, [])).toThrow(/no demonstrations/);
    expect(() => validateReward(world, [0, 0, 0, 0, Number.NaN, 0, 0, 0, 0])).toThrow(/row 2, column 2 is not a number/);
    expect(() => createWorld(1, 5, 0, 4)).toThrow(/2 × 2/);
    const demos = [{ states: [0, 1, 2, 5], actions: [1, 1, 2, 2] }];
    expect(logLikelihood(world, backwardPass(world, new Float64Array(9)).pi, demos)).toBeCloseTo(4 * Math.log(0.25), 12);
  });
});

describe('the IRL demo session', () => {
  it('resumes from a checkpoint exactly and refuses configs without demonstrations', async () => {
    const { createIrlSession, validateIrl } = await import('./session');
    const config = { rows: 5, cols: 5, trueReward: Array.from(presetReward('corner', 5, 5)), noise: 0.1, horizon: 8, demonstrations: 20, rate: 0.5 };
    const a = createIrlSession(config, 4);
    for (let i = 0; i < 5; i++) a.step();
    const saved = await a.checkpoint!();
    const b = createIrlSession(config, 99);
    await b.restore!(saved);
    for (let i = 0; i < 5; i++) expect(b.step()).toEqual(a.step());
    expect(b.snapshotForView!()).toEqual(a.snapshotForView!());
    expect(() => validateIrl({ ...config, demonstrations: 0 })).toThrow(/no demonstrations/);
    expect(() => validateIrl({ ...config, trueReward: config.trueReward.map((v, i) => (i === 3 ? Number.NaN : v)) })).toThrow(/not a number/);
  });
});
