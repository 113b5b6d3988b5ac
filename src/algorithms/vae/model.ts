/**
 * The VAE in tfjs (training). Same layout as plain.ts: encoder 784 → H → H → 2L (μ, log σ²),
 * decoder L → H → H → 784 logits, ReLU hidden layers.
 *
 * Loss per batch, in nats per image (sums over pixels and latent dimensions, mean over the batch):
 *   recon = −Σ_p [x_p ℓ_p − softplus(ℓ_p)]          (binary cross-entropy against grey x_p)
 *   KL    = ½ Σ_j (σ_j² + μ_j² − 1 − log σ_j²)
 *   loss  = recon + β · KL,   z = μ + σ ⊙ ε with ε ~ N(0, I) drawn by the caller (seeded).
 * The negative ELBO is recon + KL (β = 1), whatever β training uses.
 */
import * as tf from '@tensorflow/tfjs';
import { TfMlp } from '../common/tfMlp';
import type { Rng } from '../common/rng';
import { DIGIT_PIXELS, digitBatch, type DigitSet } from './digits';
import type { VaeShape, VaeWeights } from './plain';

export interface LossParts {
  /** Mean over the batch of the summed binary cross-entropy (nats per image). */
  recon: number;
  /** Mean over the batch of the analytic KL (nats per image). */
  kl: number;
  /** recon + kl: the negative ELBO. */
  negElbo: number;
}

export class TfVae {
  readonly shape: VaeShape;
  readonly encoder: TfMlp;
  readonly decoder: TfMlp;

  constructor(weights: VaeWeights) {
    this.shape = { latent: weights.latent, hidden: weights.hidden };
    this.encoder = new TfMlp(weights.encoder, 'vae-enc', 'relu');
    this.decoder = new TfMlp(weights.decoder, 'vae-dec', 'relu');
  }

  get vars(): tf.Variable[] {
    return [...this.encoder.vars, ...this.decoder.vars];
  }

  /** μ [N, L] and log σ² [N, L] of images x [N, 784]. */
  encode(x: tf.Tensor2D): { mu: tf.Tensor2D; logVar: tf.Tensor2D } {
    return tf.tidy(() => {
      const out = this.encoder.apply(x);
      const [mu, logVar] = tf.split(out, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      return { mu, logVar };
    });
  }

  /** The three parts as scalars, for images x [N, 784] and noise ε [N, L]. */
  lossTensors(x: tf.Tensor2D, eps: tf.Tensor2D): { recon: tf.Scalar; kl: tf.Scalar } {
    return tf.tidy(() => {
      const { mu, logVar } = this.encode(x);
      const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps)) as tf.Tensor2D;
      const logits = this.decoder.apply(z);
      const recon = tf.mean(tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1)) as tf.Scalar;
      const kl = tf.mul(tf.mean(tf.sum(tf.sub(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), 1), logVar), 1)), 0.5) as tf.Scalar;
      return { recon, kl };
    });
  }

  /** One optimiser step on loss = recon + β·KL; returns the batch's parts (read back). */
  async trainStep(optimizer: tf.Optimizer, x: tf.Tensor2D, eps: tf.Tensor2D, beta: number): Promise<LossParts> {
    let parts: tf.Scalar[] = [];
    const loss = optimizer.minimize(
      () => {
        const { recon, kl } = this.lossTensors(x, eps);
        parts = [tf.keep(recon), tf.keep(kl)];
        return tf.add(recon, tf.mul(kl, beta)) as tf.Scalar;
      },
      false,
      this.vars,
    );
    loss?.dispose();
    const [recon, kl] = await Promise.all(parts.map(async (t) => (await t.data())[0]));
    tf.dispose(parts);
    return { recon, kl, negElbo: recon + kl };
  }

  /** The one-sample estimate of recon, KL and −ELBO over a whole set, batch by batch. */
  async evaluate(set: DigitSet, rng: Rng, batchSize = 500): Promise<LossParts> {
    let recon = 0;
    let kl = 0;
    for (let start = 0; start < set.count; start += batchSize) {
      const n = Math.min(batchSize, set.count - start);
      const indices = Array.from({ length: n }, (_, k) => start + k);
      const x = tf.tensor2d(digitBatch(set, indices), [n, DIGIT_PIXELS]);
      const eps = tf.tensor2d(normals(rng, n * this.shape.latent), [n, this.shape.latent]);
      const parts = this.lossTensors(x, eps);
      const [r, k] = await Promise.all([parts.recon.data(), parts.kl.data()]);
      recon += r[0] * n;
      kl += k[0] * n;
      tf.dispose([x, eps, parts.recon, parts.kl]);
    }
    recon /= set.count;
    kl /= set.count;
    return { recon, kl, negElbo: recon + kl };
  }

  async read(): Promise<VaeWeights> {
    const [encoder, decoder] = await Promise.all([this.encoder.read(), this.decoder.read()]);
    return { ...this.shape, encoder, decoder };
  }

  assign(weights: VaeWeights): void {
    this.encoder.assign(weights.encoder);
    this.decoder.assign(weights.decoder);
  }

  dispose(): void {
    this.encoder.dispose();
    this.decoder.dispose();
  }
}

/** n standard normals from the seeded generator (the ε of the reparameterisation). */
export function normals(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** A fresh shuffled order of 0 … n − 1 (Fisher–Yates with the seeded generator). */
export function shuffledIndices(rng: Rng, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
