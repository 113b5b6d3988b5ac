import { describe, expect, it } from 'vitest';
import { initMlp, mlpForward, mlpFromTensors, mlpLayout, mlpScratch, mlpToTensors, type MlpWeights } from './mlp';
import { createRng } from './rng';

/** 2 → 2 → 1 with hand-picked weights. */
const net: MlpWeights = {
  sizes: [2, 2, 1],
  layers: [
    { w: Float32Array.from([1, -1, 0.5, 2]), b: Float32Array.from([0, -1]) },
    { w: Float32Array.from([2, -3]), b: Float32Array.from([0.5]) },
  ],
};

describe('plain MLP', () => {
  it('forward pass matches a hand computation, with tanh and with ReLU hidden layers', () => {
    // x = (1, 2): z = x W + b = (1·1 + 2·0.5 + 0, 1·(−1) + 2·2 − 1) = (2, 2).
    const x = [9, 1, 2]; // read from offset 1
    const scratch = mlpScratch(net.sizes);
    expect(mlpForward(net, x, 1, scratch)[0]).toBeCloseTo(2 * Math.tanh(2) - 3 * Math.tanh(2) + 0.5, 12);
    expect(mlpForward(net, x, 1, scratch, 'relu')[0]).toBeCloseTo(2 * 2 - 3 * 2 + 0.5, 12);
    // x = (−1, 0): z = (−1, 0); ReLU zeroes the first unit.
    expect(mlpForward(net, [-1, 0], 0, scratch, 'relu')[0]).toBeCloseTo(0.5, 12);
  });

  it('initialises Glorot-uniform within ±√(6/(in+out)), zero biases, the output layer scaled', () => {
    const a = initMlp([4, 32, 2], createRng(1), 0.01);
    const limit = (i: number, o: number) => Math.sqrt(6 / (i + o));
    expect(Math.max(...a.layers[0].w.map(Math.abs))).toBeLessThanOrEqual(limit(4, 32));
    expect(Math.max(...a.layers[0].w.map(Math.abs))).toBeGreaterThan(0.9 * limit(4, 32));
    expect(Math.max(...a.layers[1].w.map(Math.abs))).toBeLessThanOrEqual(0.01 * limit(32, 2));
    expect(a.layers.every((l) => l.b.every((v) => v === 0))).toBe(true);
    expect(initMlp([4, 32, 2], createRng(1), 0.01)).toEqual(a);
  });

  it('named tensors round-trip, with the default and with custom names', () => {
    const tensors = mlpToTensors(net);
    expect(tensors.map((t) => [t.name, t.shape])).toEqual(mlpLayout(net.sizes).map((t) => [t.name, t.shape]));
    expect(tensors.map((t) => t.name)).toEqual(['w0', 'b0', 'w1', 'b1']);
    expect(mlpFromTensors(tensors)).toEqual(net);
    const named = mlpToTensors(net, (l) => [`dense${l}/kernel`, `dense${l}/bias`]);
    expect(named[2]).toEqual({ name: 'dense1/kernel', shape: [2, 1], values: Float32Array.from([2, -3]) });
  });
});
