import { describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import { MAX_EPISODE_STEPS, VecCartPole, initialState, stepCartPole, type Action, type CartPoleState } from './env';

/**
 * Reference written separately from env.ts, straight from the published equations of motion
 * (Barto, Sutton & Anderson 1983, as corrected by Florian 2007 for the frictionless case):
 *   θ̈ = [g sinθ + cosθ (−F − m l θ̇² sinθ)/(M + m)] / [l (4/3 − m cos²θ/(M + m))]
 *   ẍ = [F + m l (θ̇² sinθ − θ̈ cosθ)] / (M + m)
 * with g = 9.8, M = 1, m = 0.1, l = 0.5, |F| = 10, then explicit Euler with τ = 0.02.
 */
function referenceStep([x, v, th, w]: number[], action: number): number[] {
  const F = action === 1 ? 10 : -10;
  const g = 9.8;
  const M = 1;
  const m = 0.1;
  const l = 0.5;
  const thAcc = (g * Math.sin(th) + (Math.cos(th) * (-F - m * l * w * w * Math.sin(th))) / (M + m)) / (l * (4 / 3 - (m * Math.cos(th) ** 2) / (M + m)));
  const xAcc = (F + m * l * (w * w * Math.sin(th) - thAcc * Math.cos(th))) / (M + m);
  return [x + 0.02 * v, v + 0.02 * xAcc, th + 0.02 * w, w + 0.02 * thAcc];
}
const referenceDone = ([x, , th]: number[]) => Math.abs(x) > 2.4 || Math.abs(th) > (12 * Math.PI) / 180;

const asArray = (s: CartPoleState) => [s.x, s.xDot, s.theta, s.thetaDot];

describe('stepCartPole', () => {
  it('matches the hand-worked first push from rest: ẍ = 400/41, θ̈ = −600/41', () => {
    const { state, terminated } = stepCartPole({ x: 0, xDot: 0, theta: 0, thetaDot: 0 }, 1);
    // Euler: positions move with the OLD velocities (zero), velocities with the new accelerations.
    expect(state.x).toBe(0);
    expect(state.theta).toBe(0);
    expect(state.xDot).toBeCloseTo((0.02 * 400) / 41, 14);
    expect(state.thetaDot).toBeCloseTo((-0.02 * 600) / 41, 14);
    expect(terminated).toBe(false);
  });

  it('follows reference trajectories under random actions until termination', () => {
    const rng = createRng(11);
    let compared = 0;
    for (let episode = 0; episode < 50; episode++) {
      let state = initialState(rng);
      let reference = asArray(state);
      for (let t = 0; t < 500; t++) {
        const action = rng.int(2) as Action;
        const result = stepCartPole(state, action);
        reference = referenceStep(reference, action);
        asArray(result.state).forEach((value, k) => expect(value).toBeCloseTo(reference[k], 12));
        expect(result.terminated).toBe(referenceDone(reference));
        compared++;
        if (result.terminated) break;
        state = result.state;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('a pole leaning right (θ > 0) falls further right unless the cart is pushed right hard enough', () => {
    const leaning = { x: 0, xDot: 0, theta: 0.1, thetaDot: 0 };
    const left = stepCartPole(leaning, 0).state;
    const right = stepCartPole(leaning, 1).state;
    expect(left.thetaDot).toBeGreaterThan(0);
    expect(right.thetaDot).toBeLessThan(left.thetaDot);
    expect(right.xDot).toBeGreaterThan(0);
  });

  it('terminates just past |x| = 2.4 and |θ| = 12°, not before', () => {
    const threshold = (12 * Math.PI) / 180;
    // The next position is x + τẋ: 2.39 + 0.02·0.4 = 2.398 stays, 2.39 + 0.02·0.6 = 2.402 ends.
    expect(stepCartPole({ x: 2.39, xDot: 0.4, theta: 0, thetaDot: 0 }, 0).terminated).toBe(false);
    expect(stepCartPole({ x: 2.39, xDot: 0.6, theta: 0, thetaDot: 0 }, 0).terminated).toBe(true);
    expect(stepCartPole({ x: -2.39, xDot: -0.6, theta: 0, thetaDot: 0 }, 1).terminated).toBe(true);
    expect(stepCartPole({ x: 0, xDot: 0, theta: threshold - 0.01, thetaDot: 0.4 }, 1).terminated).toBe(false);
    expect(stepCartPole({ x: 0, xDot: 0, theta: threshold - 0.01, thetaDot: 0.6 }, 1).terminated).toBe(true);
    expect(stepCartPole({ x: 0, xDot: 0, theta: -threshold + 0.01, thetaDot: -0.6 }, 0).terminated).toBe(true);
  });

  it('starts uniformly inside ±0.05 in every component', () => {
    const rng = createRng(3);
    const samples = Array.from({ length: 2000 }, () => asArray(initialState(rng))).flat();
    expect(Math.max(...samples)).toBeLessThan(0.05);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...samples)).toBeGreaterThan(0.049);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(Math.abs(mean)).toBeLessThan(0.002);
  });
});

describe('VecCartPole', () => {
  it('steps every copy exactly like the reference and resets finished copies', () => {
    const n = 8;
    const env = new VecCartPole(n, createRng(5));
    const rng = createRng(6);
    const actions = new Uint8Array(n);
    let resets = 0;
    for (let t = 0; t < 300; t++) {
      const before = Array.from({ length: n }, (_, i) => Array.from(env.obs.subarray(i * 4, i * 4 + 4)));
      for (let i = 0; i < n; i++) actions[i] = rng.int(2);
      env.step(actions);
      for (let i = 0; i < n; i++) {
        const expected = referenceStep(before[i], actions[i]);
        const final = Array.from(env.finalObs.subarray(i * 4, i * 4 + 4));
        final.forEach((value, k) => expect(value).toBeCloseTo(expected[k], 12));
        expect(env.terminated[i] === 1).toBe(referenceDone(expected));
        if (env.terminated[i]) {
          resets++;
          expect(env.episodeSteps[i]).toBe(0);
          env.obs.subarray(i * 4, i * 4 + 4).forEach((v) => expect(Math.abs(v)).toBeLessThan(0.05));
        }
      }
    }
    expect(resets).toBeGreaterThan(20);
  });

  it('truncates at 500 steps (not terminated) and starts a new episode', () => {
    const env = new VecCartPole(2, createRng(1));
    env.obs.fill(0);
    env.episodeSteps[0] = MAX_EPISODE_STEPS - 1;
    env.episodeSteps[1] = MAX_EPISODE_STEPS - 2;
    env.step([1, 0]);
    expect(Array.from(env.truncated)).toEqual([1, 0]);
    expect(Array.from(env.terminated)).toEqual([0, 0]);
    expect(Array.from(env.episodeSteps)).toEqual([0, MAX_EPISODE_STEPS - 1]);
    expect(env.finalObs[1]).toBeCloseTo((0.02 * 400) / 41, 14);
  });
});
