import { describe, expect, it } from 'vitest';
import { singleRecord } from '../../algorithms/runtime/progress';
import { LossBins } from './lossBins';

const records = (from: number, to: number, loss: (i: number) => number) =>
  Array.from({ length: to - from + 1 }, (_, k) => singleRecord(from + k, { loss: loss(from + k) }));

describe('LossBins', () => {
  it('keeps at most 2·maxBins bins whose means are the means of their iterations', () => {
    const bins = new LossBins(4);
    bins.push(records(1, 100, (i) => i));
    const points = bins.points();
    expect(points.length).toBeLessThanOrEqual(8);
    // widths are powers of two: 100 iterations → width 16 → bins of 16: mean of 1..16 = 8.5
    expect(points[0]).toEqual({ iteration: 16, mean: 8.5 });
    expect(points[points.length - 1].iteration).toBe(100);
    const total = points.reduce((s, p, k) => s + p.mean * (k < points.length - 1 ? 16 : 100 - 16 * (points.length - 1)), 0);
    expect(total).toBeCloseTo((100 * 101) / 2, 6);
  });

  it('skips non-finite losses and restarts when iterations go backwards', () => {
    const bins = new LossBins(4);
    bins.push(records(1, 3, (i) => (i === 2 ? Number.NaN : 1)));
    expect(bins.points()).toEqual([{ iteration: 1, mean: 1 }, { iteration: 3, mean: 1 }]);
    bins.push(records(1, 1, () => 5));
    expect(bins.points()).toEqual([{ iteration: 1, mean: 5 }]);
  });
});
