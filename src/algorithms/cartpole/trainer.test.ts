import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { decodeWeightFile, encodeWeightFile } from '../runtime/weightFile';
import { createRng } from '../common/rng';
import { DEFAULT_CONFIG, validateConfig, type CartpoleConfig } from './config';
import { cartpoleTrainer } from './trainer';
import { VecCartPole } from './env';
import { mlpForward, mlpFromSnapshot, mlpScratch } from '../common/mlp';
import { sampleAction, softmax } from '../common/softmax';

const cfg = (over: Partial<CartpoleConfig>): CartpoleConfig => ({ ...DEFAULT_CONFIG, ...over });
const PRETRAINED = new URL('../../../public/models/cartpole/policy.json', import.meta.url);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('cartpole trainers', () => {
  for (const [label, over] of [
    ['REINFORCE with a learned value baseline', { baseline: 'value', hidden2: 16 }],
    ['actor-critic with GAE', { algorithm: 'actor-critic', envs: 4, rolloutSteps: 64 }],
    ['actor-critic with n-step returns', { algorithm: 'actor-critic', advantage: 'nstep', envs: 4, rolloutSteps: 64 }],
  ] as [string, Partial<CartpoleConfig>][]) {
    it(`${label}: tf.memory().numTensors stays flat and returns to zero`, async () => {
      const before = tf.memory().numTensors;
      const trainer = await cartpoleTrainer.create(cfg(over), 3);
      await trainer.step();
      const afterOne = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        const { metrics, watch } = await trainer.step();
        for (const key of watch) expect(Number.isFinite(metrics[key])).toBe(true);
      }
      expect(tf.memory().numTensors).toBe(afterOne);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('the defaults solve CartPole-v1: mean return over the last 100 episodes reaches 475', async () => {
    const trainer = await cartpoleTrainer.create(DEFAULT_CONFIG, 1);
    let best = 0;
    for (let i = 0; i < 80 && best < 475; i++) {
      const { metrics } = await trainer.step();
      if (metrics.totalEpisodes >= 100) best = Math.max(best, metrics.return100);
    }
    trainer.dispose();
    expect(best).toBeGreaterThanOrEqual(475);
  });

  it('the same seed gives the same run on the cpu backend, another seed a different one', async () => {
    const run = async (seed: number) => {
      const trainer = await cartpoleTrainer.create(cfg({ baseline: 'value' }), seed);
      const out = [(await trainer.step()).metrics, (await trainer.step()).metrics];
      trainer.dispose();
      return out;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect((await run(6))[1].loss).not.toBe(a[1].loss);
  });

  it('reward-to-go with a baseline has lower gradient variance than the whole-trajectory return', async () => {
    const variance = async (over: Partial<CartpoleConfig>) => {
      let total = 0;
      for (const seed of [1, 2, 3]) {
        const trainer = await cartpoleTrainer.create(cfg({ normalize: false, episodesPerBatch: 32, ...over }), seed);
        total += (await trainer.step()).metrics.gradVariance;
        trainer.dispose();
      }
      return total;
    };
    const plain = await variance({ returnKind: 'trajectory', baseline: 'none' });
    const better = await variance({ returnKind: 'reward-to-go', baseline: 'mean' });
    expect(better).toBeLessThan(0.5 * plain);
  });

  it('weights round-trip, and a policy of another shape is refused with a readable message', async () => {
    const a = await cartpoleTrainer.create(DEFAULT_CONFIG, 1);
    const b = await cartpoleTrainer.create(DEFAULT_CONFIG, 2);
    await a.step();
    const weights = await a.getWeights();
    b.setWeights(weights);
    expect(await b.getWeights()).toEqual(weights);
    const wide = await cartpoleTrainer.create(cfg({ hidden1: 64 }), 1);
    expect(() => wide.setWeights(weights)).toThrow(/cartpole-policy\/4-32-2.*cartpole-policy\/4-64-2/);
    [a, b, wide].forEach((t) => t.dispose());
  });

  it('rejects settings out of range, non-numeric or unknown with the setting named', () => {
    expect(() => validateConfig(cfg({ gamma: 1.5 }))).toThrow(/"gamma" must be between 0.8 and 1/);
    expect(() => validateConfig(cfg({ learningRate: Number.NaN }))).toThrow(/"learningRate" must be a number/);
    expect(() => validateConfig(cfg({ hidden1: 3.5 }))).toThrow(/"hidden1" must be a whole number/);
    expect(() => validateConfig(cfg({ baseline: 'median' as never }))).toThrow(/"baseline" must be one of none, mean, value/);
    expect(() => validateConfig(DEFAULT_CONFIG)).not.toThrow();
  });
});

describe('the shipped pre-trained policy', () => {
  it('fits the default network and balances the pole for 500 steps (sampled actions, 20 episodes)', () => {
    const file = decodeWeightFile(readFileSync(PRETRAINED, 'utf8'), cartpoleTrainer.id);
    const net = mlpFromSnapshot(file.snapshot);
    expect(net.sizes).toEqual([4, DEFAULT_CONFIG.hidden1, 2]);
    const rng = createRng(99);
    const env = new VecCartPole(20, rng);
    const scratch = mlpScratch(net.sizes);
    const probs = new Float64Array(2);
    const active = new Uint8Array(20).fill(1);
    const lengths = new Int32Array(20);
    const actions = new Uint8Array(20);
    for (let t = 0; t < 500; t++) {
      for (let i = 0; i < 20; i++) {
        softmax(mlpForward(net, env.obs, i * 4, scratch), probs);
        actions[i] = sampleAction(probs, rng);
      }
      env.step(actions, false, active);
      for (let i = 0; i < 20; i++) {
        if (!active[i]) continue;
        lengths[i]++;
        if (env.terminated[i] || env.truncated[i]) active[i] = 0;
      }
    }
    const meanLength = lengths.reduce((a, b) => a + b, 0) / 20;
    expect(meanLength).toBeGreaterThanOrEqual(475);
  });

  // Regenerates public/models/cartpole/policy.json: CARTPOLE_PRETRAIN=1 npx vitest run src/algorithms/cartpole/trainer.test.ts
  it.runIf(process.env.CARTPOLE_PRETRAIN)('trains the shipped policy with the default REINFORCE', async () => {
    const trainer = await cartpoleTrainer.create(DEFAULT_CONFIG, 7);
    let iteration = 0;
    let streak = 0;
    while (streak < 5 && iteration < 200) {
      const { metrics } = await trainer.step();
      iteration++;
      streak = metrics.totalEpisodes >= 100 && metrics.return100 >= 490 && metrics.minReturn === 500 ? streak + 1 : 0;
    }
    expect(streak).toBe(5);
    mkdirSync(new URL('.', PRETRAINED), { recursive: true });
    writeFileSync(PRETRAINED, encodeWeightFile({ trainerId: cartpoleTrainer.id, iteration, snapshot: await trainer.getWeights() }, new Date('2025-01-01T00:00:00Z')) + '\n');
    trainer.dispose();
  });
});
