/** Softmax policies over K discrete actions, on plain arrays (no tfjs). */
import type { Rng } from './rng';

/**
 * π_k = exp(z_k − m) / Σ_j exp(z_j − m) with m = max_j z_j (the shift avoids overflow), written
 * into `probs` (length ≥ K); returns the entropy H(π) = −Σ_k π_k ln π_k in nats.
 */
export function softmax(logits: ArrayLike<number>, probs: Float64Array, count = logits.length): number {
  let m = -Infinity;
  for (let k = 0; k < count; k++) m = Math.max(m, logits[k]);
  let z = 0;
  for (let k = 0; k < count; k++) {
    probs[k] = Math.exp(logits[k] - m);
    z += probs[k];
  }
  for (let k = 0; k < count; k++) probs[k] /= z;
  let entropy = 0;
  for (let k = 0; k < count; k++) if (probs[k] > 0) entropy -= probs[k] * Math.log(probs[k]);
  return entropy;
}

/**
 * The action a for a uniform draw u ∈ [0, 1): the cumulative sum is taken from the last action
 * down, a = the largest k with u < Σ_{j ≥ k} π_j. With two actions this is "push right (1) iff
 * u < π_1", the rule the cart-pole seeds were recorded with.
 */
export function actionForUniform(probs: ArrayLike<number>, u: number, count = probs.length): number {
  let cumulative = 0;
  for (let k = count - 1; k > 0; k--) {
    cumulative += probs[k];
    if (u < cumulative) return k;
  }
  return 0;
}

/** Samples an action from the probabilities (one `rng.next()` per call). */
export function sampleAction(probs: ArrayLike<number>, rng: Rng, count = probs.length): number {
  return actionForUniform(probs, rng.next(), count);
}
