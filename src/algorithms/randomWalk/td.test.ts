import { describe, expect, it } from 'vitest';
import { createRandomWalk, DEFAULT_RANDOM_WALK, rmsError, trueValues, validateRandomWalk } from './td';

describe('TD(0) on the random walk', () => {
  it('has the closed-form true values s / (n + 1)', () => {
    expect(Array.from(trueValues(5))).toEqual([1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6]);
  });

  it('makes the hand-worked first update: from the middle of 5 states, V(C) moves by α (0 + V(next) − V(C)) = 0', () => {
    const walk = createRandomWalk({ states: 5, alpha: 0.1, initialValue: 0.5 }, 1);
    const first = walk.step();
    if (first instanceof Promise) throw new Error('sync step expected');
    // all estimates are 0.5, so the first TD error from the middle is 0 + 0.5 − 0.5 = 0
    expect(first.metrics.tdError).toBe(0);
    expect(Array.from(walk.values)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('leaving on the right from E with V(E) = 0.5 gives TD error 1 + 0 − 0.5 (the query agrees)', async () => {
    const walk = createRandomWalk({ states: 5, alpha: 0.1, initialValue: 0.5 }, 1);
    expect(walk.queries?.tdErrors({ state: 5 })).toEqual({ left: 0, right: 0.5 });
    expect(walk.queries?.tdErrors({ state: 1 })).toEqual({ left: -0.5, right: 0 });
    expect(() => walk.queries?.tdErrors({ state: 6 })).toThrow(/not one of 1..5/);
  });

  it('converges to the true values with a small step size', () => {
    const walk = createRandomWalk({ states: 5, alpha: 0.01, initialValue: 0.5 }, 3);
    for (let i = 0; i < 200_000; i++) walk.step();
    expect(rmsError(walk.values, trueValues(5))).toBeLessThan(0.03);
  });

  it('continues exactly after a checkpoint restored into a fresh walk of the same seed', async () => {
    const a = createRandomWalk(DEFAULT_RANDOM_WALK, 9);
    for (let i = 0; i < 1000; i++) a.step();
    const b = createRandomWalk(DEFAULT_RANDOM_WALK, 9);
    for (let i = 0; i < 400; i++) b.step();
    const state = await b.checkpoint!();
    const c = createRandomWalk(DEFAULT_RANDOM_WALK, 9);
    c.restore!(state);
    for (let i = 0; i < 600; i++) c.step();
    expect(Array.from(c.values)).toEqual(Array.from(a.values));
    const other = createRandomWalk({ ...DEFAULT_RANDOM_WALK, states: 7 }, 9);
    expect(() => other.restore!(state)).toThrow(/random-walk\/5/);
  });

  it('refuses bad settings with a readable message', () => {
    expect(() => validateRandomWalk({ ...DEFAULT_RANDOM_WALK, states: 4 })).toThrow(/odd whole number/);
    expect(() => validateRandomWalk({ ...DEFAULT_RANDOM_WALK, alpha: 0 })).toThrow(/step size/);
  });
});
