/**
 * The contract between a training algorithm and the training runtime (workers/runtime).
 *
 * A demo author writes a `TrainerDefinition` in src/algorithms/<topic>/ (pure TS; tfjs allowed in
 * model files) and a three-line worker entry in workers/ that hands it to the runtime host. The
 * runtime supplies the loop (run / pause / step / stop / speed), progress throttling, NaN checks,
 * checkpoints, backend choice, device-loss recovery and saving.
 */

/** Plain numbers only: they cross the worker boundary by structured clone. */
export type Metrics = Record<string, number>;

/** What one training iteration reports. */
export interface IterationResult {
  /** Metrics of this iteration, e.g. { meanReturn: 123, loss: 0.4, entropy: 0.6 }. */
  metrics: Metrics;
  /**
   * The scalar(s) that must stay finite; a NaN or ±Infinity here pauses training with a message.
   * Usually the loss. Must be a key of `metrics`.
   */
  watch: readonly string[];
}

/** Weights as plain typed arrays: checkpoints, IndexedDB records and downloaded files. */
export interface WeightSnapshot {
  /** Identifies the architecture, e.g. 'cartpole-policy/4-32-32-2'. Loading checks it matches. */
  modelId: string;
  tensors: { name: string; shape: number[]; values: Float32Array }[];
}

/** Structured-cloneable plain data: what a checkpoint may hold besides tensors. */
export type PlainData =
  | number | string | boolean | null
  | Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array | Int8Array
  | PlainData[]
  | { [key: string]: PlainData };

/**
 * Everything that makes a run continue as if it had never been interrupted: every tensor
 * (policy, critic, target networks, optimiser moments) and every piece of plain state (RNG state,
 * environment copies, replay buffers, running windows, counters). Restoring it into a fresh
 * trainer of the same config and seed and stepping on gives the same numbers as never stopping
 * (exactly on the cpu backend).
 */
export interface RunState {
  /**
   * Identifies the layout (algorithm and the widths of every network), e.g.
   * 'cartpole/ac/pi4-32-2/v4-32-1'; a trainer refuses a state with another id.
   */
  modelId: string;
  tensors: { name: string; shape: number[]; values: Float32Array }[];
  data: { [key: string]: PlainData };
}

/** A live trainer: created by its definition inside a worker, stepped by the runtime. */
export interface Trainer {
  /** One iteration: collect data and update. Dispose every tensor it creates (numTensors stays flat). */
  step(): Promise<IterationResult>;
  /** A copy of the current weights. */
  getWeights(): Promise<WeightSnapshot>;
  /** Replace the weights (throws a readable Error when the snapshot does not fit the model). */
  setWeights(snapshot: WeightSnapshot): void;
  /**
   * The full run state (see RunState); what checkpoints hold. Call it between steps. The result
   * holds copies and shares nothing with the trainer, so it outlives `dispose()`.
   */
  checkpoint?(): Promise<RunState>;
  /**
   * Puts a RunState back into a trainer created with the same config (any seed: everything the
   * seed decides is in the state). Checks every piece first and throws an Error naming the first
   * mismatch (another modelId, another setting, a missing or misshapen tensor, non-finite values);
   * a refused state leaves the trainer as it was.
   */
  restore?(state: RunState): Promise<void> | void;
  /** Optional extra data for the view (e.g. an episode to replay), sent with progress on request. */
  snapshotForView?(): unknown;
  /** Release tensors and optimiser state. */
  dispose(): void;
}

export interface TrainerDefinition<Config> {
  /** Stable id, also the IndexedDB namespace for saved weights. */
  id: string;
  /** Throws an Error with a message a student can act on when the config is invalid. */
  validate(config: Config): void;
  create(config: Config, seed: number): Promise<Trainer>;
}

/** Check a snapshot against an expected architecture; the message names the first mismatch. */
export function assertSnapshotFits(expected: WeightSnapshot, given: WeightSnapshot): void {
  if (given.modelId !== expected.modelId) {
    throw new Error(`These weights are for "${given.modelId}", but this model is "${expected.modelId}".`);
  }
  if (given.tensors.length !== expected.tensors.length) {
    throw new Error(`Expected ${expected.tensors.length} weight tensors, the file has ${given.tensors.length}.`);
  }
  expected.tensors.forEach((tensor, i) => {
    const other = given.tensors[i];
    if (other.shape.join('x') !== tensor.shape.join('x')) {
      throw new Error(`Weight "${tensor.name}" should have shape [${tensor.shape}], the file has [${other.shape}].`);
    }
    if (other.values.length !== tensor.values.length || other.values.some((v) => !Number.isFinite(v))) {
      throw new Error(`Weight "${tensor.name}" is damaged (wrong length or non-finite values).`);
    }
  });
}
