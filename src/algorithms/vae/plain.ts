/**
 * The VAE on plain typed arrays (no tfjs): what the page decodes with, what tests check bounds
 * with. Encoder q(z|x) = N(μ(x), diag σ²(x)): an MLP 784 → H → H → 2L whose first L outputs are μ
 * and last L are log σ². Decoder p(x|z): an MLP L → H → H → 784 of logits ℓ, pixel p ~ Bernoulli(sigmoid ℓ),
 * with the grey intensity x ∈ [0, 1] as the target: log p(x|z) = Σ_p x_p ℓ_p − softplus(ℓ_p).
 */
import { initMlp, mlpForward, mlpScratch, type MlpWeights } from '../common/mlp';
import type { Rng } from '../common/rng';
import { DIGIT_PIXELS } from './digits';

export interface VaeShape {
  latent: number;
  hidden: number;
}

export interface VaeWeights extends VaeShape {
  encoder: MlpWeights;
  decoder: MlpWeights;
}

export const encoderSizes = ({ latent, hidden }: VaeShape) => [DIGIT_PIXELS, hidden, hidden, 2 * latent];
export const decoderSizes = ({ latent, hidden }: VaeShape) => [latent, hidden, hidden, DIGIT_PIXELS];

/** Glorot-uniform init; the encoder's output layer is scaled down so σ starts near 1 and μ near 0. */
export function initVae(shape: VaeShape, rng: Rng): VaeWeights {
  return { ...shape, encoder: initMlp(encoderSizes(shape), rng, 0.1), decoder: initMlp(decoderSizes(shape), rng) };
}

/** softplus(a) = log(1 + eᵃ), computed without overflow. */
export const softplus = (a: number) => (a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a)));

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ_j (σ_j² + μ_j² − 1 − log σ_j²), in nats.
 */
export function gaussianKl(mu: ArrayLike<number>, logVar: ArrayLike<number>): number {
  let kl = 0;
  for (let j = 0; j < mu.length; j++) kl += Math.exp(logVar[j]) + mu[j] * mu[j] - 1 - logVar[j];
  return 0.5 * kl;
}

/** log p(x|z) = Σ_p x_p ℓ_p − softplus(ℓ_p) (the negative binary cross-entropy, summed). */
export function bernoulliLogLik(x: ArrayLike<number>, xOffset: number, logits: ArrayLike<number>): number {
  let s = 0;
  for (let p = 0; p < logits.length; p++) s += x[xOffset + p] * logits[p] - softplus(logits[p]);
  return s;
}

/** A reusable plain-JS encoder/decoder over one set of weights (scratch buffers kept). */
export class PlainVae {
  readonly weights: VaeWeights;
  private readonly encScratch: Float64Array[];
  private readonly decScratch: Float64Array[];

  constructor(weights: VaeWeights) {
    this.weights = weights;
    this.encScratch = mlpScratch(weights.encoder.sizes);
    this.decScratch = mlpScratch(weights.decoder.sizes);
  }

  get latent(): number {
    return this.weights.latent;
  }

  /** μ and log σ² of image `x[offset .. offset + 784)` (fresh arrays). */
  encode(x: ArrayLike<number>, offset = 0): { mu: Float64Array; logVar: Float64Array } {
    const out = mlpForward(this.weights.encoder, x, offset, this.encScratch, 'relu');
    const L = this.latent;
    return { mu: Float64Array.from(out.subarray(0, L)), logVar: Float64Array.from(out.subarray(L, 2 * L)) };
  }

  /** Logits ℓ(z) (a view, overwritten by the next decode). */
  decodeLogits(z: ArrayLike<number>): Float64Array {
    return mlpForward(this.weights.decoder, z, 0, this.decScratch, 'relu');
  }

  /** Pixel means sigmoid(ℓ(z)) written into `out` (length 784). */
  decode(z: ArrayLike<number>, out: Float32Array = new Float32Array(DIGIT_PIXELS)): Float32Array {
    const logits = this.decodeLogits(z);
    for (let p = 0; p < DIGIT_PIXELS; p++) out[p] = 1 / (1 + Math.exp(-logits[p]));
    return out;
  }

  /**
   * Monte Carlo ELBO of one image with the analytic KL:
   *   ELBO = E_q[log p(x|z)] − KL(q ‖ p),  z = μ + σ ⊙ ε, ε ~ N(0, I), averaged over `samples` draws.
   */
  elbo(x: ArrayLike<number>, offset: number, rng: Rng, samples = 1): { elbo: number; recon: number; kl: number } {
    const { mu, logVar } = this.encode(x, offset);
    const kl = gaussianKl(mu, logVar);
    const z = new Float64Array(this.latent);
    let logLik = 0;
    for (let s = 0; s < samples; s++) {
      for (let j = 0; j < z.length; j++) z[j] = mu[j] + Math.exp(0.5 * logVar[j]) * rng.normal();
      logLik += bernoulliLogLik(x, offset, this.decodeLogits(z));
    }
    const recon = -logLik / samples;
    return { elbo: -recon - kl, recon, kl };
  }

  /**
   * Importance-weighted bound (Burda et al.) with K samples z_k ~ q(z|x):
   *   L_K = log (1/K) Σ_k p(x|z_k) p(z_k) / q(z_k|x) ≤ log p(x);  L_1 is the ELBO in expectation,
   * and E[L_K] rises with K.
   */
  iwae(x: ArrayLike<number>, offset: number, rng: Rng, K: number): number {
    const { mu, logVar } = this.encode(x, offset);
    const L = this.latent;
    const z = new Float64Array(L);
    const logW = new Float64Array(K);
    const LOG_2PI = Math.log(2 * Math.PI);
    for (let k = 0; k < K; k++) {
      let logPrior = 0;
      let logQ = 0;
      for (let j = 0; j < L; j++) {
        const eps = rng.normal();
        z[j] = mu[j] + Math.exp(0.5 * logVar[j]) * eps;
        logPrior += -0.5 * (LOG_2PI + z[j] * z[j]);
        logQ += -0.5 * (LOG_2PI + logVar[j] + eps * eps);
      }
      logW[k] = bernoulliLogLik(x, offset, this.decodeLogits(z)) + logPrior - logQ;
    }
    let max = -Infinity;
    for (const w of logW) max = Math.max(max, w);
    let sum = 0;
    for (const w of logW) sum += Math.exp(w - max);
    return max + Math.log(sum / K);
  }
}
