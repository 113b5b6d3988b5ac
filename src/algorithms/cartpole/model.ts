/**
 * The tfjs side of the policy and value networks: variables, forward pass, losses.
 * Shapes: observations [N, 4], one-hot actions [N, 2], weights/advantages [N].
 * Per-action log-probabilities are selected with a one-hot product (the WASM backend has no
 * gradient for gather).
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpWeights } from './mlp';

let nextId = 0;

export class TfMlp {
  readonly sizes: number[];
  /** w0, b0, w1, b1, … with names unique in this tfjs engine. */
  readonly vars: tf.Variable[];

  constructor(weights: MlpWeights, prefix: string) {
    this.sizes = [...weights.sizes];
    const id = nextId++;
    // tf.variable shares the initial tensor's data; disposing the initial handle keeps the count flat.
    const variable = (init: tf.Tensor, name: string) => {
      const v = tf.variable(init, true, name);
      init.dispose();
      return v;
    };
    this.vars = weights.layers.flatMap((layer, l) => [
      variable(tf.tensor2d(layer.w, [weights.sizes[l], weights.sizes[l + 1]]), `${prefix}${id}/w${l}`),
      variable(tf.tensor1d(layer.b), `${prefix}${id}/b${l}`),
    ]);
  }

  /** [N, in] → [N, out]: tanh hidden layers, linear output. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      const layers = this.vars.length / 2;
      for (let l = 0; l < layers; l++) {
        h = tf.add(tf.matMul(h, this.vars[2 * l] as tf.Tensor2D), this.vars[2 * l + 1]);
        if (l < layers - 1) h = tf.tanh(h);
      }
      return h;
    });
  }

  async read(): Promise<MlpWeights> {
    const values = await Promise.all(this.vars.map((v) => v.data() as Promise<Float32Array>));
    const layers = [];
    for (let l = 0; l < values.length / 2; l++) layers.push({ w: Float32Array.from(values[2 * l]), b: Float32Array.from(values[2 * l + 1]) });
    return { sizes: [...this.sizes], layers };
  }

  assign(weights: MlpWeights): void {
    weights.layers.forEach((layer, l) => {
      tf.tidy(() => {
        this.vars[2 * l].assign(tf.tensor2d(layer.w, [weights.sizes[l], weights.sizes[l + 1]]));
        this.vars[2 * l + 1].assign(tf.tensor1d(layer.b));
      });
    });
  }

  /** Total number of parameters. */
  get size(): number {
    return this.vars.reduce((sum, v) => sum + v.size, 0);
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
  }
}

/**
 * Surrogate loss whose gradient is the policy-gradient estimate:
 *   L = −scale · Σ_t A_t log π(a_t | s_t),   ∇L = −scale · Σ_t A_t ∇ log π(a_t | s_t).
 */
export function policySurrogate(policy: TfMlp, obs: tf.Tensor2D, oneHot: tf.Tensor2D, advantages: tf.Tensor1D, scale: number): tf.Scalar {
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(policy.apply(obs));
    const chosen = tf.sum(tf.mul(logProbs, oneHot), 1);
    return tf.mul(tf.sum(tf.mul(chosen, advantages)), -scale) as tf.Scalar;
  });
}

/** Mean squared error of V(s) against its targets. */
export function valueLoss(value: TfMlp, obs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(tf.reshape(value.apply(obs), [-1]), targets))) as tf.Scalar);
}

/**
 * Gradient of `loss` with respect to `vars`, flattened and concatenated into one vector [P]
 * (in the order of `vars`). The loss tensor is disposed.
 */
export function flatGradient(loss: () => tf.Scalar, vars: tf.Variable[]): tf.Tensor1D {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(loss, vars);
    return tf.concat(vars.map((v) => tf.reshape(grads[v.name], [-1]))) as tf.Tensor1D;
  });
}

/** Splits a flat gradient vector [P] back into one tensor per variable, named like the variable. */
export function unflatten(flat: Float32Array, vars: tf.Variable[]): { name: string; tensor: tf.Tensor }[] {
  let offset = 0;
  return vars.map((v) => {
    const tensor = tf.tensor(flat.subarray(offset, offset + v.size), v.shape);
    offset += v.size;
    return { name: v.name, tensor };
  });
}
