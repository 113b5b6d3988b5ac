import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import { initialReferenceWeights, makeReferenceData, referenceTrainer, validateReferenceConfig, type ReferenceConfig } from './referenceModel';
import type { Trainer } from './trainer';

const config: ReferenceConfig = { inputs: 2, hidden: [3], batch: 4, learningRate: 0.1, datasetSize: 4 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Independent forward/backward pass in plain numbers for a 2-3-1 ReLU MLP, MSE, SGD. */
function referenceSgdStep(w: number[][], x: number[][], y: number[], lr: number): { loss: number; next: number[][] } {
  const [W1, b1, W2, b2] = w; // W1: 2x3 row-major, b1: 3, W2: 3x1, b2: 1
  const n = x.length;
  const gW1 = new Array(6).fill(0), gb1 = new Array(3).fill(0), gW2 = new Array(3).fill(0);
  let gb2 = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = [0, 1, 2].map((j) => x[i][0] * W1[j] + x[i][1] * W1[3 + j] + b1[j]);
    const h = z.map((v) => Math.max(0, v));
    const out = h[0] * W2[0] + h[1] * W2[1] + h[2] * W2[2] + b2[0];
    const err = out - y[i];
    loss += (err * err) / n;
    const dOut = (2 * err) / n;
    gb2 += dOut;
    for (let j = 0; j < 3; j++) {
      gW2[j] += dOut * h[j];
      const dz = z[j] > 0 ? dOut * W2[j] : 0;
      gb1[j] += dz;
      gW1[j] += dz * x[i][0];
      gW1[3 + j] += dz * x[i][1];
    }
  }
  const next = [W1.map((v, k) => v - lr * gW1[k]), b1.map((v, k) => v - lr * gb1[k]), W2.map((v, k) => v - lr * gW2[k]), [b2[0] - lr * gb2]];
  return { loss, next };
}

describe('reference model', () => {
  it('matches a hand-written SGD step (loss before the update, weights after)', async () => {
    const seed = 3;
    // Recreate the trainer's seeded streams exactly as create() derives them.
    const root = createRng(seed);
    const data = makeReferenceData(config, createRng(root.fork()));
    const init = initialReferenceWeights(config, createRng(root.fork()));
    const batchRng = createRng(root.fork());
    const rows = Array.from({ length: config.batch }, () => batchRng.int(config.datasetSize));
    const x = rows.map((r) => [data.x[2 * r], data.x[2 * r + 1]]);
    const y = rows.map((r) => data.y[r]);
    const expected = referenceSgdStep(init.tensors.map((t) => Array.from(t.values)), x, y, config.learningRate);

    const trainer = await referenceTrainer.create(config, seed);
    const result = await trainer.step();
    const after = await trainer.getWeights();
    trainer.dispose();
    expect(result.metrics.loss).toBeCloseTo(expected.loss, 5);
    after.tensors.forEach((t, i) => Array.from(t.values).forEach((v, k) => expect(v).toBeCloseTo(expected.next[i][k], 5)));
  });

  it('builds the teacher targets y = sin(a·x) + 0.5 cos(b·x) in [-1.5, 1.5]', () => {
    const { y } = makeReferenceData({ ...config, datasetSize: 200 }, createRng(1));
    expect(Math.max(...y)).toBeLessThanOrEqual(1.5);
    expect(Math.min(...y)).toBeGreaterThanOrEqual(-1.5);
  });

  it('explains invalid configs', () => {
    expect(() => validateReferenceConfig({ ...config, hidden: [] })).toThrow(/between 1 and 4 hidden layers/);
    expect(() => validateReferenceConfig({ ...config, batch: 8 })).toThrow(/at least the batch size/);
    expect(() => validateReferenceConfig({ ...config, learningRate: Number.NaN })).toThrow(/Learning rate/);
  });
});

describe('reference model checkpoints', () => {
  const tiny: ReferenceConfig = { inputs: 3, hidden: [8, 8], batch: 8, learningRate: 0.05, datasetSize: 64 };
  const losses = async (trainer: Trainer, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await trainer.step()).metrics.loss);
    return out;
  };

  it('checkpoint, tear down and restore (also into a trainer of another seed) = never interrupted', async () => {
    const a = await referenceTrainer.create(tiny, 3);
    const straight = await losses(a, 8);
    const finalA = await a.checkpoint!();
    a.dispose();
    const b = await referenceTrainer.create(tiny, 3);
    await losses(b, 5);
    const saved = await b.checkpoint!();
    b.dispose();
    expect(saved.modelId).toBe('reference-mlp/sgd/3-8-8-1');
    // Same seed, and another seed (its data set is redrawn from the checkpoint's seed).
    for (const seed of [3, 4]) {
      const c = await referenceTrainer.create(tiny, seed);
      await c.restore!(saved);
      expect(await losses(c, 3)).toEqual(straight.slice(5));
      expect(await c.checkpoint!()).toEqual(finalA);
      c.dispose();
    }
    const fresh = await referenceTrainer.create(tiny, 3);
    expect(await losses(fresh, 3)).not.toEqual(straight.slice(5));
    fresh.dispose();
  });

  it('refuses another architecture or learning setting by name, and keeps numTensors flat', async () => {
    const before = tf.memory().numTensors;
    const a = await referenceTrainer.create(tiny, 3);
    await a.step();
    const saved = await a.checkpoint!();
    const wide = await referenceTrainer.create({ ...tiny, hidden: [8, 16] }, 3);
    expect(() => wide.restore!(saved)).toThrow(/checkpoint is of "reference-mlp\/sgd\/3-8-8-1", but this trainer is "reference-mlp\/sgd\/3-8-16-1"/);
    wide.dispose();
    const bigger = await referenceTrainer.create({ ...tiny, batch: 16 }, 3);
    expect(() => bigger.restore!(saved)).toThrow(/made with batch = 8; this trainer has batch = 16/);
    bigger.dispose();
    const afterOne = tf.memory().numTensors;
    for (let cycle = 0; cycle < 3; cycle++) {
      await a.restore!(await a.checkpoint!());
      await a.step();
    }
    expect(tf.memory().numTensors).toBe(afterOne);
    a.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
