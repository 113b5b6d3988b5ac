import { describe, expect, it } from 'vitest';
import { formatLogTick, formatTick, logTicks, niceStep, niceTicks } from './ticks';

describe('niceStep', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten at or above span / count', () => {
    expect(niceStep(100, 5)).toBe(20); // raw 20
    expect(niceStep(100_000, 4)).toBe(25_000); // raw 25 000
    expect(niceStep(200_000, 4)).toBe(50_000); // raw 50 000
    expect(niceStep(7, 5)).toBe(2); // raw 1.4 → 2
    expect(niceStep(0.3, 5)).toBeCloseTo(0.1, 12); // raw 0.06 → 0.1
    expect(niceStep(0.7, 5)).toBeCloseTo(0.2, 12); // raw 0.14 → 0.2
    expect(niceStep(0, 5)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('covers the data with round values (0, 50k, 100k … not 250, 50250)', () => {
    const scale = niceTicks(250, 200_250, 4);
    expect(scale.ticks).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
    expect(scale.min).toBeLessThanOrEqual(250);
    expect(scale.max).toBeGreaterThanOrEqual(200_250);
  });
  it('gives the cart-pole return axis 0 … 500 in hundreds', () => {
    expect(niceTicks(0, 500, 5).ticks).toEqual([0, 100, 200, 300, 400, 500]);
  });
  it('writes decimal ticks without float noise', () => {
    expect(niceTicks(0, 0.7, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0.1, 0.3, 4).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });
  it('handles negative ranges, reversed bounds and a single value', () => {
    expect(niceTicks(-1, 1, 4).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(10, 0, 5).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    const flat = niceTicks(3, 3, 4);
    expect(flat.min).toBeLessThan(3);
    expect(flat.max).toBeGreaterThan(3);
    expect(niceTicks(0, 0, 4).ticks).toContain(0);
  });
  it('survives non-finite input', () => {
    expect(niceTicks(Number.NaN, Number.POSITIVE_INFINITY, 4).ticks.every(Number.isFinite)).toBe(true);
  });
});

describe('formatTick', () => {
  it('abbreviates thousands and millions with as many decimals as the step needs', () => {
    expect(formatTick(50_000, 50_000)).toBe('50k');
    expect(formatTick(100_000, 50_000)).toBe('100k');
    expect(formatTick(2_500, 500)).toBe('2.5k');
    expect(formatTick(1_250_000, 250_000)).toBe('1.25M');
    expect(formatTick(3e9, 1e9)).toBe('3G');
  });
  it('keeps small steps in plain numbers', () => {
    expect(formatTick(250, 50)).toBe('250');
    expect(formatTick(0.2, 0.2)).toBe('0.2');
    expect(formatTick(0.15, 0.05)).toBe('0.15');
    expect(formatTick(1500, 10)).toBe('1500');
  });
  it('writes zero as 0 and negatives with a true minus sign', () => {
    expect(formatTick(0, 0.1)).toBe('0');
    expect(formatTick(1e-17, 0.1)).toBe('0');
    expect(formatTick(-0.5, 0.5)).toBe('−0.5');
    expect(formatTick(-20_000, 10_000)).toBe('−20k');
  });
  it('writes values below 0.001 as powers of ten', () => {
    expect(formatTick(1e-4, 1e-4)).toBe('1e-4');
    expect(formatTick(2.5e-5, 5e-6)).toBe('2.5e-5');
  });
});

describe('logTicks', () => {
  it('lists the powers of ten around the data', () => {
    expect(logTicks(5e-6, 3e-4)).toEqual([1e-6, 1e-5, 1e-4, 1e-3]);
    expect(logTicks(1, 1)).toEqual([1, 10]);
  });
  it('thins a wide range to at most about maxTicks, still reaching above max', () => {
    const ticks = logTicks(1e-12, 1e3, 6);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]).toBe(1e-12);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(1e3);
  });
  it('labels powers of ten plainly near 1 and as 1eN far from it', () => {
    expect(logTicks(1e-6, 1e7).map(formatLogTick)).toContain('1e-6');
    expect(formatLogTick(0.01)).toBe('0.01');
    expect(formatLogTick(1000)).toBe('1k');
    expect(formatLogTick(1e7)).toBe('1e7');
  });
});
