/**
 * A small multilayer perceptron on plain typed arrays: hidden layers with tanh or ReLU, linear
 * output, any layer widths. Rollouts evaluate policies with this (no tensor-op overhead per step);
 * training runs on tfjs (tfMlp.ts), which starts from `initMlp` and copies its weights back here.
 */
import type { Rng } from './rng';
import type { WeightSnapshot } from '../runtime/trainer';

export type Activation = 'tanh' | 'relu';

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

/** Tensors as checkpoints and weight files hold them: [name, shape, values]. */
export type NamedTensor = WeightSnapshot['tensors'][number];

/** Names of layer l's weight matrix and bias; the default gives w0, b0, w1, b1, … */
export type LayerNames = (l: number) => [string, string];
export const plainLayerNames: LayerNames = (l) => [`w${l}`, `b${l}`];

/**
 * Glorot-uniform weights, w ~ U(−√(6/(in+out)), +√(6/(in+out))) drawn row-major layer by layer,
 * zero biases; the output layer's range is scaled by `outputScale`.
 */
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
 * Forward pass of one input row `input[offset .. offset + sizes[0])`: h ← act(h W_l + b_l) for the
 * hidden layers, linear output. Returns the output activations (a view into `scratch`,
 * overwritten by the next call).
 */
export function mlpForward(
  net: MlpWeights,
  input: ArrayLike<number>,
  offset: number,
  scratch: Float64Array[],
  activation: Activation = 'tanh',
): Float64Array {
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
    if (l < last) {
      if (activation === 'tanh') for (let j = 0; j < fanOut; j++) out[j] = Math.tanh(out[j]);
      else for (let j = 0; j < fanOut; j++) out[j] = Math.max(0, out[j]);
    }
    prev = out;
    prevOffset = 0;
  }
  return scratch[last];
}

/** The layers as named tensors (copies): w_l with shape [in, out], b_l with shape [out]. */
export function mlpToTensors(net: MlpWeights, names: LayerNames = plainLayerNames): NamedTensor[] {
  return net.layers.flatMap((layer, l) => {
    const [wName, bName] = names(l);
    return [
      { name: wName, shape: [net.sizes[l], net.sizes[l + 1]], values: Float32Array.from(layer.w) },
      { name: bName, shape: [net.sizes[l + 1]], values: Float32Array.from(layer.b) },
    ];
  });
}

/** Weights as the runtime's snapshot: tensors w0, b0, w1, b1, … */
export function mlpToSnapshot(net: MlpWeights, modelId: string): WeightSnapshot {
  return { modelId, tensors: mlpToTensors(net) };
}

/**
 * The inverse of `mlpToTensors`/`mlpToSnapshot`: pairs (w_l, b_l) in order. The caller checks
 * that they fit first (assertSnapshotFits, or a RunStateReader).
 */
export function mlpFromTensors(tensors: readonly NamedTensor[]): MlpWeights {
  const layers: MlpLayer[] = [];
  const sizes: number[] = [];
  for (let k = 0; k + 1 < tensors.length; k += 2) {
    const w = tensors[k];
    const b = tensors[k + 1];
    if (k === 0) sizes.push(w.shape[0]);
    sizes.push(w.shape[1]);
    layers.push({ w: Float32Array.from(w.values), b: Float32Array.from(b.values) });
  }
  return { sizes, layers };
}

export function mlpFromSnapshot(snapshot: WeightSnapshot): MlpWeights {
  return mlpFromTensors(snapshot.tensors);
}

/** Expected [name, shape] of every tensor of an MLP with these widths (for checking a file). */
export function mlpLayout(sizes: readonly number[], names: LayerNames = plainLayerNames): { name: string; shape: number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [wName, bName] = names(l);
    out.push({ name: wName, shape: [sizes[l], sizes[l + 1]] }, { name: bName, shape: [sizes[l + 1]] });
  }
  return out;
}
