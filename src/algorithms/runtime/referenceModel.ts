/**
 * The runtime's reference trainer: an MLP regressing a fixed smooth "teacher" function on seeded
 * synthetic data. Used by the runtime tests, the Backends page and the bench; its size knobs give
 * the "tiny policy net" and "large batch" cases.
 *
 *   data:   x_i ~ N(0, I_d), y_i = sin(a·x_i) + 0.5 cos(b·x_i)   (a, b fixed per seed)
 *   model:  h_0 = x, h_{l+1} = relu(h_l W_l + b_l), ŷ = h_L W_out + b_out
 *   loss:   mean over a minibatch of (ŷ - y)^2, plain SGD.
 *
 * The weights start from the seeded RNG (Glorot uniform), and batches are drawn from it, so the
 * same seed on the cpu backend gives the same run exactly.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../common/rng';
import { REFERENCE_SIZES, referenceModelId, validateReferenceConfig, type ReferenceConfig, type ReferenceSize } from './referenceConfig';
import { assertSnapshotFits, type IterationResult, type Trainer, type TrainerDefinition, type WeightSnapshot } from './trainer';

/** The synthetic data set: row-major x (n×d) and y (n). Pure; the tests recompute it. */
export function makeReferenceData(config: ReferenceConfig, rng: Rng): { x: Float32Array; y: Float32Array } {
  const d = config.inputs;
  const a = Array.from({ length: d }, () => rng.normal() / Math.sqrt(d));
  const b = Array.from({ length: d }, () => rng.normal() / Math.sqrt(d));
  const x = new Float32Array(config.datasetSize * d);
  const y = new Float32Array(config.datasetSize);
  for (let i = 0; i < config.datasetSize; i++) {
    let ax = 0;
    let bx = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      x[i * d + j] = v;
      ax += a[j] * v;
      bx += b[j] * v;
    }
    y[i] = Math.sin(ax) + 0.5 * Math.cos(bx);
  }
  return { x, y };
}

/** Glorot-uniform initial weights from the seeded RNG, as a snapshot (biases zero). */
export function initialReferenceWeights(config: ReferenceConfig, rng: Rng): WeightSnapshot {
  const widths = [config.inputs, ...config.hidden, 1];
  const tensors: WeightSnapshot['tensors'] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const fanIn = widths[l];
    const fanOut = widths[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const kernel = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < kernel.length; i++) kernel[i] = rng.uniform(-limit, limit);
    tensors.push({ name: `dense${l}/kernel`, shape: [fanIn, fanOut], values: kernel });
    tensors.push({ name: `dense${l}/bias`, shape: [fanOut], values: new Float32Array(fanOut) });
  }
  return { modelId: referenceModelId(config), tensors };
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // deliberately blocking: simulates a step that never yields
  }
}

class ReferenceTrainer implements Trainer {
  private readonly variables: tf.Variable[];
  private readonly optimizer: tf.SGDOptimizer;
  private iteration = 0;

  constructor(
    private readonly config: ReferenceConfig,
    private readonly rng: Rng,
    private readonly data: { x: Float32Array; y: Float32Array },
    /** Layout (names, shapes) that setWeights checks against. */
    private readonly layout: WeightSnapshot,
  ) {
    const initial = layout;
    this.variables = initial.tensors.map((t) => tf.variable(tf.tensor(t.values, t.shape), true, undefined, 'float32'));
    this.optimizer = tf.train.sgd(config.learningRate);
  }

  /** ŷ for a batch x [n, d] → [n, 1]. */
  private predict(x: tf.Tensor2D): tf.Tensor2D {
    let h: tf.Tensor2D = x;
    const layers = this.variables.length / 2;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, this.variables[2 * l] as tf.Tensor2D), this.variables[2 * l + 1]) as tf.Tensor2D;
      h = l + 1 < layers ? tf.relu(z) : z;
    }
    return h;
  }

  async step(): Promise<IterationResult> {
    const { batch, inputs: d } = this.config;
    if (this.config.crashAt !== undefined && this.iteration >= this.config.crashAt) {
      throw new Error(`Reference trainer crashed on purpose at iteration ${this.iteration} (crashAt test setting).`);
    }
    if (this.config.stallMs) busyWait(this.config.stallMs);
    const xs = new Float32Array(batch * d);
    const ys = new Float32Array(batch);
    for (let i = 0; i < batch; i++) {
      const row = this.rng.int(this.config.datasetSize);
      xs.set(this.data.x.subarray(row * d, row * d + d), i * d);
      ys[i] = this.data.y[row];
    }
    if (this.config.nanAt !== undefined && this.iteration >= this.config.nanAt) xs[0] = Number.NaN;
    const x = tf.tensor2d(xs, [batch, d]);
    const y = tf.tensor2d(ys, [batch, 1]);
    const loss = this.optimizer.minimize(() => tf.losses.meanSquaredError(y, this.predict(x)) as tf.Scalar, true, this.variables);
    x.dispose();
    y.dispose();
    const value = loss ? (await loss.data())[0] : Number.NaN;
    loss?.dispose();
    this.iteration++;
    return { metrics: { loss: value }, watch: ['loss'] };
  }

  async getWeights(): Promise<WeightSnapshot> {
    const tensors = await Promise.all(
      this.variables.map(async (v, i) => ({
        name: this.layout.tensors[i].name,
        shape: v.shape.slice(),
        values: new Float32Array((await v.data()) as Float32Array),
      })),
    );
    return { modelId: this.layout.modelId, tensors };
  }

  setWeights(snapshot: WeightSnapshot): void {
    assertSnapshotFits(this.layout, snapshot);
    snapshot.tensors.forEach((t, i) => tf.tidy(() => this.variables[i].assign(tf.tensor(t.values, t.shape))));
  }

  dispose(): void {
    this.optimizer.dispose();
    this.variables.forEach((v) => v.dispose());
  }
}

export const referenceTrainer: TrainerDefinition<ReferenceConfig> = {
  id: 'reference-mlp',
  validate: validateReferenceConfig,
  async create(config, seed) {
    validateReferenceConfig(config);
    const rng = createRng(seed);
    const data = makeReferenceData(config, createRng(rng.fork()));
    const initial = initialReferenceWeights(config, createRng(rng.fork()));
    return new ReferenceTrainer(config, createRng(rng.fork()), data, initial);
  },
};

export { REFERENCE_SIZES, referenceModelId, validateReferenceConfig, type ReferenceConfig, type ReferenceSize };
