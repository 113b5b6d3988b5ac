/**
 * The messages between the training runtime's worker host (workers/runtime) and its main-thread
 * client (src/demos/runtime). Plain data only: numbers, strings, typed arrays.
 */
import type { IterationRecord } from './progress';
import type { Checkpoint, NoQueries, QueryMap, WeightSnapshot } from './trainer';

export type { IterationRecord } from './progress';

/** TensorFlow.js backends, fastest-first in the default preference order. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** 'auto' lets the runtime choose (health checks, then a measured probe). */
export type BackendPreference = 'auto' | BackendName;

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}

/** What a session runs on: a tfjs backend, or plain JavaScript (pure-JS sessions load no tfjs). */
export type RuntimeBackend = BackendName | 'js';

/** Which backend runs and why; shown in the badge. */
export interface BackendChoice {
  backend: RuntimeBackend;
  /** How it was chosen: forced in settings, remembered, won the probe, or first healthy in order. */
  source: 'forced' | 'remembered' | 'probe' | 'order';
  /** One sentence a student can read, e.g. "fastest in a 5-step probe (wasm 1.2 ms, cpu 3.4 ms)". */
  reason: string;
  /** Backends that passed the health check, with the probe's ms per step where measured. */
  candidates: { backend: BackendName; ok: boolean; note: string; msPerStep?: number }[];
  /** Adapter description when WebGPU was considered, e.g. "swiftshader (fallback)". */
  adapter?: string;
}

export interface InitOptions {
  preference: BackendPreference;
  /** Backends not to try (e.g. the one whose device was lost). */
  exclude?: BackendName[];
  /** Probe with this config (the demo's real model); without it the first healthy backend wins. */
  probeConfig?: unknown;
  /** A remembered earlier choice: used without probing when it is still healthy. */
  remembered?: BackendName;
}

/** Errors cross the worker boundary as plain objects (custom Error fields are lost in transit). */
export type RuntimeErrorKind = 'config' | 'backend' | 'trainer' | 'weights' | 'state' | 'worker' | 'stalled';
export interface RuntimeError {
  kind: RuntimeErrorKind;
  message: string;
}

export function isRuntimeError(value: unknown): value is RuntimeError {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as RuntimeError).kind === 'string' && typeof (value as RuntimeError).message === 'string'
  );
}

/** Makes any thrown value into a plain RuntimeError. */
export function toRuntimeError(error: unknown, kind: RuntimeErrorKind): RuntimeError {
  if (isRuntimeError(error)) return { kind: error.kind, message: error.message };
  if (error instanceof Error) return { kind, message: error.message || error.name };
  return { kind, message: String(error) };
}

export interface RunOptions {
  /** Milliseconds to wait between steps; 0 = as fast as possible (still yielding between steps). */
  delayMs: number;
  /** Stop by itself after this many iterations of this run (undefined = until stopped). */
  maxIterations?: number;
  /** Send a checkpoint every this many iterations (0 = never)... */
  checkpointEvery: number;
  /** ...but not more often than once per this many ms (default 1000): weights are not free to copy. */
  checkpointMinMs?: number;
  /** Progress messages per second at most (default 10, never more than MAX_PROGRESS_HZ = 20). */
  progressHz?: number;
  /**
   * At most this many bins per progress message (default 64): more iterations than that between
   * two messages are merged. A run that needs every iteration's metrics (backend agreement
   * checks) sets it to the run's length.
   */
  binLimit?: number;
  /** Attach trainer.snapshotForView() to each progress message. */
  withView?: boolean;
}

export type RuntimeEvent<View = unknown> =
  | {
      type: 'progress';
      runId: number;
      /** Total iterations done by this trainer since create/reset. */
      iteration: number;
      /** Every iteration since the previous progress message, oldest first, in bins (see progress.ts). */
      records: IterationRecord[];
      /** Mean wall time of one step over `records`, ms. */
      stepMs: number;
      view?: View;
    }
  | { type: 'checkpoint'; runId: number; iteration: number; checkpoint: Checkpoint }
  | { type: 'deviceLost'; backend: BackendName; message: string };

/** Why a run ended. */
export type RunEnd =
  | { reason: 'stopped' | 'finished'; iteration: number }
  | { reason: 'nonFinite'; iteration: number; metric: string; value: number }
  | { reason: 'error'; iteration: number; error: RuntimeError }
  | { reason: 'deviceLost'; iteration: number };

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}

export interface BenchmarkResult {
  backend: RuntimeBackend;
  msPerStep: number;
  steps: number;
}

/** The API a trainer worker exposes over comlink (see workers/runtime/host.ts). */
export interface TrainerWorkerApi<Config = unknown, View = unknown, Queries extends QueryMap = NoQueries> {
  /** Registers the event listener (progress, checkpoints, device loss). */
  connect(onEvent: (event: RuntimeEvent<View>) => void): void;
  /** Chooses and initialises the backend. */
  init(options: InitOptions): Promise<BackendChoice>;
  /**
   * Validates the config and builds a fresh trainer (disposing any earlier one). With `withView`
   * it answers the new trainer's snapshotForView() (null when it has none), so the page can draw a
   * fresh, reset or reconfigured session before its first step; without it, null.
   */
  create(config: Config, seed: number, withView?: boolean): Promise<View | null>;
  /** Runs steps until stopped, finished, a non-finite watched metric, an error or device loss. */
  run(runId: number, options: RunOptions): Promise<RunEnd>;
  /** Cooperative stop: the current step finishes, then run() resolves. */
  stop(): void;
  /** Changes the delay between steps of the current run. */
  setDelay(delayMs: number): void;
  /** One iteration outside a run. */
  step(runId: number): Promise<RunEnd | { reason: 'stepped'; record: IterationRecord; stepMs: number }>;
  getWeights(): Promise<WeightSnapshot>;
  /** Loads weights (checked with assertSnapshotFits); `iteration` restores the counter of a checkpoint. */
  setWeights(snapshot: WeightSnapshot, iteration?: number): Promise<void>;
  /** The full run state now (between steps). */
  checkpoint(): Promise<Checkpoint>;
  /**
   * Puts a checkpoint back into the current trainer (same config and seed) and its iteration
   * counter; with `withView` it answers the restored trainer's view (as create does).
   */
  restore(checkpoint: Checkpoint, iteration: number, withView?: boolean): Promise<View | null>;
  /** Answers one of the session's queries (between steps, also while running). */
  query<K extends keyof Queries & string>(kind: K, args: Parameters<Queries[K]>[0]): Promise<Awaited<ReturnType<Queries[K]>>>;
  /** The view data now, when the session has one. */
  view(): Promise<View | null>;
  /** Iterations done since create. */
  iteration(): number;
  memory(): Promise<MemoryInfo>;
  /** Test hook: loses the GPU device (WebGPU) or fires the same recovery path elsewhere. */
  simulateDeviceLoss(): Promise<void>;
  /** Times `steps` steps after `warmup` untimed ones on a fresh trainer of `config` (seed 1). */
  benchmark(config: Config, warmup: number, steps: number): Promise<BenchmarkResult>;
}
