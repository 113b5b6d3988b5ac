/**
 * The live VAE run for the worker runtime. One iteration is one minibatch step of Adam on
 * recon + β·KL; the step that ends an epoch also measures the held-out −ELBO, recon and KL (one
 * pass over the 2,000 held-out digits with fixed ε), so the view carries one record per epoch.
 * The data and the shipped weights come from the caller (the worker fetches them).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../common/rng';
import { adamFromRunState, adamToRunState, createAdam, readAdam } from '../common/adamState';
import { RunStateReader, mlpRunStateTensors, readMlp } from '../common/runState';
import type { IterationResult, RunState, Trainer, TrainerDefinition, WeightSnapshot } from '../runtime/trainer';
import { mlpFromTensors, mlpToTensors } from '../common/mlp';
import { DIGIT_PIXELS, digitBatch, type DigitData } from './digits';
import { TfVae, normals, shuffledIndices, type LossParts } from './model';
import { decoderSizes, encoderSizes, initVae, type VaeWeights } from './plain';
import { validateVaeConfig, type VaeConfig } from './config';
import { decodeVaeWeights } from './weightsFile';

export interface VaeEpochRecord {
  epoch: number;
  train: LossParts;
  heldOut: LossParts;
}

export interface VaeView {
  epoch: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
  records: VaeEpochRecord[];
  /** Changes whenever the weights the page should show change (epoch ends, loads, every 50 steps). */
  weightsVersion: number;
}

export type VaeQueries = {
  /** The current weights as plain arrays (for the page's plain-JS encoder and decoder). */
  weights(args: Record<string, never>): Promise<{ version: number; weights: VaeWeights }>;
};

export interface VaeAssets {
  data(): Promise<DigitData>;
  /** The shipped weights file's bytes. */
  shipped(): Promise<Uint8Array>;
}

const WEIGHTS_EVERY = 50;
const modelId = (c: VaeConfig) => `vae/${c.latent}-${c.hidden}`;

const zero = (): LossParts => ({ recon: 0, kl: 0, negElbo: 0 });

class VaeTrainer implements Trainer<VaeView, VaeQueries> {
  private order: Int32Array;
  private position = 0;
  private epoch = 0;
  private sums = zero();
  private seen = 0;
  private records: VaeEpochRecord[] = [];
  private version = 1;
  private stepsSinceVersion = 0;
  private readonly stepsPerEpoch: number;
  queries: VaeQueries;

  constructor(
    private readonly config: VaeConfig,
    private readonly data: DigitData,
    private readonly vae: TfVae,
    private optimizer: tf.AdamOptimizer,
    private readonly rng: Rng,
  ) {
    this.stepsPerEpoch = Math.floor(data.train.count / config.batchSize);
    this.order = shuffledIndices(rng, data.train.count);
    this.queries = {
      weights: async () => ({ version: this.version, weights: await this.vae.read() }),
    };
  }

  async step(): Promise<IterationResult> {
    const { batchSize: n, latent, beta } = this.config;
    const x = tf.tensor2d(digitBatch(this.data.train, this.order.subarray(this.position, this.position + n)), [n, DIGIT_PIXELS]);
    const eps = tf.tensor2d(normals(this.rng, n * latent), [n, latent]);
    const parts = await this.vae.trainStep(this.optimizer, x, eps, beta);
    tf.dispose([x, eps]);
    this.sums = { recon: this.sums.recon + parts.recon * n, kl: this.sums.kl + parts.kl * n, negElbo: this.sums.negElbo + parts.negElbo * n };
    this.seen += n;
    this.position += n;
    const metrics: Record<string, number> = { loss: parts.recon + beta * parts.kl, negElbo: parts.negElbo, recon: parts.recon, kl: parts.kl };
    if (++this.stepsSinceVersion >= WEIGHTS_EVERY) this.bump();
    if (this.position + n > this.order.length) {
      this.epoch++;
      const train = { recon: this.sums.recon / this.seen, kl: this.sums.kl / this.seen, negElbo: this.sums.negElbo / this.seen };
      const heldOut = await this.vae.evaluate(this.data.heldOut, createRng(1000 + this.epoch));
      this.records.push({ epoch: this.epoch, train, heldOut });
      metrics.heldOutNegElbo = heldOut.negElbo;
      this.order = shuffledIndices(this.rng, this.data.train.count);
      this.position = 0;
      this.sums = zero();
      this.seen = 0;
      this.bump();
    }
    return { metrics, watch: ['loss'] };
  }

  private bump() {
    this.version++;
    this.stepsSinceVersion = 0;
  }

  private snapshotOf(weights: VaeWeights): WeightSnapshot {
    return {
      modelId: modelId(this.config),
      tensors: [...mlpToTensors(weights.encoder, (l) => [`encoder/w${l}`, `encoder/b${l}`]), ...mlpToTensors(weights.decoder, (l) => [`decoder/w${l}`, `decoder/b${l}`])],
    };
  }

  async getWeights(): Promise<WeightSnapshot> {
    return this.snapshotOf(await this.vae.read());
  }

