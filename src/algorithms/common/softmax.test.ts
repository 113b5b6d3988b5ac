import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { actionForUniform, sampleAction, softmax } from './softmax';

describe('softmax', () => {
  it('gives π = (1/4, 3/4) for logits (0, ln 3) and its entropy', () => {
    const probs = new Float64Array(2);
    const entropy = softmax([0, Math.log(3)], probs);
    expect(probs[0]).toBeCloseTo(0.25, 12);
    expect(probs[1]).toBeCloseTo(0.75, 12);
    expect(entropy).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 12);
  });

  it('is uniform with entropy ln K for equal logits, and does not overflow for huge ones', () => {
    const probs = new Float64Array(4);
    expect(softmax([2, 2, 2], probs)).toBeCloseTo(Math.log(3), 12);
    expect(Array.from(probs.subarray(0, 3))).toEqual([1 / 3, 1 / 3, 1 / 3].map((p) => expect.closeTo(p, 12)));
    softmax([1000, 1000, -1000], probs);
    expect(probs[0]).toBeCloseTo(0.5, 12);
    expect(probs[2]).toBe(0);
  });
});

describe('sampling an action', () => {
  it('maps u to the last action whose tail sum exceeds it (two actions: 1 iff u < π_1)', () => {
    const probs = [0.2, 0.3, 0.5];
    expect(actionForUniform(probs, 0)).toBe(2);
    expect(actionForUniform(probs, 0.49)).toBe(2);
    expect(actionForUniform(probs, 0.5)).toBe(1);
    expect(actionForUniform(probs, 0.79)).toBe(1);
    expect(actionForUniform(probs, 0.8)).toBe(0);
    expect(actionForUniform([0.6, 0.4], 0.39)).toBe(1);
    expect(actionForUniform([0.6, 0.4], 0.4)).toBe(0);
  });

  it('draws each action with its probability', () => {
    const rng = createRng(8);
    const probs = [0.1, 0.6, 0.3];
    const counts = [0, 0, 0];
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[sampleAction(probs, rng)]++;
    counts.forEach((c, k) => expect(c / n).toBeCloseTo(probs[k], 2));
  });
});
