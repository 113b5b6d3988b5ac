import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamFromRunState, adamToRunState, createAdam, readAdam, type AdamState } from './adamState';
import { RunStateReader } from './runState';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const shapes = [[2, 3], [3]];

/** Variables w [2, 3], b [3] and the loss Σ (x w + b − y)² on a fixed input. */
function problem() {
  const variable = (init: tf.Tensor) => {
    const v = tf.variable(init);
    init.dispose();
    return v;
  };
  const w = variable(tf.tensor2d([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]));
  const b = variable(tf.tensor1d([0.05, -0.05, 0]));
  const x = tf.tensor2d([[1, 2], [-1, 0.5]]);
  const y = tf.tensor2d([[1, 0, -1], [0.5, 0.5, 0.5]]);
  const loss = () => tf.sum(tf.square(tf.sub(tf.add(tf.matMul(x, w), b), y))) as tf.Scalar;
  const run = (optimizer: tf.Optimizer, n: number) => {
    for (let i = 0; i < n; i++) optimizer.minimize(loss, false, [w, b]);
  };
  const values = async () => [Array.from(await w.data()), Array.from(await b.data())];
  return { w, b, run, values, dispose: () => tf.dispose([w, b, x, y]) };
}

describe('Adam state', () => {
  it('a restored Adam continues exactly: moments, step count and the running powers β^(t+1)', async () => {
    const a = problem();
    const adamA = tf.train.adam(0.05);
    a.run(adamA, 20);
    const saved = await readAdam(adamA);
    expect(saved.iterations).toBe(20);
    expect(saved.firstMoments.map((m) => m.length)).toEqual([6, 3]);
    // The running product in float32, not pow(β, 21) in double.
    let product = Math.fround(0.9);
    for (let t = 0; t < 20; t++) product = Math.fround(product * Math.fround(0.9));
    expect(saved.accBeta1).toBe(product);

    const b = problem();
    b.w.assign(a.w);
    b.b.assign(a.b);
    const adamB = await createAdam(0.05, shapes, saved);
    a.run(adamA, 7);
    b.run(adamB, 7);
    expect(await b.values()).toEqual(await a.values());
    expect(await readAdam(adamB)).toEqual(await readAdam(adamA));
    [adamA, adamB].forEach((o) => o.dispose());
    a.dispose();
    b.dispose();
  });

  it('goes through a RunState and back unchanged, and refuses moments of another shape', async () => {
    const state: AdamState = {
      iterations: 3,
      accBeta1: Math.fround(0.9 ** 4),
      accBeta2: Math.fround(0.999 ** 4),
      firstMoments: [new Float32Array(6).fill(0.5), new Float32Array(3).fill(-1)],
      secondMoments: [new Float32Array(6).fill(2), new Float32Array(3).fill(3)],
    };
    const { tensors, data } = adamToRunState('opt', state, shapes);
    const reader = RunStateReader.open({ modelId: 'm', tensors, data: { opt: data } }, 'm');
    expect(adamFromRunState(reader, 'opt', shapes)).toEqual(state);
    expect(() => adamFromRunState(reader, 'opt', [[3, 2], [3]])).toThrow(/Tensor "opt\/m0" should have shape \[3, 2\]; the checkpoint has \[2,3\]/);
    expect(() => adamFromRunState(reader, 'opt', [[2, 3]])).toThrow(/moments for 2 variables; this network has 1/);
  });

  it('creating from a state and disposing leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const a = problem();
    const adam = tf.train.adam(0.05);
    a.run(adam, 2);
    const restored = await createAdam(0.05, shapes, await readAdam(adam));
    adam.dispose();
    restored.dispose();
    a.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
