import { describe, expect, it } from 'vitest';
import { appendHistory, mergeRecords, ProgressAggregator, singleRecord } from './progress';

describe('progress aggregation', () => {
  it('merges bins with count-weighted means, and the min and max of both', () => {
    const a = mergeRecords(singleRecord(1, { x: 1 }), singleRecord(2, { x: 5 }));
    const b = mergeRecords(a, singleRecord(3, { x: 3 }));
    expect(b).toEqual({ iteration: 3, count: 3, metrics: { x: 3 }, min: { x: 1 }, max: { x: 5 }, last: { x: 3 } });
    // a counter reads its latest value from `last`, never from the mean
    expect(mergeRecords(singleRecord(1, { episodes: 10 }), singleRecord(2, { episodes: 11 })).last.episodes).toBe(11);
  });

  it('keeps every iteration when few arrive, and bounds the bins when many do', () => {
    const few = new ProgressAggregator(64);
    for (let i = 1; i <= 10; i++) few.add(i, { x: i });
    expect(few.drain().map((r) => r.count)).toEqual(Array(10).fill(1));

    const many = new ProgressAggregator(64);
    for (let i = 1; i <= 100_000; i++) many.add(i, { x: i });
    const bins = many.drain();
    expect(bins.length).toBeLessThanOrEqual(65);
    expect(bins.reduce((s, r) => s + r.count, 0)).toBe(100_000);
    expect(bins[bins.length - 1].iteration).toBe(100_000);
    // mean of 1..n over all bins is (n + 1) / 2
    const mean = bins.reduce((s, r) => s + r.metrics.x * r.count, 0) / 100_000;
    expect(mean).toBeCloseTo(50_000.5, 6);
    expect(bins[0].min.x).toBe(1);
    expect(Math.max(...bins.map((r) => r.max.x))).toBe(100_000);
  });

  it('halves the history when it overflows and keeps the whole run', () => {
    let history = appendHistory([], [], 8);
    for (let i = 1; i <= 100; i++) history = appendHistory(history, [singleRecord(i, { x: i })], 8);
    expect(history.length).toBeLessThanOrEqual(8);
    expect(history.reduce((s, r) => s + r.count, 0)).toBe(100);
    expect(history[0].min.x).toBe(1);
    expect(history[history.length - 1].iteration).toBe(100);
  });
});
