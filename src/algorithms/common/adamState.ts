/**
 * Adam's state in and out of checkpoints. Besides the weights, Adam carries per variable the
 * moments m ← β1 m + (1 − β1) g and v ← β2 v + (1 − β2) g², the step count t, and the running
 * powers β1^(t+1), β2^(t+1) of its bias correction m̂ = m / (1 − β1^(t+1)) (tfjs keeps the power of
 * the next step). Without them a resumed run restarts Adam from zero moments: a different run.
 */
import * as tf from '@tensorflow/tfjs';
import type { PlainData, RunState } from '../runtime/trainer';
import type { RunStateReader } from './runState';

type NamedTensor = RunState['tensors'][number];

export interface AdamState {
  /** Steps taken so far. */
  iterations: number;
  /** β1^(t+1) and β2^(t+1), as the optimiser holds them (float32). */
  accBeta1: number;
  accBeta2: number;
  /** m and v per variable, in the order of the variables; empty before the first step. */
  firstMoments: Float32Array[];
  secondMoments: Float32Array[];
}

/**
 * tfjs 4.22 holds β^(t+1) in private fields. Its `setWeights` recomputes them as pow(β, t + 1),
 * which can differ in the last bit from the running product the uninterrupted run has, so they
 * are read and put back directly.
 */
function betaPowers(optimizer: tf.AdamOptimizer): { accBeta1: tf.Variable; accBeta2: tf.Variable } {
  const { accBeta1, accBeta2 } = optimizer as unknown as { accBeta1?: unknown; accBeta2?: unknown };
  if (!(accBeta1 instanceof tf.Variable) || !(accBeta2 instanceof tf.Variable)) {
    throw new Error("This tfjs version keeps Adam's state in another form; update src/algorithms/common/adamState.ts.");
  }
  return { accBeta1, accBeta2 };
}

/** A copy of the optimiser's full state (reads the tensors; changes nothing). */
export async function readAdam(optimizer: tf.AdamOptimizer): Promise<AdamState> {
  // [iter (a fresh int32 scalar), m_0 … m_{k−1}, v_0 … v_{k−1}]; the moments are the live variables.
  const [iter, ...moments] = await optimizer.getWeights();
  const iterations = (await iter.tensor.data())[0];
  iter.tensor.dispose();
  const values = await Promise.all(moments.map(async (m) => Float32Array.from((await m.tensor.data()) as Float32Array)));
  const { accBeta1, accBeta2 } = betaPowers(optimizer);
  const k = values.length / 2;
  return {
    iterations,
    accBeta1: (await accBeta1.data())[0],
    accBeta2: (await accBeta2.data())[0],
    firstMoments: values.slice(0, k),
    secondMoments: values.slice(k),
  };
}

/** A fresh Adam with this learning rate (default β1 = 0.9, β2 = 0.999) continuing from `state`. */
export async function createAdam(learningRate: number, shapes: readonly number[][], state?: AdamState): Promise<tf.AdamOptimizer> {
  const optimizer = tf.train.adam(learningRate);
  if (!state) return optimizer;
  const iter = tf.scalar(state.iterations, 'int32');
  const moments = [...state.firstMoments, ...state.secondMoments].map((values, i) => ({
    name: `moment${i}`,
    tensor: tf.tensor(values, shapes[i % shapes.length]),
  }));
  try {
    // setWeights makes its own variables from these tensors (sharing their data), so they are disposed after.
    await optimizer.setWeights([{ name: 'iter', tensor: iter }, ...moments]);
    const { accBeta1, accBeta2 } = betaPowers(optimizer);
    tf.tidy(() => {
      accBeta1.assign(tf.scalar(state.accBeta1));
      accBeta2.assign(tf.scalar(state.accBeta2));
    });
  } catch (error) {
    optimizer.dispose();
    throw error;
  } finally {
    tf.dispose([iter, ...moments.map((m) => m.tensor)]);
  }
  return optimizer;
}

/**
 * The state as checkpoint pieces: tensors `<name>/m<i>`, `<name>/v<i>` shaped like variable i, and
 * a record { iterations, accBeta1, accBeta2, moments } for the data under `name`.
 */
export function adamToRunState(name: string, state: AdamState, shapes: readonly number[][]): { tensors: NamedTensor[]; data: PlainData } {
  const tensors = [
    ...state.firstMoments.map((values, i) => ({ name: `${name}/m${i}`, shape: [...shapes[i]], values })),
    ...state.secondMoments.map((values, i) => ({ name: `${name}/v${i}`, shape: [...shapes[i]], values })),
  ];
  return { tensors, data: { iterations: state.iterations, accBeta1: state.accBeta1, accBeta2: state.accBeta2, moments: state.firstMoments.length } };
}

/** Reads back what `adamToRunState` wrote, checking every piece against the variables' shapes. */
export function adamFromRunState(reader: RunStateReader, name: string, shapes: readonly number[][]): AdamState {
  const section = reader.section(name);
  const iterations = section.number('iterations', { integer: true, min: 0 });
  const accBeta1 = section.number('accBeta1', { min: 0, max: 1 });
  const accBeta2 = section.number('accBeta2', { min: 0, max: 1 });
  const count = section.number('moments', { integer: true, min: 0 });
  if (count !== 0 && count !== shapes.length) {
    throw new Error(`The checkpoint's optimiser "${name}" has moments for ${count} variables; this network has ${shapes.length}.`);
  }
  const read = (kind: 'm' | 'v') => Array.from({ length: count }, (_, i) => Float32Array.from(reader.tensor(`${name}/${kind}${i}`, shapes[i])));
  return { iterations, accBeta1, accBeta2, firstMoments: read('m'), secondMoments: read('v') };
}
