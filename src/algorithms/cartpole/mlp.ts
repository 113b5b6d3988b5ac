/**
 * A tiny multilayer perceptron on plain typed arrays: tanh hidden layers, linear output.
 * Rollouts evaluate the policy with this (no tensor-op overhead per step); training runs on tfjs
 * (model.ts) and copies its weights back here after every update.
 */
import type { Rng } from '../common/rng';
import type { WeightSnapshot } from '../runtime/trainer';

export interface MlpLayer {
  /** [in × out] row-major: w[i * out + j] connects input i to output j. */
  w: Float32Array;
  /** [out] */
  b: Float32Array;
}

export interface MlpWeights {
  /** Layer widths, input first: e.g. [4, 32, 32, 2]. */
  sizes: number[];
  layers: MlpLayer[];
}

/** Glorot-uniform weights, zero biases; the output layer is scaled by `outputScale`. */
export function initMlp(sizes: number[], rng: Rng, outputScale = 1): MlpWeights {
  const layers: MlpLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut)) * (l + 2 === sizes.length ? outputScale : 1);
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-limit, limit);
    layers.push({ w, b: new Float32Array(fanOut) });
  }
  return { sizes: [...sizes], layers };
}

/** Scratch buffers for `mlpForward`, one per layer output. */
export function mlpScratch(sizes: number[]): Float64Array[] {
  return sizes.slice(1).map((n) => new Float64Array(n));
}

/**
 * Forward pass of one input row `input[offset .. offset + sizes[0])`; returns the output
 * activations (a view into `scratch`, overwritten by the next call).
 */
export function mlpForward(net: MlpWeights, input: ArrayLike<number>, offset: number, scratch: Float64Array[]): Float64Array {
  let prev: ArrayLike<number> = input;
  let prevOffset = offset;
  const last = net.layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const { w, b } = net.layers[l];
    const fanIn = net.sizes[l];
    const fanOut = net.sizes[l + 1];
    const out = scratch[l];
    for (let j = 0; j < fanOut; j++) out[j] = b[j];
    for (let i = 0; i < fanIn; i++) {
      const xi = prev[prevOffset + i];
      if (xi === 0) continue;
      const row = i * fanOut;
      for (let j = 0; j < fanOut; j++) out[j] += xi * w[row + j];
    }
    if (l < last) for (let j = 0; j < fanOut; j++) out[j] = Math.tanh(out[j]);
    prev = out;
    prevOffset = 0;
  }
  return scratch[last];
}

/** Softmax of two logits written into `probs`; returns the entropy (nats). */
export function softmax2(logits: ArrayLike<number>, probs: Float64Array): number {
  const m = Math.max(logits[0], logits[1]);
  const e0 = Math.exp(logits[0] - m);
  const e1 = Math.exp(logits[1] - m);
  const z = e0 + e1;
  probs[0] = e0 / z;
  probs[1] = e1 / z;
  let entropy = 0;
  if (probs[0] > 0) entropy -= probs[0] * Math.log(probs[0]);
  if (probs[1] > 0) entropy -= probs[1] * Math.log(probs[1]);
  return entropy;
}

export const policyModelId = (sizes: number[]) => `cartpole-policy/${sizes.join('-')}`;

/** Weights as the runtime's snapshot: tensors w0, b0, w1, b1, … */
export function mlpToSnapshot(net: MlpWeights, modelId: string): WeightSnapshot {
  const tensors: WeightSnapshot['tensors'] = [];
  net.layers.forEach((layer, l) => {
    tensors.push({ name: `w${l}`, shape: [net.sizes[l], net.sizes[l + 1]], values: Float32Array.from(layer.w) });
    tensors.push({ name: `b${l}`, shape: [net.sizes[l + 1]], values: Float32Array.from(layer.b) });
  });
  return { modelId, tensors };
}

/** The inverse of `mlpToSnapshot`; the caller checks the snapshot fits first (assertSnapshotFits). */
export function mlpFromSnapshot(snapshot: WeightSnapshot): MlpWeights {
  const layers: MlpLayer[] = [];
  const sizes: number[] = [];
  for (let k = 0; k + 1 < snapshot.tensors.length; k += 2) {
    const w = snapshot.tensors[k];
    const b = snapshot.tensors[k + 1];
    if (k === 0) sizes.push(w.shape[0]);
    sizes.push(w.shape[1]);
    layers.push({ w: Float32Array.from(w.values), b: Float32Array.from(b.values) });
  }
  return { sizes, layers };
}
