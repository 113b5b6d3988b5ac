import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { createRng } from '../common/rng';
import { DIGIT_PIXELS, digitBatch, parseDigits } from './digits';
import { TfVae, normals } from './model';
import { PlainVae, bernoulliLogLik, gaussianKl, initVae } from './plain';
import { decodeVaeWeights, encodeVaeWeights, fromHalf, toHalf } from './weightsFile';

const data = parseDigits(new Uint8Array(readFileSync(new URL('../../../public/data/mnist-10k.bin', import.meta.url))));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Gaussian KL and the Bernoulli likelihood', () => {
  it('the analytic KL(N(μ, σ²) ‖ N(0, I)) matches a Monte Carlo estimate E_q[log q(z) − log p(z)]', () => {
    const rng = createRng(5);
    const mu = [0.7, -1.3, 0.2];
    const logVar = [-1.2, 0.4, -0.1];
    let sum = 0;
    const n = 200_000;
    for (let s = 0; s < n; s++) {
      for (let j = 0; j < mu.length; j++) {
        const sigma = Math.exp(0.5 * logVar[j]);
        const eps = rng.normal();
        const z = mu[j] + sigma * eps;
        // log q − log p per dimension (the 2π terms cancel)
        sum += -0.5 * logVar[j] - 0.5 * eps * eps + 0.5 * z * z;
      }
    }
    const mc = sum / n;
    const exact = gaussianKl(mu, logVar);
    // hand check of one dimension: ½(e^{−1.2} + 0.49 − 1 + 1.2)
    expect(gaussianKl([0.7], [-1.2])).toBeCloseTo(0.5 * (Math.exp(-1.2) + 0.49 - 1 + 1.2), 12);
    expect(Math.abs(mc - exact)).toBeLessThan(0.01);
    expect(gaussianKl([0, 0], [0, 0])).toBe(0);
  });

  it('log p(x|z) is minus the binary cross-entropy against grey targets', () => {
    const x = [0, 1, 0.25];
    const logits = [-2, 3, 0.5];
    const sig = (a: number) => 1 / (1 + Math.exp(-a));
    const bce = x.reduce((s, xi, p) => s - (xi * Math.log(sig(logits[p])) + (1 - xi) * Math.log(1 - sig(logits[p]))), 0);
    expect(bernoulliLogLik(x, 0, logits)).toBeCloseTo(-bce, 10);
  });
});

describe('the tfjs VAE', () => {
  it('its loss equals the plain-JS formula for the same ε', async () => {
    const weights = initVae({ latent: 3, hidden: 16 }, createRng(2));
    const vae = new TfVae(weights);
    const plain = new PlainVae(weights);
    const n = 4;
    const xs = digitBatch(data.heldOut, [0, 1, 2, 3]);
    const epsValues = normals(createRng(9), n * 3);
    const x = tf.tensor2d(xs, [n, DIGIT_PIXELS]);
    const eps = tf.tensor2d(epsValues, [n, 3]);
    const { recon, kl } = vae.lossTensors(x, eps);
    let wantRecon = 0;
    let wantKl = 0;
    for (let i = 0; i < n; i++) {
      const { mu, logVar } = plain.encode(xs, i * DIGIT_PIXELS);
      const z = mu.map((m, j) => m + Math.exp(0.5 * logVar[j]) * epsValues[i * 3 + j]);
      wantRecon -= bernoulliLogLik(xs, i * DIGIT_PIXELS, plain.decodeLogits(z)) / n;
      wantKl += gaussianKl(mu, logVar) / n;
    }
    expect((await recon.data())[0]).toBeCloseTo(wantRecon, 1);
    expect((await kl.data())[0]).toBeCloseTo(wantKl, 4);
    tf.dispose([x, eps, recon, kl]);
    vae.dispose();
  });

  it('training lowers the held-out −ELBO and tf.memory().numTensors stays flat over steps', async () => {
    const rng = createRng(4);
    const vae = new TfVae(initVae({ latent: 2, hidden: 32 }, rng));
    const optimizer = tf.train.adam(3e-3);
    const heldOut = { ...data.heldOut, count: 200 };
    const before = await vae.evaluate(heldOut, createRng(1));
    const counts: number[] = [];
    for (let step = 0; step < 60; step++) {
      const indices = Array.from({ length: 32 }, () => rng.int(data.train.count));
      const x = tf.tensor2d(digitBatch(data.train, indices), [32, DIGIT_PIXELS]);
      const eps = tf.tensor2d(normals(rng, 64), [32, 2]);
      await vae.trainStep(optimizer, x, eps, 1);
      tf.dispose([x, eps]);
      counts.push(tf.memory().numTensors);
    }
    const after = await vae.evaluate(heldOut, createRng(1));
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(after.negElbo).toBeLessThan(before.negElbo - 100);
    optimizer.dispose();
    vae.dispose();
  });
});

