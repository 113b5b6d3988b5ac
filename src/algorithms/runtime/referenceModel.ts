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
 * same seed on the cpu backend gives the same run exactly. A checkpoint holds the weights, the
 * minibatch RNG, the iteration count and the seed of the data set.
 */
import * as tf from '@tensorflow/tfjs';
import { initMlp, mlpFromTensors, mlpLayout, mlpToTensors, type LayerNames } from '../common/mlp';
import { createRng, type Rng } from '../common/rng';
import { RunStateReader } from '../common/runState';
import { TfMlp } from '../common/tfMlp';
import { REFERENCE_SIZES, referenceModelId, validateReferenceConfig, type ReferenceConfig, type ReferenceSize } from './referenceConfig';
import { assertSnapshotFits, type IterationResult, type PlainData, type RunState, type Trainer, type TrainerDefinition, type WeightSnapshot } from './trainer';

/** Tensor names of layer l in weight files and checkpoints. */
const layerNames: LayerNames = (l) => [`dense${l}/kernel`, `dense${l}/bias`];

/** Layer widths [d, hidden…, 1]. */
const referenceSizes = (config: ReferenceConfig) => [config.inputs, ...config.hidden, 1];

/** Identifies a checkpoint's layout: plain SGD on the MLP of these widths. */
export const referenceRunStateId = (config: ReferenceConfig) => `reference-mlp/sgd/${referenceSizes(config).join('-')}`;

/** The settings a checkpoint must share with the trainer it is restored into (not the fault hooks). */
function learningSettings(config: ReferenceConfig): { [key: string]: PlainData } {
  const { inputs, hidden, batch, learningRate, datasetSize } = config;
  return { inputs, hidden: [...hidden], batch, learningRate, datasetSize };
}

/** The seeded streams of a run: the data set, the initial weights, the minibatch draws. */
function referenceStreams(config: ReferenceConfig, seed: number) {
  const rng = createRng(seed);
  const data = makeReferenceData(config, createRng(rng.fork()));
  const initial = initialReferenceWeights(config, createRng(rng.fork()));
  return { data, initial, batchRng: createRng(rng.fork()) };
}

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

/** Glorot-uniform initial weights from the seeded RNG (common/mlp initMlp), as a snapshot (biases zero). */
export function initialReferenceWeights(config: ReferenceConfig, rng: Rng): WeightSnapshot {
  return { modelId: referenceModelId(config), tensors: mlpToTensors(initMlp(referenceSizes(config), rng), layerNames) };
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // deliberately blocking: simulates a step that never yields
  }
}

class ReferenceTrainer implements Trainer {
  private readonly net: TfMlp;
  private readonly optimizer: tf.SGDOptimizer;
  private iteration = 0;

  constructor(
    private readonly config: ReferenceConfig,
    /** The seed the data set was drawn from (a checkpoint of another seed redraws it). */
    private seed: number,
    private readonly rng: Rng,
    private data: { x: Float32Array; y: Float32Array },
    /** Layout (names, shapes) that setWeights checks against. */
    private readonly layout: WeightSnapshot,
  ) {
    this.net = new TfMlp(mlpFromTensors(layout.tensors), 'reference', 'relu');
    this.optimizer = tf.train.sgd(config.learningRate);
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
    const loss = this.optimizer.minimize(() => tf.losses.meanSquaredError(y, this.net.apply(x)) as tf.Scalar, true, this.net.vars);
    x.dispose();
    y.dispose();
    const value = loss ? (await loss.data())[0] : Number.NaN;
    loss?.dispose();
    this.iteration++;
    return { metrics: { loss: value }, watch: ['loss'] };
  }

  async getWeights(): Promise<WeightSnapshot> {
    return { modelId: this.layout.modelId, tensors: mlpToTensors(await this.net.read(), layerNames) };
  }

  setWeights(snapshot: WeightSnapshot): void {
    assertSnapshotFits(this.layout, snapshot);
    this.net.assign(mlpFromTensors(snapshot.tensors));
  }

  /** Weights, the minibatch RNG, the iteration count and the data seed (plain SGD keeps no state). */
  async checkpoint(): Promise<RunState> {
    return {
      modelId: referenceRunStateId(this.config),
      tensors: mlpToTensors(await this.net.read(), layerNames),
      data: { config: learningSettings(this.config), seed: this.seed, rng: this.rng.getState(), iteration: this.iteration },
    };
  }

  restore(state: RunState): void {
    const reader = RunStateReader.open(state, referenceRunStateId(this.config));
    reader.config(learningSettings(this.config));
    const tensors = mlpLayout(referenceSizes(this.config), layerNames).map(({ name, shape }) => ({ name, shape, values: reader.tensor(name, shape) }));
    const seed = reader.number('seed', { integer: true, min: 0, max: 0xffffffff });
    const rng = reader.rng('rng');
    const iteration = reader.number('iteration', { integer: true, min: 0 });
    if (seed !== this.seed) {
      this.data = referenceStreams(this.config, seed).data;
      this.seed = seed;
    }
    this.net.assign(mlpFromTensors(tensors));
    this.rng.setState(rng);
    this.iteration = iteration;
  }

  dispose(): void {
    this.optimizer.dispose();
    this.net.dispose();
  }
}

export const referenceTrainer: TrainerDefinition<ReferenceConfig> = {
  id: 'reference-mlp',
  validate: validateReferenceConfig,
  async create(config, seed) {
    validateReferenceConfig(config);
    const { data, initial, batchRng } = referenceStreams(config, seed);
    return new ReferenceTrainer(config, seed >>> 0, batchRng, data, initial);
  },
};

export { REFERENCE_SIZES, referenceModelId, validateReferenceConfig, type ReferenceConfig, type ReferenceSize };
