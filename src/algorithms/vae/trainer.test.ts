import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { createRng } from '../common/rng';
import { DIGIT_PIXELS, parseDigits, type DigitData } from './digits';
import { initVae } from './plain';
import { encodeVaeWeights } from './weightsFile';
import { createVaeDefinition } from './trainer';
import { DEFAULT_VAE_CONFIG, validateVaeConfig, type VaeConfig } from './config';

const full = parseDigits(new Uint8Array(readFileSync(new URL('../../../public/data/mnist-10k.bin', import.meta.url))));
// A small slice keeps epochs short: 128 training digits, 64 held out.
const slice = (set: DigitData['train'], n: number) => ({ pixels: set.pixels.slice(0, n * DIGIT_PIXELS), labels: set.labels.slice(0, n), count: n });
const data: DigitData = { train: slice(full.train, 128), heldOut: slice(full.heldOut, 64) };
const shippedBytes = encodeVaeWeights(initVae({ latent: 2, hidden: 256 }, createRng(5)));
const definition = createVaeDefinition({ data: async () => data, shipped: async () => shippedBytes });
const cfg = (over: Partial<VaeConfig>): VaeConfig => ({ ...DEFAULT_VAE_CONFIG, start: 'scratch', hidden: 32, batchSize: 32, ...over });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('VAE trainer', () => {
  it('rejects settings out of range with a message that names them', () => {
    expect(() => validateVaeConfig(cfg({ latent: 17 }))).toThrow(/latent dimension must be a whole number from 2 to 16/);
    expect(() => validateVaeConfig(cfg({ hidden: 4 }))).toThrow(/hidden size/);
    expect(() => validateVaeConfig(cfg({ batchSize: 0 }))).toThrow(/batch size/);
    expect(() => validateVaeConfig(cfg({ learningRate: NaN }))).toThrow(/learning rate/);
    expect(() => validateVaeConfig(cfg({ start: 'shipped', latent: 4 }))).toThrow(/shipped model has a 2-D latent space/);
  });

  it('records one held-out evaluation per epoch and keeps numTensors flat', async () => {
    const trainer = await definition.create(cfg({}), 3);
    const counts: number[] = [];
    const heldOut: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await trainer.step();
      counts.push(tf.memory().numTensors);
      if (r.metrics.heldOutNegElbo !== undefined) heldOut.push(r.metrics.heldOutNegElbo);
    }
    expect(new Set(counts).size).toBe(1);
    expect(heldOut.length).toBe(3); // 128 / 32 = 4 steps per epoch
    const view = trainer.snapshotForView!();
    expect(view.records.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(view.records[2].heldOut.negElbo).toBeCloseTo(view.records[2].heldOut.recon + view.records[2].heldOut.kl, 6);
    expect(view.records[2].heldOut.negElbo).toBeLessThan(view.records[0].heldOut.negElbo);
    trainer.dispose();
  });

  it('resumes from a checkpoint exactly (cpu backend)', async () => {
    const a = await definition.create(cfg({ latent: 3, beta: 2 }), 7);
    for (let i = 0; i < 5; i++) await a.step();
    const state = await a.checkpoint!();
    const next = [];
    for (let i = 0; i < 4; i++) next.push((await a.step()).metrics.loss);
    const b = await definition.create(cfg({ latent: 3, beta: 2 }), 99);
    await b.restore!(state);
    const resumed = [];
    for (let i = 0; i < 4; i++) resumed.push((await b.step()).metrics.loss);
    expect(resumed).toEqual(next);
    await expect(Promise.resolve().then(() => b.restore!({ ...state, modelId: 'vae/2-32/run' }))).rejects.toThrow(/checkpoint is of/);
    a.dispose();
    b.dispose();
  });

  it('starts from the shipped weights and refuses weights of another shape', async () => {
    const shipped = await definition.create({ ...DEFAULT_VAE_CONFIG }, 1);
    const weights = await shipped.getWeights();
    expect(weights.modelId).toBe('vae/2-256');
    const small = await definition.create(cfg({}), 1);
    expect(() => small.setWeights(weights)).toThrow(/latent 2, hidden 32/);
    const bad = { ...weights, tensors: weights.tensors.map((t, i) => (i === 0 ? { ...t, values: t.values.map(() => NaN) } : t)) };
    expect(() => shipped.setWeights(bad)).toThrow(/damaged/);
    shipped.dispose();
    small.dispose();
  });
});
