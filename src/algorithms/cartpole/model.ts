/**
 * The tfjs losses of the policy and value networks (the networks are common/tfMlp.ts).
 * Shapes: observations [N, 4], one-hot actions [N, 2], weights/advantages [N].
 * Per-action log-probabilities are selected with a one-hot product (the WASM backend has no
 * gradient for gather).
 */
import * as tf from '@tensorflow/tfjs';
import type { TfMlp } from '../common/tfMlp';

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
