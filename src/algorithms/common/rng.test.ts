import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const streamA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(streamA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(streamA);
  });

  it('has the moments of a uniform and a standard normal', () => {
    const rng = createRng(7);
    const n = 200_000;
    let sumU = 0;
    let sumZ = 0;
    let sumZ2 = 0;
    for (let i = 0; i < n; i++) {
      sumU += rng.next();
      const z = rng.normal();
      sumZ += z;
      sumZ2 += z * z;
    }
    expect(sumU / n).toBeCloseTo(0.5, 2);
    expect(sumZ / n).toBeCloseTo(0, 1);
    expect(sumZ2 / n).toBeCloseTo(1, 1);
  });

  it('draws categorical indices in proportion to the weights', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.categorical([1, 2, 3])] += 1;
    expect(counts[0] / 60_000).toBeCloseTo(1 / 6, 2);
    expect(counts[2] / 60_000).toBeCloseTo(3 / 6, 2);
  });
});

describe('Rng state', () => {
  /** A mixed stream: uniforms, normals, integers and forks. */
  const draw = (rng: ReturnType<typeof createRng>, n: number) =>
    Array.from({ length: n }, (_, i) => [rng.next(), rng.normal(), rng.int(1000), i % 3 === 0 ? rng.fork() : rng.normal()]).flat();

  it('a restored generator continues the identical stream, also right after an odd number of normals', () => {
    for (const oddNormals of [0, 1, 3]) {
      const a = createRng(11);
      a.next();
      for (let i = 0; i < oddNormals; i++) a.normal();
      const saved = a.getState();
      expect(saved.spareNormal === null).toBe(oddNormals % 2 === 0);
      const expected = draw(a, 50);
      // Both ways back: a fresh generator from the state, and setState on one that has moved on.
      const b = createRng(999, saved);
      const c = createRng(11);
      draw(c, 7);
      c.setState(saved);
      expect(draw(b, 50)).toEqual(expected);
      expect(draw(c, 50)).toEqual(expected);
    }
  });

  it('the cached normal is part of the state: dropping it shifts the stream', () => {
    const a = createRng(5);
    a.normal();
    const saved = a.getState();
    const expected = a.normal();
    expect(saved.spareNormal).toBe(expected);
    const withoutSpare = createRng(0, { counter: saved.counter, spareNormal: null });
    expect(withoutSpare.normal()).not.toBe(expected);
  });

  it('getState returns a copy, and bad states are refused with the fault named', () => {
    const a = createRng(3);
    const saved = a.getState();
    a.next();
    expect(a.getState()).not.toEqual(saved);
    expect(() => a.setState({ counter: -1, spareNormal: null })).toThrow(/bad counter/);
    expect(() => a.setState({ counter: 2 ** 32, spareNormal: null })).toThrow(/bad counter/);
    expect(() => a.setState({ counter: 1.5, spareNormal: null })).toThrow(/bad counter/);
    expect(() => a.setState({ counter: 1, spareNormal: Number.NaN })).toThrow(/bad cached normal/);
    expect(() => a.setState(null as never)).toThrow(/missing/);
  });
});