  setWeights(snapshot: WeightSnapshot): void {
    const c = this.config;
    const expected = [...layoutOf('encoder', encoderSizes(c)), ...layoutOf('decoder', decoderSizes(c))];
    if (snapshot.modelId !== modelId(c)) {
      throw new Error(`These weights are for "${snapshot.modelId}" but this VAE is "${modelId(c)}" (latent ${c.latent}, hidden ${c.hidden}); change the settings to match or pick another file.`);
    }
    if (snapshot.tensors.length !== expected.length) throw new Error(`The file has ${snapshot.tensors.length} tensors; this VAE has ${expected.length}.`);
    snapshot.tensors.forEach((t, i) => {
      const want = expected[i];
      if (t.name !== want.name || t.shape.join('x') !== want.shape.join('x')) throw new Error(`Tensor ${i} should be ${want.name} [${want.shape}]; the file has ${t.name} [${t.shape}].`);
      if (t.values.length !== want.shape.reduce((a, b) => a * b, 1) || t.values.some((v) => !Number.isFinite(v))) throw new Error(`Tensor ${t.name} is damaged (wrong length or non-finite values).`);
    });
    const enc = encoderSizes(c).length - 1;
    this.vae.assign({
      latent: c.latent,
      hidden: c.hidden,
      encoder: mlpFromTensors(snapshot.tensors.slice(0, 2 * enc)),
      decoder: mlpFromTensors(snapshot.tensors.slice(2 * enc)),
    });
    this.bump();
  }

  async checkpoint(): Promise<RunState> {
    const shapes = this.vae.vars.map((v) => v.shape);
    const adam = adamToRunState('adam', await readAdam(this.optimizer), shapes);
    const w = await this.vae.read();
    return {
      modelId: `${modelId(this.config)}/run`,
      tensors: [...mlpRunStateTensors(w.encoder, 'encoder/'), ...mlpRunStateTensors(w.decoder, 'decoder/'), ...adam.tensors],
      data: {
        config: { ...this.config },
        rng: this.rng.getState(),
        adam: adam.data,
        order: Int32Array.from(this.order),
        position: this.position,
        epoch: this.epoch,
        sums: { ...this.sums },
        seen: this.seen,
        records: this.records.map((r) => ({ epoch: r.epoch, train: { ...r.train }, heldOut: { ...r.heldOut } })),
      },
    };
  }

  async restore(state: RunState): Promise<void> {
    const reader = RunStateReader.open(state, `${modelId(this.config)}/run`);
    reader.config({ ...this.config });
    const encoder = readMlp(reader, 'encoder/', encoderSizes(this.config));
    const decoder = readMlp(reader, 'decoder/', decoderSizes(this.config));
    const shapes = this.vae.vars.map((v) => v.shape);
    const adamState = adamFromRunState(reader, 'adam', shapes);
    const rng = reader.rng('rng');
    const order = reader.typed('order', Int32Array, this.data.train.count);
    const position = reader.number('position', { integer: true, min: 0, max: this.data.train.count });
    const epoch = reader.number('epoch', { integer: true, min: 0 });
    const sumsReader = reader.section('sums');
    const sums = { recon: sumsReader.number('recon'), kl: sumsReader.number('kl'), negElbo: sumsReader.number('negElbo') };
    const seen = reader.number('seen', { integer: true, min: 0 });
    const raw = (state.data.records ?? []) as unknown as VaeEpochRecord[];
    const records = Array.isArray(raw) ? raw.map((r) => ({ epoch: Number(r.epoch), train: { ...r.train }, heldOut: { ...r.heldOut } })) : [];
    const optimizer = await createAdam(this.config.learningRate, shapes, adamState);
    this.optimizer.dispose();
    this.optimizer = optimizer;
    this.vae.assign({ latent: this.config.latent, hidden: this.config.hidden, encoder, decoder });
    this.rng.setState(rng);
    this.order = order;
    this.position = position;
    this.epoch = epoch;
    this.sums = sums;
    this.seen = seen;
    this.records = records;
    this.bump();
  }

  snapshotForView(): VaeView {
    return {
      epoch: this.epoch,
      stepInEpoch: Math.floor(this.position / this.config.batchSize),
      stepsPerEpoch: this.stepsPerEpoch,
      records: this.records.map((r) => ({ ...r })),
      weightsVersion: this.version,
    };
  }

  dispose(): void {
    this.vae.dispose();
    this.optimizer.dispose();
  }
}

const layoutOf = (prefix: string, sizes: number[]) =>
  sizes.slice(1).flatMap((out, l) => [
    { name: `${prefix}/w${l}`, shape: [sizes[l], out] },
    { name: `${prefix}/b${l}`, shape: [out] },
  ]);

/** The definition the worker exposes; `assets` loads the digits and the shipped weights. */
export function createVaeDefinition(assets: VaeAssets): TrainerDefinition<VaeConfig, VaeView, VaeQueries> {
  let data: Promise<DigitData> | null = null;
  return {
    id: 'vae',
    validate: validateVaeConfig,
    async create(config, seed) {
      validateVaeConfig(config);
      data ??= assets.data();
      const digits = await data;
      const rng = createRng(seed);
      let weights = initVae({ latent: config.latent, hidden: config.hidden }, rng);
      if (config.start === 'shipped') weights = decodeVaeWeights(await assets.shipped(), { latent: config.latent, hidden: config.hidden }).weights;
      const vae = new TfVae(weights);
      const optimizer = await createAdam(config.learningRate, vae.vars.map((v) => v.shape));
      return new VaeTrainer({ ...config }, digits, vae, optimizer, rng);
    },
  };
}
