import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../common/rng';
import { TfMlp } from '../common/tfMlp';
import { flatGradient, policySurrogate } from './model';

/**
 * One-step bandit with a softmax policy over K = 3 arms, logits θ = w·1 + b (the network has one
 * constant input). J(θ) = Σ_a π_a r_a and the closed form ∂J/∂θ_j = π_j (r_j − J); the
 * gradients with respect to w and to b are equal because the input is 1.
 */
const rewards = [1, 2, 5];
const w = Float32Array.from([0.3, -0.2, 0.1]);
const b = Float32Array.from([0.1, 0.4, -0.5]);
const logits = rewards.map((_, a) => w[a] + b[a]);
const z = logits.reduce((s, l) => s + Math.exp(l), 0);
const pi = logits.map((l) => Math.exp(l) / z);
const J = pi.reduce((s, p, a) => s + p * rewards[a], 0);
const trueGrad = pi.map((p, j) => p * (rewards[j] - J));

function bandit() {
  return new TfMlp({ sizes: [1, 3], layers: [{ w, b }] }, 'bandit');
}

async function gradientOf(policy: TfMlp, actions: number[], advantages: number[], scale: number): Promise<Float32Array> {
  const obs = tf.ones([actions.length, 1]) as tf.Tensor2D;
  const oneHot = tf.oneHot(actions, 3).toFloat() as tf.Tensor2D;
  const adv = tf.tensor1d(advantages);
  const grad = flatGradient(() => policySurrogate(policy, obs, oneHot, adv, scale), policy.vars);
  const values = (await grad.data()) as Float32Array;
  tf.dispose([obs, oneHot, adv, grad]);
  return values;
}

describe('policy-gradient estimator on a softmax bandit', () => {
  it('weighting every arm by π_a r_a gives exactly −∇J (the surrogate is minimised)', async () => {
    const policy = bandit();
    const grad = await gradientOf(policy, [0, 1, 2], pi.map((p, a) => p * rewards[a]), 1);
    // [w0 w1 w2 b0 b1 b2]: both halves equal −∂J/∂θ.
    for (let j = 0; j < 3; j++) {
      expect(grad[j]).toBeCloseTo(-trueGrad[j], 6);
      expect(grad[3 + j]).toBeCloseTo(-trueGrad[j], 6);
    }
    policy.dispose();
  });

  it('sampled REINFORCE is unbiased with and without a baseline, and the baseline cuts its variance', async () => {
    const policy = bandit();
    const rng = createRng(2024);
    const groups = 40;
    const perGroup = 500;
    const estimates: Record<'none' | 'baseline', number[][]> = { none: [], baseline: [] };
    for (let g = 0; g < groups; g++) {
      const actions = Array.from({ length: perGroup }, () => rng.categorical(pi));
      for (const kind of ['none', 'baseline'] as const) {
        const adv = actions.map((a) => rewards[a] - (kind === 'baseline' ? J : 0));
        const grad = await gradientOf(policy, actions, adv, -1 / perGroup);
        estimates[kind].push(Array.from(grad.subarray(3, 6)));
      }
    }
    const variance: Record<string, number> = {};
    for (const kind of ['none', 'baseline'] as const) {
      let total = 0;
      for (let j = 0; j < 3; j++) {
        const column = estimates[kind].map((e) => e[j]);
        const mean = column.reduce((s, v) => s + v, 0) / groups;
        const v = column.reduce((s, x) => s + (x - mean) ** 2, 0) / (groups - 1);
        total += v;
        // Within 4 standard errors of the closed form.
        expect(Math.abs(mean - trueGrad[j])).toBeLessThan(4 * Math.sqrt(v / groups) + 1e-6);
      }
      variance[kind] = total;
    }
    expect(variance.baseline).toBeLessThan(0.5 * variance.none);
    policy.dispose();
  });
});
