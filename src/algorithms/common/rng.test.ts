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
