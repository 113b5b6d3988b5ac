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
  /** The run reached its goal (values converged, search budget spent): the runtime ends it as finished. */
  done?: boolean;
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

/**
 * Questions a demo may ask its worker while it trains or idles (decode this latent point, expand
 * this node, plan from this state). Each takes one structured-cloneable argument and returns
 * plain data; the page calls them with an AbortSignal and a newer call of a kind supersedes an
 * older one (see src/demos/runtime/latest.ts).
 */
// `never` parameters make every one-argument function assignable here (parameter bivariance).
export type QueryMap = Record<string, (args: never) => unknown>;
/** The default: a session that answers no queries. */
export type NoQueries = Record<never, never>;

/** A live trainer: created by its definition inside a worker, stepped by the runtime. */
export interface Trainer<View = unknown, Queries extends QueryMap = NoQueries> {
  /**
   * One iteration: collect data and update. Dispose every tensor it creates (numTensors stays flat).
   * Pure-JS sessions may return synchronously: the runtime then runs many steps per time slice.
   */
  step(): Promise<IterationResult> | IterationResult;
  /** Answers to the demo's queries, run between steps. */
  queries?: Queries;
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
  snapshotForView?(): View;
  /** Release tensors and optimiser state. */
  dispose(): void;
}

export interface TrainerDefinition<Config, View = unknown, Queries extends QueryMap = NoQueries> {
  /** Stable id, also the IndexedDB namespace for saved weights. */
  id: string;
  /** Throws an Error with a message a student can act on when the config is invalid. */
  validate(config: Config): void;
  create(config: Config, seed: number): Promise<Trainer<View, Queries>>;
}

/** The config, view and query types of a definition, for the page side (import type only). */
// `any` in the inferred positions: these are type-level extractors that match any definition.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type ConfigOf<D> = D extends TrainerDefinition<infer C, any, any> ? C : never;
export type ViewOf<D> = D extends TrainerDefinition<any, infer V, any> ? V : never;
export type QueriesOf<D> = D extends TrainerDefinition<any, any, infer Q> ? Q : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What a checkpoint event carries: the full run state, or only weights for trainers without one. */
export type Checkpoint = { kind: 'full'; state: RunState } | { kind: 'weights'; snapshot: WeightSnapshot };

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
