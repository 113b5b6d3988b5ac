import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DIGIT_PIXELS, decodeZeroRuns, encodeZeroRuns, packDigits, parseDigits, type DigitSet } from './digits';

const ASSET = new URL('../../../public/data/mnist-10k.bin', import.meta.url);
const data = parseDigits(new Uint8Array(readFileSync(ASSET)));
const require = createRequire(import.meta.url);

const key = (set: DigitSet, i: number) => Buffer.from(set.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS)).toString('base64');

describe('digit asset', () => {
  it('zero-run coding round-trips edge cases (long runs, ink at the ends, all blank)', () => {
    const cases = [new Uint8Array(0), new Uint8Array(1000), Uint8Array.from([5, 0, 0, 7]), Uint8Array.from({ length: 600 }, (_, i) => (i % 300 === 299 ? 9 : 0))];
    for (const c of cases) expect(decodeZeroRuns(encodeZeroRuns(c), c.length)).toEqual(c);
    expect(() => decodeZeroRuns(Uint8Array.from([0, 3]), 2)).toThrow(/broken run/);
    expect(() => parseDigits(Uint8Array.from([1, 2, 3]))).toThrow(/too short/);
  });

  it('packs and parses back the same labels, pixels and split', () => {
    const labels = Uint8Array.from([3, 1, 4]);
    const pixels = Uint8Array.from({ length: 3 * DIGIT_PIXELS }, (_, i) => (i * 7) % 5 === 0 ? (i % 256) : 0);
    const back = parseDigits(packDigits(labels, pixels, 2));
    expect([...back.train.labels, ...back.heldOut.labels]).toEqual([3, 1, 4]);
    expect(back.train.count).toBe(2);
    expect(back.heldOut.pixels).toEqual(pixels.subarray(2 * DIGIT_PIXELS));
  });

  it('holds 8,000 training and 2,000 held-out digits with no image in both', () => {
    expect(data.train.count).toBe(8000);
    expect(data.heldOut.count).toBe(2000);
    expect(data.train.pixels.length).toBe(8000 * DIGIT_PIXELS);
    const trainKeys = new Set(Array.from({ length: data.train.count }, (_, i) => key(data.train, i)));
    let shared = 0;
    for (let i = 0; i < data.heldOut.count; i++) if (trainKeys.has(key(data.heldOut, i))) shared++;
    expect(shared).toBe(0);
  });

  it('keeps the label balance: each class holds out 20 % of its digits, within one', () => {
    const counts = (set: DigitSet) => Array.from({ length: 10 }, (_, d) => set.labels.filter((l) => l === d).length);
    const train = counts(data.train);
    const held = counts(data.heldOut);
    for (let d = 0; d < 10; d++) {
      const n = train[d] + held[d];
      expect(Math.abs(held[d] - 0.2 * n)).toBeLessThanOrEqual(1);
      expect(held[d]).toBeGreaterThan(150);
    }
  });

  it('every pixel equals the package digit it came from (intensity · 255, rounded)', () => {
    // Each package digit (by class) appears once in the asset, as the same 784 bytes.
    const assetKeys = new Map<string, number>();
    for (const set of [data.train, data.heldOut]) {
      for (let i = 0; i < set.count; i++) assetKeys.set(key(set, i), set.labels[i]);
    }
    let matched = 0;
    let total = 0;
    for (let d = 0; d < 10; d++) {
      const raw: number[] = require(`mnist/src/digits/${d}.json`).data;
      const n = raw.length / DIGIT_PIXELS;
      for (let i = 0; i < n; i++) {
        const img = new Uint8Array(DIGIT_PIXELS);
        for (let p = 0; p < DIGIT_PIXELS; p++) img[p] = Math.round(raw[i * DIGIT_PIXELS + p] * 255);
        total++;
        if (assetKeys.get(Buffer.from(img).toString('base64')) === d) matched++;
      }
      // spot-check the values themselves: stored byte / 255 is within rounding of the package's number
      const first = raw.slice(0, DIGIT_PIXELS).map((v) => Math.round(v * 255) / 255);
      first.forEach((v, p) => expect(Math.abs(v - raw[p])).toBeLessThan(0.0025));
    }
    expect(total).toBe(10000);
    expect(matched).toBe(10000);
  });
});