describe('β on the KL term', () => {
  // The β-VAE objective E_q[−log p(x|z)] + β KL(q ‖ p): the same start and the same batches, only β
  // differs. A larger β buys a smaller KL with a worse reconstruction (seeded, cpu: KL 2.43 → 0.29, recon 192.1 → 202.0 nats).
  it('raising β from 1 to 8 lowers the held-out KL and raises the reconstruction loss', async () => {
    const heldOut = { ...data.heldOut, count: 300 };
    const train = async (beta: number) => {
      const rng = createRng(11);
      const vae = new TfVae(initVae({ latent: 2, hidden: 32 }, createRng(3)));
      const optimizer = tf.train.adam(3e-3);
      for (let step = 0; step < 200; step++) {
        const indices = Array.from({ length: 32 }, () => rng.int(data.train.count));
        const x = tf.tensor2d(digitBatch(data.train, indices), [32, DIGIT_PIXELS]);
        const eps = tf.tensor2d(normals(rng, 64), [32, 2]);
        await vae.trainStep(optimizer, x, eps, beta);
        tf.dispose([x, eps]);
      }
      const result = await vae.evaluate(heldOut, createRng(1));
      optimizer.dispose();
      vae.dispose();
      return result;
    };
    const plain = await train(1);
    const heavy = await train(8);
    expect(heavy.kl).toBeLessThan(plain.kl * 0.5);
    expect(heavy.recon).toBeGreaterThan(plain.recon + 3);
  }, 60_000);
});

describe('importance-weighted bound', () => {
  // A briefly trained model: its decoder depends on z and its encoder is far from the true
  // posterior, so the gaps between the bounds are clear.
  it('ELBO ≤ L_50 on the same images, and L_K rises with K', async () => {
    const rng = createRng(11);
    const vae = new TfVae(initVae({ latent: 2, hidden: 32 }, rng));
    const optimizer = tf.train.adam(3e-3);
    for (let step = 0; step < 80; step++) {
      const indices = Array.from({ length: 32 }, () => rng.int(data.train.count));
      const x = tf.tensor2d(digitBatch(data.train, indices), [32, DIGIT_PIXELS]);
      const eps = tf.tensor2d(normals(rng, 64), [32, 2]);
      await vae.trainStep(optimizer, x, eps, 1);
      tf.dispose([x, eps]);
    }
    const plain = new PlainVae(await vae.read());
    optimizer.dispose();
    vae.dispose();
    const images = 40;
    const xs = digitBatch(data.heldOut, Array.from({ length: images }, (_, i) => i));
    const mean = (f: (offset: number) => number) => {
      let s = 0;
      for (let i = 0; i < images; i++) s += f(i * DIGIT_PIXELS);
      return s / images;
    };
    const elbo = mean((o) => plain.elbo(xs, o, createRng(o + 1), 50).elbo);
    const bound = (K: number) => mean((o) => plain.iwae(xs, o, createRng(o + 7), K));
    const [l1, l5, l50] = [bound(1), bound(5), bound(50)];
    expect(Math.abs(l1 - elbo)).toBeLessThan(5); // L_1 is a one-sample ELBO
    expect(elbo).toBeLessThan(l50 - 1);
    expect(l1).toBeLessThan(l5);
    expect(l5).toBeLessThan(l50);
  });
});

describe('weights file', () => {
  it('float16 rounding: exact for representable values, relative error ≤ 2⁻¹¹ otherwise', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -(2 ** -14)]) expect(fromHalf(toHalf(v))).toBe(v);
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const v = rng.uniform(-10, 10);
      expect(Math.abs(fromHalf(toHalf(v)) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 1e-7);
    }
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
  });

  it('round-trips the weights and rejects another shape or a damaged file', () => {
    const weights = initVae({ latent: 2, hidden: 8 }, createRng(1));
    const bytes = encodeVaeWeights(weights, { note: 'x' });
    const { weights: back, meta } = decodeVaeWeights(bytes, { latent: 2, hidden: 8 });
    expect(meta.note).toBe('x');
    back.decoder.layers.forEach((l, i) => l.w.forEach((v, k) => expect(v).toBeCloseTo(weights.decoder.layers[i].w[k], 2)));
    expect(() => decodeVaeWeights(bytes, { latent: 4 })).toThrow(/2-dimensional latent space; this model has 4/);
    expect(() => decodeVaeWeights(bytes, { hidden: 16 })).toThrow(/8 units; this model has 16/);
    expect(() => decodeVaeWeights(bytes.slice(0, bytes.length - 2))).toThrow(/values/);
    expect(() => decodeVaeWeights(new TextEncoder().encode('{"not":"weights"}'))).toThrow(/not a VAE weights file/);
  });
});
