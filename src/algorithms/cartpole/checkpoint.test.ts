import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metrics, RunState, Trainer } from '../runtime/trainer';
import { DEFAULT_CONFIG, type CartpoleConfig } from './config';
import { cartpoleTrainer, runStateId } from './trainer';

// Small batches keep each iteration at a few milliseconds on the cpu backend.
const small = { episodesPerBatch: 6, envs: 4, rolloutSteps: 32, valueSteps: 3, hidden1: 16 } satisfies Partial<CartpoleConfig>;
const reinforceValue: CartpoleConfig = { ...DEFAULT_CONFIG, ...small, baseline: 'value' };
const actorCritic: CartpoleConfig = { ...DEFAULT_CONFIG, ...small, algorithm: 'actor-critic', advantage: 'gae' };
const SEED = 21;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function steps(trainer: Trainer, n: number): Promise<Metrics[]> {
  const out: Metrics[] = [];
  for (let i = 0; i < n; i++) out.push((await trainer.step()).metrics);
  return out;
}

/** Trainer A runs N + M iterations; B runs N and is checkpointed and disposed; C restores and runs M. */
async function interrupted(config: CartpoleConfig, n: number, m: number, makeC = () => cartpoleTrainer.create(config, SEED)) {
  const a = await cartpoleTrainer.create(config, SEED);
  const straight = await steps(a, n + m);
  const finalA = await a.checkpoint!();
  a.dispose();

  const b = await cartpoleTrainer.create(config, SEED);
  await steps(b, n);
  const saved = await b.checkpoint!();
  b.dispose();
  const c = await makeC();
  await c.restore!(saved);
  const resumed = await steps(c, m);
  const finalC = await c.checkpoint!();
  c.dispose();
  return { straight: straight.slice(n), resumed, finalA, finalC, saved };
}

describe('cart-pole checkpoints', () => {
  for (const [label, config] of [
    ['REINFORCE with a learned value baseline', reinforceValue],
    ['actor-critic with GAE', actorCritic],
  ] as const) {
    it(`${label}: checkpoint, tear down, restore into a fresh trainer = never interrupted (exact on cpu)`, async () => {
      const { straight, resumed, finalA, finalC, saved } = await interrupted(config, 3, 3);
      // The checkpoint holds both networks and both optimisers' moments.
      const names = saved.tensors.map((t) => t.name);
      for (const name of ['policy/w0', 'policy/b1', 'value/w0', 'policyAdam/m0', 'policyAdam/v3', 'valueAdam/m0', 'valueAdam/v3']) expect(names).toContain(name);
      expect(resumed).toEqual(straight);
      // Every weight, moment, RNG counter, environment copy and counter at the end.
      expect(finalC).toEqual(finalA);
    });
  }

  it('actor-critic: a checkpoint before the first iteration (no copies running, no Adam moments) resumes exactly too', async () => {
    const { straight, resumed, finalA, finalC, saved } = await interrupted(actorCritic, 0, 2);
    expect(saved.data.acEnv).toBeNull();
    expect(saved.tensors.some((t) => t.name.includes('Adam'))).toBe(false);
    expect(resumed).toEqual(straight);
    expect(finalC).toEqual(finalA);
  });

  it('restoring overwrites everything: a trainer of another seed that has already trained continues the saved run', async () => {
    const { straight, resumed, finalA, finalC } = await interrupted(actorCritic, 2, 2, async () => {
      const other = await cartpoleTrainer.create(actorCritic, SEED + 1);
      await steps(other, 2);
      return other;
    });
    expect(resumed).toEqual(straight);
    expect(finalC).toEqual(finalA);
  });

  it('without restore the same seed does not continue the run (the comparison above can fail)', async () => {
    const a = await cartpoleTrainer.create(actorCritic, SEED);
    const straight = await steps(a, 4);
    a.dispose();
    const fresh = await cartpoleTrainer.create(actorCritic, SEED);
    const notResumed = await steps(fresh, 2);
    fresh.dispose();
    expect(notResumed).not.toEqual(straight.slice(2));
  });

  it('refuses a checkpoint of another algorithm, architecture or setting, or a damaged one, naming the mismatch and changing nothing', async () => {
    const source = await cartpoleTrainer.create(reinforceValue, SEED);
    await source.step();
    const saved = await source.checkpoint!();
    source.dispose();
    expect(saved.modelId).toBe('cartpole/reinforce+value/pi4-16-2/v4-16-1');
    expect(runStateId(actorCritic)).toBe('cartpole/ac/pi4-16-2/v4-16-1');

    const target = await cartpoleTrainer.create(reinforceValue, SEED);
    await target.step();
    const before = await target.checkpoint!();
    const refuse = async (into: Trainer, state: RunState, message: RegExp) => {
      await expect(Promise.resolve().then(() => into.restore!(state))).rejects.toThrow(message);
    };
    const ac = await cartpoleTrainer.create(actorCritic, SEED);
    await refuse(ac, saved, /checkpoint is of "cartpole\/reinforce\+value\/pi4-16-2\/v4-16-1", but this trainer is "cartpole\/ac\/pi4-16-2\/v4-16-1"/);
    ac.dispose();
    const wide = await cartpoleTrainer.create({ ...reinforceValue, hidden1: 32 }, SEED);
    await refuse(wide, saved, /but this trainer is "cartpole\/reinforce\+value\/pi4-32-2\/v4-32-1"/);
    wide.dispose();
    const otherRate = await cartpoleTrainer.create({ ...reinforceValue, learningRate: 0.01 }, SEED);
    await refuse(otherRate, saved, /made with learningRate = 0.02; this trainer has learningRate = 0.01/);
    otherRate.dispose();

    const withNaN = structuredClone(saved);
    withNaN.tensors.find((t) => t.name === 'valueAdam/v1')!.values[0] = Number.NaN;
    await refuse(target, withNaN, /Tensor "valueAdam\/v1" holds non-finite values/);
    const reshaped = structuredClone(saved);
    reshaped.tensors.find((t) => t.name === 'policy/w1')!.shape = [2, 16];
    await refuse(target, reshaped, /Tensor "policy\/w1" should have shape \[16, 2\]; the checkpoint has \[2,16\]/);
    const noRng = structuredClone(saved);
    delete noRng.data.rng;
    await refuse(target, noRng, /The checkpoint has no "rng"/);
    const badWindow = structuredClone(saved);
    badWindow.data.recent = [1, Number.POSITIVE_INFINITY];
    await refuse(target, badWindow, /"recent" holds an entry that is not a finite number/);
    // Refused restores left the trainer as it was.
    expect(await target.checkpoint!()).toEqual(before);
    target.dispose();
  });

  it('tf.memory().numTensors stays flat over checkpoint/restore cycles, optimiser variables included', async () => {
    const start = tf.memory().numTensors;
    for (const config of [reinforceValue, actorCritic]) {
      const trainer = await cartpoleTrainer.create(config, SEED);
      await trainer.step();
      const afterOne = tf.memory().numTensors;
      for (let cycle = 0; cycle < 3; cycle++) {
        const state = await trainer.checkpoint!();
        await trainer.restore!(state);
        await trainer.step();
        expect(tf.memory().numTensors).toBe(afterOne);
      }
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
  });
});
